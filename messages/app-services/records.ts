// Module 4 (records): kept apart so each part of the module owns its catalogue.
export const ko = {
  "check.record.noZoneConfigured":
    "이 이벤트에는 아직 공용 호스팅 영역이 없습니다. 레코드를 만들 곳이 없습니다.",
  "fix.record.noZoneConfigured": "강사에게 이벤트의 도메인과 호스팅 영역 설정을 요청하세요.",
  "plan.record.noZoneConfigured":
    "이 이벤트에는 공용 호스팅 영역이 없어 아무것도 할 수 없습니다. 강사에게 요청하세요.",
  "check.record.noInitials": "아직 이니셜을 정하지 않았습니다. 레코드 이름이 이니셜에서 나옵니다.",
  "fix.record.noInitials": "이 페이지 위쪽의 이니셜 입력란에서 이니셜을 먼저 정하세요.",
  "plan.record.noInitials": "이니셜을 먼저 정하세요. 레코드 이름이 이니셜에서 나옵니다.",
  "check.record.noAccess": "강사 계정으로 역할을 전환할 수 없어 공용 호스팅 영역을 볼 수 없습니다.",
  "fix.record.noAccess":
    "2단계 **역할 전환 (Switch role)**을 먼저 마치세요. 레코드는 강사 계정의 호스팅 영역에 만듭니다.",
  "plan.record.noAccess": "역할 전환(2단계)이 되어야 강사 계정의 호스팅 영역을 바꿀 수 있습니다.",
  "check.record.noZone": "강사 계정에 호스팅 영역 {zoneId}이(가) 없습니다.",
  "fix.record.noZone": "강사에게 알려 주세요. 이벤트에 설정된 호스팅 영역 ID가 맞지 않습니다.",
  "plan.record.noZone":
    "호스팅 영역 {zoneId}이(가) 없어 아무것도 할 수 없습니다. 강사에게 알려 주세요.",
  "check.record.noElasticIp":
    "Web에 아직 탄력적 IP가 없습니다. 레코드는 탄력적 IP를 가리켜야 합니다.",
  "fix.record.noElasticIp": "모듈 1의 **탄력적 IP 연결하기** 단계를 먼저 마치세요.",
  "plan.record.noElasticIp": "Web에 탄력적 IP가 없습니다. 모듈 1의 탄력적 IP 단계를 먼저 마치세요.",
  "check.record.elasticIp": "Web의 탄력적 IP는 {ip}입니다.",
  "check.record.missing": "호스팅 영역에 {name} 레코드가 없습니다.",
  "fix.record.missing":
    "호스팅 영역에서 **레코드 생성 (Create record)**을 누르고 이니셜, 유형 A, 값에 탄력적 IP, TTL 30으로 만드세요.",
  "check.record.otherRouting":
    "{name}의 A 레코드가 {routing} 라우팅 정책입니다. 이 실습은 단순 라우팅으로 시작합니다.",
  "fix.record.otherRouting":
    "그 레코드를 삭제하고 **라우팅 정책 (Routing policy)**을 **단순 라우팅 (Simple routing)**으로 다시 만드세요.",
  "check.record.cname": "{name}에 A 레코드 대신 CNAME 레코드({target})가 있습니다.",
  "fix.record.cname":
    "CNAME 레코드를 삭제하고 **레코드 유형 (Record type)**을 **A**로 골라 다시 만드세요. CNAME이 있는 이름에는 다른 레코드를 둘 수 없습니다.",
  "check.record.aaaa": "{name}에 A 레코드 대신 AAAA(IPv6) 레코드가 있습니다.",
  "fix.record.aaaa":
    "**레코드 유형 (Record type)**을 **A – IPv4 주소**로 골라 레코드를 만드세요. Web에는 IPv6 주소가 없습니다.",
  "check.record.noPrimary": "{name}에 장애 조치 보조 레코드만 있고 기본 레코드가 없습니다.",
  "fix.record.noPrimary":
    "6단계처럼 장애 조치 유형 **기본 (Primary)**의 A 레코드를 탄력적 IP로 만드세요.",
  "check.record.alias":
    "{name}이(가) 별칭 레코드입니다({target}). 이 단계는 별칭이 아닌 A 레코드가 필요합니다.",
  "fix.record.alias": "레코드를 편집해 **별칭 (Alias)**을 끄고 값에 {ip}을(를) 넣으세요.",
  "check.record.points": "{name}이(가) 단순 라우팅으로 Web의 탄력적 IP {ip}을(를) 가리킵니다.",
  "check.record.pointsPrimary":
    "{name}이(가) 장애 조치 기본 레코드로 Web의 탄력적 IP {ip}을(를) 가리킵니다.",
  "check.record.classmateIp":
    "{name}이(가) {ip}을(를) 가리킵니다. {ip}은(는) {owner}님의 탄력적 IP입니다.",
  "check.record.extraValues":
    "{name}에 값이 여러 개입니다 ({values}). 탄력적 IP 하나만 있어야 합니다.",
  "check.record.ownOtherIp":
    "{name}이(가) {ip}을(를) 가리킵니다. 내 주소였지만 지금 Web의 탄력적 IP가 아닙니다.",
  "check.record.unknownIp":
    "{name}이(가) {ip}을(를) 가리킵니다. 이 이벤트의 누구의 탄력적 IP도 아닙니다 (탄력적 IP를 붙이기 전의 자동 할당 IP일 수 있습니다).",
  "fix.record.wrongIp": "레코드를 편집해 **값 (Value)**을 {ip} 하나로 바꾸세요.",
  "check.record.ttl": "TTL이 {ttl}초입니다.",
  "check.record.ttlConsoleDefault":
    "TTL이 {ttl}초입니다. 콘솔의 기본값이 그대로 남았습니다. 이 실습은 {expected}초를 씁니다.",
  "check.record.ttlWrong": "TTL이 {ttl}초입니다. 이 실습은 {expected}초를 씁니다.",
  "fix.record.ttl":
    "레코드를 편집해 **TTL(초) (TTL (seconds))**을 {expected}로 바꾸세요. TTL이 짧아야 장애 조치가 빨리 보입니다.",
  "plan.record.exists": "{name} → {ip}: 이미 맞게 되어 있습니다.",
  "plan.record.classmate":
    "레코드가 {ip}을(를) 가리킵니다. {owner}님의 탄력적 IP이므로 덮어쓰지 않습니다. 그 참가자와 이니셜을 확인하세요.",
  "plan.record.finishFailover":
    "{name}에 장애 조치 보조 레코드만 있습니다. 6단계 장애 조치 라우팅의 대신 해 주세요로 기본 레코드를 만드세요.",
  "plan.record.otherRouting":
    "{name}에 {routing} 라우팅 A 레코드가 있습니다. 콘솔에서 직접 삭제한 뒤 다시 누르세요.",
  "plan.record.create": "A 레코드를 만듭니다: {name} → {ip}, TTL {ttl}, 단순 라우팅.",
  "plan.record.replaceCname":
    "{name}의 CNAME 레코드를 지우고 같은 변경 배치에서 A 레코드를 만듭니다: {ip}, TTL {ttl}.",
  "plan.record.update":
    "{name} 레코드를 고칩니다: 값 {ip}, TTL {ttl}. 라우팅 정책은 그대로 둡니다.",
  "done.record.created": "{name} → {ip} A 레코드를 만들었습니다.",
  "done.record.updated": "{name} 레코드를 {ip}, TTL {ttl}로 고쳤습니다.",
  "check.failoverRouting.primary": "장애 조치 기본 레코드가 있습니다 (레코드 ID {id}).",
  "check.failoverRouting.stillSimple": "{name}이(가) 아직 단순 라우팅입니다.",
  "check.failoverRouting.primaryMissing": "{name}에 장애 조치 기본 레코드가 없습니다.",
  "fix.failoverRouting.primary":
    "기존 레코드를 편집해 **라우팅 정책 (Routing policy)**을 **장애 조치 (Failover)**, **장애 조치 레코드 유형 (Failover record type)**을 **기본 (Primary)**으로 바꾸세요.",
  "check.failoverRouting.healthCheck": "기본 레코드에 상태 확인 {name}이(가) 연결되어 있습니다.",
  "check.failoverRouting.noHealthCheck": "기본 레코드에 상태 확인이 연결되어 있지 않습니다.",
  "fix.failoverRouting.associate":
    "기본 레코드를 편집해 **상태 확인 ID (Health check ID)**에서 {name}을(를) 고르세요.",
  "check.failoverRouting.healthCheckInOwnAccount":
    "상태 확인 {name}이(가) 내 계정에만 있습니다. 레코드는 호스팅 영역과 같은 계정(강사 계정)의 상태 확인만 쓸 수 있습니다.",
  "fix.failoverRouting.healthCheckInOwnAccount":
    "역할을 전환한 상태에서 4단계의 상태 확인을 다시 만드세요. 내 계정의 것은 지워도 됩니다.",
  "check.failoverRouting.noHealthCheckYet": "강사 계정에 상태 확인 {name}이(가) 아직 없습니다.",
  "fix.failoverRouting.healthCheckFirst": "4단계 상태 확인을 먼저 마치세요.",
  "check.failoverRouting.otherHealthCheck":
    "기본 레코드에 다른 참가자의 상태 확인 {name}({id})이(가) 연결되어 있습니다.",
  "check.failoverRouting.unnamedHealthCheck":
    "기본 레코드에 이름 없는 상태 확인 {id}이(가) 연결되어 있습니다. 내 상태 확인이 아닙니다.",
  "check.failoverRouting.unknownHealthCheck":
    "기본 레코드에 연결된 상태 확인 {id}이(가) 강사 계정에 없습니다.",
  "check.failoverRouting.secondaryMissing": "{name}에 장애 조치 보조 레코드가 없습니다.",
  "fix.failoverRouting.secondary":
    "**레코드 생성 (Create record)**으로 같은 이름의 A 레코드를 **별칭 (Alias)**을 켜고 장애 조치 **보조 (Secondary)**로 만드세요.",
  "check.failoverRouting.secondaryNotAlias":
    "보조 레코드가 별칭이 아니라 값({values})을 가진 A 레코드입니다.",
  "fix.failoverRouting.secondaryAlias":
    "보조 레코드를 편집해 **별칭 (Alias)**을 켜고 **S3 웹 사이트 엔드포인트에 대한 별칭 (Alias to S3 website endpoint)**을 고르세요.",
  "check.failoverRouting.secondary": "장애 조치 보조 레코드가 별칭입니다.",
  "check.failoverRouting.otherRegion":
    "보조 레코드가 다른 리전({region})의 웹 사이트 엔드포인트 {target}을(를) 가리킵니다. 점검 중 페이지 버킷은 서울 리전에 있습니다.",
  "check.failoverRouting.notWebsite":
    "보조 레코드가 S3 웹 사이트 엔드포인트가 아닌 {target}을(를) 가리킵니다.",
  "fix.failoverRouting.target":
    "보조 레코드의 별칭 대상을 **아시아 태평양(서울)** 리전의 {endpoint}로 고르세요.",
  "check.failoverRouting.aliasZone":
    "별칭의 호스팅 영역 ID가 {zoneId}입니다. 서울 S3 웹 사이트 엔드포인트는 {expected}입니다.",
  "check.failoverRouting.target":
    "보조 레코드가 서울의 S3 웹 사이트 엔드포인트 {target}을(를) 가리킵니다.",
  "check.failoverRouting.evaluateOn": "보조 레코드의 대상 상태 평가가 켜져 있습니다.",
  "fix.failoverRouting.evaluateOff":
    "보조 레코드를 편집해 **대상 상태 평가 (Evaluate target health)**를 **아니요 (No)**로 바꾸세요.",
  "check.failoverRouting.evaluateOff": "보조 레코드의 대상 상태 평가가 꺼져 있습니다.",
  "check.failoverRouting.secondaryHealthCheck":
    "보조 레코드에 상태 확인 {id}이(가) 연결되어 있습니다. 점검 중 페이지는 상태 확인 없이 항상 응답해야 합니다.",
  "fix.failoverRouting.secondaryHealthCheck": "보조 레코드를 편집해 상태 확인 연결을 지우세요.",
  "check.failoverRouting.simpleLeft":
    "장애 조치 레코드 옆에 단순 라우팅 레코드({values})가 남아 있습니다. Route 53은 같은 이름과 유형에 단순 레코드와 장애 조치 레코드를 함께 두지 않습니다.",
  "fix.failoverRouting.simpleLeft":
    "새로 만들지 말고 기존 단순 레코드를 편집해 기본 레코드로 바꾸세요. 남은 단순 레코드는 삭제하세요.",
  "check.failoverRouting.bucket": "점검 중 페이지 버킷 {bucket}이(가) 내 계정에 있습니다.",
  "check.failoverRouting.bucketMissing":
    "내 계정에 버킷 {bucket}이(가) 없습니다. 별칭은 레코드와 이름이 똑같은 버킷에서만 페이지를 가져옵니다.",
  "fix.failoverRouting.bucket": "5단계 점검 중 페이지 만들기를 먼저 마치세요.",
  "check.failoverRouting.sandbox":
    "샌드박스 에뮬레이터에는 DNS 응답도 상태 확인 결과도 없어, 장애 조치가 실제로 일어나는지는 볼 수 없습니다. 레코드 설정만 확인했습니다.",
  "check.failoverRouting.noAnswer": "Route 53이 이 이름에 답하지 않았습니다 (응답 코드 {code}).",
  "fix.failoverRouting.noAnswer":
    "레코드 이름이 이니셜.도메인인지, 호스팅 영역이 맞는지 확인하세요.",
  "check.failoverRouting.answersPrimary":
    "Route 53이 {values}(으)로 답합니다. 지금은 Web이 응답합니다.",
  "check.failoverRouting.answersSecondary":
    "Route 53이 {values}(으)로 답합니다. Web의 상태 확인이 실패해 점검 중 페이지로 넘어갔습니다.",
  "plan.failoverRouting.needsHealthCheck":
    "강사 계정에 상태 확인 {name}이(가) 없습니다. 4단계 상태 확인을 먼저 하세요.",
  "plan.failoverRouting.healthCheckInOwnAccount":
    "상태 확인 {name}이(가) 내 계정에만 있습니다. 레코드는 강사 계정의 상태 확인만 쓸 수 있으니, 역할을 전환한 상태에서 4단계를 다시 하세요.",
  "plan.failoverRouting.bucketMissing":
    "버킷 {bucket}이(가) 없습니다. 레코드는 만들지만, 점검 중 페이지는 5단계를 마쳐야 보입니다.",
  "plan.failoverRouting.exists": "{name}의 기본 레코드와 보조 레코드: 이미 맞게 되어 있습니다.",
  "plan.failoverRouting.fromSimple":
    "변경 배치 하나로: {name}의 단순 레코드를 지우고, 상태 확인 {healthCheck}을(를) 연결한 기본 레코드와 서울 S3 웹 사이트 별칭인 보조 레코드를 만듭니다.",
  "plan.failoverRouting.fix":
    "변경 배치 하나로 {name}의 장애 조치 레코드를 고칩니다: 기본 레코드는 탄력적 IP, TTL 30, 상태 확인 {healthCheck}, 보조 레코드는 서울 S3 웹 사이트 별칭.",
  "done.failoverRouting.applied":
    "{name}이(가) 장애 조치 라우팅이 되었습니다 (기본: 상태 확인 {healthCheck}, 보조: S3 웹 사이트).",
} as const satisfies Record<string, string>;

export const en: Record<keyof typeof ko, string> = {
  "check.record.noZoneConfigured":
    "This event has no shared hosted zone yet: there is nowhere to create the record.",
  "fix.record.noZoneConfigured":
    "Ask your instructor to set up the event's domain and hosted zone.",
  "plan.record.noZoneConfigured":
    "This event has no shared hosted zone, so nothing can be done. Ask your instructor.",
  "check.record.noInitials":
    "You haven't chosen your initials yet: the record's name comes from them.",
  "fix.record.noInitials": "Choose your initials in the form at the top of this page first.",
  "plan.record.noInitials": "Choose your initials first: the record's name comes from them.",
  "check.record.noAccess":
    "You can't switch role into the instructor's account, so the shared hosted zone can't be read.",
  "fix.record.noAccess":
    "Finish step 2, **Switch role**, first: the record goes into the hosted zone of the instructor's account.",
  "plan.record.noAccess":
    "The instructor's hosted zone can be changed only after the switch role (step 2) works.",
  "check.record.noZone": "The instructor's account has no hosted zone {zoneId}.",
  "fix.record.noZone": "Tell your instructor: the event's hosted zone id is wrong.",
  "plan.record.noZone":
    "Hosted zone {zoneId} doesn't exist, so nothing can be done. Tell your instructor.",
  "check.record.noElasticIp": "Web has no Elastic IP yet: the record must point at it.",
  "fix.record.noElasticIp": "Finish Module 1's **Attach an Elastic IP** step first.",
  "plan.record.noElasticIp": "Web has no Elastic IP. Finish Module 1's Elastic IP step first.",
  "check.record.elasticIp": "Web's Elastic IP is {ip}.",
  "check.record.missing": "The hosted zone has no {name} record.",
  "fix.record.missing":
    "In the hosted zone choose **Create record**: your initials, type A, your Elastic IP as the value, TTL 30.",
  "check.record.otherRouting":
    "The A record of {name} uses the {routing} routing policy. This lab starts with simple routing.",
  "fix.record.otherRouting":
    "Delete that record and create it again with **Routing policy** **Simple routing**.",
  "check.record.cname": "{name} has a CNAME record ({target}) instead of an A record.",
  "fix.record.cname":
    "Delete the CNAME record and create it again with **Record type** **A**. A name with a CNAME can't hold any other record.",
  "check.record.aaaa": "{name} has an AAAA (IPv6) record instead of an A record.",
  "fix.record.aaaa":
    "Create the record with **Record type** **A – IPv4 address**. Web has no IPv6 address.",
  "check.record.noPrimary": "{name} has only a failover secondary record, no primary.",
  "fix.record.noPrimary":
    "As in step 6, create the A record with failover type **Primary** pointing at your Elastic IP.",
  "check.record.alias":
    "{name} is an alias record ({target}). This step needs a plain A record, not an alias.",
  "fix.record.alias": "Edit the record: turn **Alias** off and enter {ip} as the value.",
  "check.record.points": "{name} points at Web's Elastic IP {ip} with simple routing.",
  "check.record.pointsPrimary": "{name} points at Web's Elastic IP {ip} as the failover primary.",
  "check.record.classmateIp": "{name} points at {ip}. {ip} is {owner}'s Elastic IP.",
  "check.record.extraValues":
    "{name} has several values ({values}). It must hold your Elastic IP only.",
  "check.record.ownOtherIp":
    "{name} points at {ip}: an address you had, but not Web's Elastic IP now.",
  "check.record.unknownIp":
    "{name} points at {ip}: nobody's Elastic IP in this event (perhaps the auto-assigned IP from before the Elastic IP).",
  "fix.record.wrongIp": "Edit the record and make {ip} its only **Value**.",
  "check.record.ttl": "The TTL is {ttl} seconds.",
  "check.record.ttlConsoleDefault":
    "The TTL is {ttl} seconds: the console's default was left. This lab uses {expected} seconds.",
  "check.record.ttlWrong": "The TTL is {ttl} seconds. This lab uses {expected} seconds.",
  "fix.record.ttl":
    "Edit the record and set **TTL (seconds)** to {expected}. A short TTL makes the failover visible sooner.",
  "plan.record.exists": "{name} → {ip}: already right.",
  "plan.record.classmate":
    "The record points at {ip}, {owner}'s Elastic IP: it is not overwritten. Check your initials with them.",
  "plan.record.finishFailover":
    "{name} has only a failover secondary record. Use step 6's do it for me (failover routing) to create the primary.",
  "plan.record.otherRouting":
    "{name} has an A record with {routing} routing. Delete it in the console, then try again.",
  "plan.record.create": "Create the A record {name} → {ip}, TTL {ttl}, simple routing.",
  "plan.record.replaceCname":
    "Delete the CNAME record of {name} and, in the same change batch, create the A record → {ip}, TTL {ttl}.",
  "plan.record.update":
    "Fix the {name} record: value {ip}, TTL {ttl}. Its routing policy stays as it is.",
  "done.record.created": "Created the A record {name} → {ip}.",
  "done.record.updated": "Fixed the {name} record: {ip}, TTL {ttl}.",
  "check.failoverRouting.primary": "There is a failover primary record (record ID {id}).",
  "check.failoverRouting.stillSimple": "{name} still uses simple routing.",
  "check.failoverRouting.primaryMissing": "{name} has no failover primary record.",
  "fix.failoverRouting.primary":
    "Edit the existing record: **Routing policy** **Failover**, **Failover record type** **Primary**.",
  "check.failoverRouting.healthCheck": "The primary record has the health check {name}.",
  "check.failoverRouting.noHealthCheck": "The primary record has no health check.",
  "fix.failoverRouting.associate":
    "Edit the primary record and choose {name} as its **Health check ID**.",
  "check.failoverRouting.healthCheckInOwnAccount":
    "The health check {name} exists only in your own account. A record can use only health checks of its zone's account (the instructor's).",
  "fix.failoverRouting.healthCheckInOwnAccount":
    "Switch role and create step 4's health check again there. You may delete the one in your account.",
  "check.failoverRouting.noHealthCheckYet":
    "The instructor's account has no health check {name} yet.",
  "fix.failoverRouting.healthCheckFirst": "Finish step 4, the health check, first.",
  "check.failoverRouting.otherHealthCheck":
    "The primary record has another attendee's health check, {name} ({id}).",
  "check.failoverRouting.unnamedHealthCheck":
    "The primary record has the unnamed health check {id}: not yours.",
  "check.failoverRouting.unknownHealthCheck":
    "The primary record's health check {id} doesn't exist in the instructor's account.",
  "check.failoverRouting.secondaryMissing": "{name} has no failover secondary record.",
  "fix.failoverRouting.secondary":
    "Choose **Create record**: the same name, type A, **Alias** on, failover **Secondary**.",
  "check.failoverRouting.secondaryNotAlias":
    "The secondary record is a plain A record with values ({values}), not an alias.",
  "fix.failoverRouting.secondaryAlias":
    "Edit the secondary record: turn **Alias** on and choose **Alias to S3 website endpoint**.",
  "check.failoverRouting.secondary": "The failover secondary record is an alias.",
  "check.failoverRouting.otherRegion":
    "The secondary record points at another region's ({region}) website endpoint {target}. The maintenance bucket is in Seoul.",
  "check.failoverRouting.notWebsite":
    "The secondary record points at {target}, not an S3 website endpoint.",
  "fix.failoverRouting.target":
    "Choose the region **Asia Pacific (Seoul)** and {endpoint} as the secondary's alias target.",
  "check.failoverRouting.aliasZone":
    "The alias's hosted zone id is {zoneId}. Seoul's S3 website endpoint uses {expected}.",
  "check.failoverRouting.target":
    "The secondary record points at Seoul's S3 website endpoint {target}.",
  "check.failoverRouting.evaluateOn": "Evaluate target health is on for the secondary record.",
  "fix.failoverRouting.evaluateOff":
    "Edit the secondary record: set **Evaluate target health** to **No**.",
  "check.failoverRouting.evaluateOff": "Evaluate target health is off for the secondary record.",
  "check.failoverRouting.secondaryHealthCheck":
    "The secondary record has the health check {id}. The maintenance page must answer without one.",
  "fix.failoverRouting.secondaryHealthCheck":
    "Edit the secondary record and remove its health check.",
  "check.failoverRouting.simpleLeft":
    "A simple record ({values}) is left next to the failover records. Route 53 doesn't allow simple and failover records with the same name and type.",
  "fix.failoverRouting.simpleLeft":
    "Edit the existing simple record into the primary instead of creating a new one, and delete the leftover simple record.",
  "check.failoverRouting.bucket": "The maintenance bucket {bucket} is in your account.",
  "check.failoverRouting.bucketMissing":
    "Your account has no bucket {bucket}. The alias serves pages only from a bucket named exactly like the record.",
  "fix.failoverRouting.bucket": "Finish step 5, the maintenance page, first.",
  "check.failoverRouting.sandbox":
    "The sandbox emulator has no DNS answers and no health-check results, so the failover itself can't be tried here. Only the records' configuration was checked.",
  "check.failoverRouting.noAnswer": "Route 53 gave no answer for the name (response code {code}).",
  "fix.failoverRouting.noAnswer":
    "Check that the record's name is initials.domain in the right hosted zone.",
  "check.failoverRouting.answersPrimary": "Route 53 answers {values}: Web is serving.",
  "check.failoverRouting.answersSecondary":
    "Route 53 answers {values}: Web's health check failed and the maintenance page took over.",
  "plan.failoverRouting.needsHealthCheck":
    "The instructor's account has no health check {name}. Do step 4, the health check, first.",
  "plan.failoverRouting.healthCheckInOwnAccount":
    "The health check {name} exists only in your own account. A record can use only the instructor account's health checks: switch role and do step 4 again.",
  "plan.failoverRouting.bucketMissing":
    "There is no bucket {bucket}. The records are made, but the maintenance page shows only after step 5.",
  "plan.failoverRouting.exists": "The primary and secondary records of {name}: already right.",
  "plan.failoverRouting.fromSimple":
    "In one change batch: delete the simple record of {name}, create the primary with the health check {healthCheck}, and the secondary as an alias to Seoul's S3 website endpoint.",
  "plan.failoverRouting.fix":
    "In one change batch, fix the failover records of {name}: the primary to your Elastic IP, TTL 30, health check {healthCheck}; the secondary as an alias to Seoul's S3 website endpoint.",
  "done.failoverRouting.applied":
    "{name} now uses failover routing (primary: health check {healthCheck}; secondary: the S3 website).",
};
