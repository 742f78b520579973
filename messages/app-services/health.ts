// Module 4 (health): kept apart so each part of the module owns its catalogue.
export const ko = {
  "check.healthCheck.noZone":
    "이 이벤트에는 아직 공용 호스팅 영역이 없습니다. 강사에게 도메인 설정을 요청하세요.",
  "check.healthCheck.noInitials":
    "먼저 이 모듈의 이니셜을 정하세요. 상태 확인 이름이 이니셜에서 나옵니다.",
  "check.healthCheck.found": "강사 계정에 상태 확인 {name}({id})이(가) 있습니다.",
  "check.healthCheck.missing": "강사 계정에 이름이 {name}인 상태 확인이 없습니다.",
  "check.healthCheck.noName":
    "강사 계정에 내 EIP {ip}를 보는 상태 확인 {id}이(가) 있지만 이름(Name)이 비어 있습니다.",
  "check.healthCheck.ownAccount":
    "상태 확인 {id}(이름: {name})이(가) 강사 계정이 아니라 내 계정에 있습니다. 장애 조치 레코드는 같은 계정(강사 계정)의 상태 확인만 쓸 수 있습니다.",
  "check.healthCheck.ip": "상태 확인이 내 Web의 탄력적 IP {ip}를 봅니다.",
  "check.healthCheck.otherIp": "상태 확인이 {ip}를 봅니다. 내 Web의 탄력적 IP는 {eip}입니다.",
  "check.healthCheck.classmateIp":
    "상태 확인이 {ip}를 봅니다. 이 주소는 {owner}의 탄력적 IP입니다. 내 탄력적 IP는 {eip}입니다.",
  "check.healthCheck.byDomain":
    "상태 확인이 IP 주소가 아니라 도메인 이름 {domain}을 봅니다. 장애 조치 뒤에는 이 이름이 점검 페이지를 가리키므로 Web의 상태를 알 수 없습니다.",
  "check.healthCheck.noEip":
    "상태 확인이 {ip}를 보지만, Web에 연결된 탄력적 IP가 없어 내 주소인지 알 수 없습니다.",
  "check.healthCheck.http": "프로토콜이 HTTP입니다.",
  "check.healthCheck.tcp":
    "프로토콜이 TCP입니다. 포트가 열려 있는지만 보므로 앱이 오류를 내도 정상으로 봅니다.",
  "check.healthCheck.https":
    "프로토콜이 HTTPS입니다. 샘플 앱은 TLS 없이 HTTP로만 응답하므로 이 상태 확인은 정상이 될 수 없습니다.",
  "check.healthCheck.otherType": "프로토콜이 {type}입니다. 실습은 HTTP 상태 확인을 씁니다.",
  "check.healthCheck.port": "포트가 80입니다.",
  "check.healthCheck.otherPort": "포트가 {port}입니다. 샘플 앱은 80번 포트에서 응답합니다.",
  "check.healthCheck.path": "경로가 /입니다.",
  "check.healthCheck.otherPath":
    "경로가 {path}입니다. 실습은 /를 봅니다. 앱이 이 경로에 2xx/3xx로 응답하지 않으면 상태 확인이 비정상이 됩니다.",
  "check.healthCheck.alarm":
    "us-east-1에 이 상태 확인의 경보 {alarm}이(가) 있습니다(지금 상태: {state}).",
  "check.healthCheck.alarmMissing": "이 상태 확인의 HealthCheckStatus 경보가 us-east-1에 없습니다.",
  "check.healthCheck.alarmWrongRegion":
    "경보 {alarm}이(가) {region}에 있습니다. Route 53 상태 확인 지표는 us-east-1(버지니아 북부)에만 있어서 이 경보는 울리지 않습니다.",
  "check.healthCheck.alarmInOwnAccount":
    "경보 {alarm}이(가) 내 계정에 있습니다. 상태 확인은 강사 계정에 있고 그 지표도 강사 계정에만 있어서 이 경보는 울리지 않습니다.",
  "check.healthCheck.alarmOwnAccount":
    "경보 {alarm}이(가) 내 계정의 상태 확인을 따라 내 계정에 있습니다. 상태 확인과 함께 강사 계정에 다시 만들어야 합니다.",
  "check.healthCheck.action": "경보가 울리면 주제 {topic}으로 알림을 보냅니다.",
  "check.healthCheck.noAction": "경보 {alarm}에 알림 작업이 없습니다. 울려도 메일이 오지 않습니다.",
  "check.healthCheck.actionElsewhere":
    "경보가 다른 리전({region})의 주제 {arn}으로 알림을 보내려 합니다. us-east-1의 경보는 us-east-1의 주제에만 알릴 수 있습니다.",
  "check.healthCheck.otherTopic": "경보가 {topics}에 알림을 보냅니다. 실습의 주제는 {topic}입니다.",
  "check.healthCheck.topic": "강사 계정의 us-east-1에 SNS 주제 {topic}이(가) 있습니다.",
  "check.healthCheck.topicMissing": "강사 계정의 us-east-1에 SNS 주제 {topic}이(가) 없습니다.",
  "check.healthCheck.topicOwnAccount":
    "SNS 주제 {topic}이(가) 강사 계정이 아니라 내 계정(us-east-1)에 있습니다. 강사 계정의 경보는 이 주제에 알릴 수 없습니다.",
  "check.healthCheck.noSubscription": "주제 {topic}에 이메일 구독이 없습니다.",
  "check.healthCheck.otherEmail":
    "주제가 {email}로 메일을 보냅니다. 이니셜과 함께 적은 주소는 {wanted}입니다.",
  "check.healthCheck.subscribed": "{email} 구독이 확인되었습니다.",
  "check.healthCheck.subscriptionPending":
    "{email} 구독이 확인 대기 중(Pending confirmation)입니다. 확인하기 전에는 메일이 오지 않습니다.",
  "check.healthCheck.subscriptionSandbox":
    "{email} 구독이 있습니다. 에뮬레이터는 메일을 보내지 않고 모든 구독을 바로 확인된 것으로 표시하므로, 확인 메일을 눌렀는지는 샌드박스에서 볼 수 없습니다.",
  "check.healthCheck.experimentNotYet": "아직 상태 확인이 비정상이 된 것을 보지 못했습니다.",
  "check.healthCheck.experimentUnhealthy":
    "{at}에 상태 확인이 비정상이 되었습니다. 경보는 보통 1–2분 안에 경보 상태(ALARM)가 됩니다.",
  "check.healthCheck.experimentAlarmOnly":
    "{at}에 경보가 울렸지만, 포털은 상태 확인이 비정상인 것을 아직 보지 못했습니다. 잠시 뒤 다시 확인하세요.",
  "check.healthCheck.experimentDone":
    "실험 완료: {unhealthy}에 상태 확인이 비정상이 되었고 {alarm}에 경보가 울렸습니다.",
  "check.healthCheck.experimentStillDown":
    "실험 완료({unhealthy} 비정상, {alarm} 경보). 상태 확인이 아직 비정상입니다. 다음 단계 전에 앱을 다시 시작하세요.",
  "check.healthCheck.experimentSandbox":
    "에뮬레이터는 상태 확인을 언제나 정상으로 보고하고 경보 상태도 바꾸지 않아서, 앱을 멈췄을 때 경보가 울리는지 샌드박스에서는 볼 수 없습니다. 실제 AWS에서는 포털이 상태 확인과 경보 상태를 보고 기억합니다.",
  "fix.healthCheck.create":
    "역할 전환한 상태에서 Route 53 → **상태 확인 (Health checks)** → **상태 확인 생성 (Create health check)**으로 이름 {name}, IP 주소 = 내 EIP, HTTP, 포트 80, 경로 /로 만드세요.",
  "fix.healthCheck.switchRole":
    "먼저 강사 계정으로 **역할 전환 (Switch role)**하세요(2단계). 그다음 그 계정에 상태 확인 {name}을 만드세요.",
  "fix.healthCheck.inInstructorAccount":
    "역할 전환한 상태에서 강사 계정에 상태 확인 {name}을 다시 만들고 경보도 함께 만드세요. 내 계정의 것은 지워도 됩니다.",
  "fix.healthCheck.name":
    "상태 확인을 선택하고 **태그 (Tags)**에서 키 `Name`, 값 `{name}`을 추가하세요.",
  "fix.healthCheck.ip": "상태 확인을 편집해 **IP 주소 (IP address)**를 {ip}로 바꾸세요.",
  "fix.healthCheck.eipFirst": "Web에 탄력적 IP를 연결하세요(컴퓨팅 모듈 2단계).",
  "fix.healthCheck.protocol":
    "프로토콜은 편집할 수 없습니다. 이 상태 확인을 지우고 HTTP로 다시 만드세요.",
  "fix.healthCheck.port": "상태 확인을 편집해 **포트 (Port)**를 80으로 바꾸세요.",
  "fix.healthCheck.path": "상태 확인을 편집해 **경로 (Path)**를 /로 바꾸세요.",
  "fix.healthCheck.alarm":
    "역할 전환한 상태에서 CloudWatch를 **미국 동부(버지니아 북부) us-east-1**로 열고 Route 53 → HealthCheckStatus 지표에 경보를 만드세요. 상태 확인 생성 화면의 **경보 생성 (Create alarm)**을 써도 됩니다.",
  "fix.healthCheck.alarmRegion":
    "콘솔 오른쪽 위의 리전을 **미국 동부(버지니아 북부) us-east-1**로 바꾼 뒤 경보를 다시 만드세요. 다른 리전의 경보는 지우세요.",
  "fix.healthCheck.action":
    "경보를 편집해 **알림 (Notification)**에서 경보 상태일 때 주제 {topic}으로 보내도록 하세요.",
  "fix.healthCheck.topic":
    "역할 전환한 상태에서 SNS를 us-east-1로 열고 주제 {topic}을 만드세요. 상태 확인의 경보 화면에서 **새 SNS 주제 (New SNS topic)**를 골라도 됩니다.",
  "fix.healthCheck.subscribe":
    "주제 {topic}에 프로토콜 **이메일 (Email)**, 엔드포인트 {email}로 구독을 만드세요.",
  "fix.healthCheck.subscribeNoEmail":
    "이니셜을 정할 때 이메일을 적지 않았습니다. SNS → 주제 {topic} → **구독 생성 (Create subscription)**에서 프로토콜 **이메일 (Email)**로 내 주소를 직접 구독하세요.",
  "fix.healthCheck.confirm":
    '{email}의 받은편지함(스팸함도)에서 "AWS Notification - Subscription Confirmation" 메일을 열고 **Confirm subscription**을 누르세요.',
  "fix.healthCheck.stop":
    "Web에 SSH로 접속해 `sudo systemctl stop aws101-sample-app`으로 앱을 멈추고 1–2분 기다린 뒤 다시 확인하세요.",
  "fix.healthCheck.start":
    "Web에서 `sudo systemctl start aws101-sample-app`으로 앱을 다시 시작하세요.",
  "plan.healthCheck.needsSwitchRole":
    "강사 계정으로 역할 전환이 되어야 합니다. 2단계(역할 전환)를 먼저 마치세요.",
  "plan.healthCheck.needsEip":
    "Web에 탄력적 IP가 있어야 합니다. 컴퓨팅 모듈 2단계를 먼저 마치세요.",
  "plan.healthCheck.create":
    "강사 계정에 상태 확인 {name}을 만듭니다(HTTP, {ip}, 포트 80, 경로 /).",
  "plan.healthCheck.exists": "상태 확인 {name}이(가) 이미 있습니다.",
  "plan.healthCheck.update": "상태 확인 {name}을 {ip}, 포트 80, 경로 /로 고칩니다.",
  "plan.healthCheck.name": "상태 확인 {id}에 이름 {name}을 붙입니다.",
  "plan.healthCheck.recreate":
    "상태 확인 {id}의 프로토콜이 {type}입니다. 프로토콜은 바꿀 수 없으니 직접 지우세요. 그다음 대신 해 주세요가 HTTP로 만듭니다.",
  "plan.healthCheck.topic": "강사 계정의 us-east-1에 SNS 주제 {topic}을 만듭니다.",
  "plan.healthCheck.topicExists": "SNS 주제 {topic}이(가) 이미 있습니다.",
  "plan.healthCheck.subscribe":
    "{email}을(를) 주제 {topic}에 구독합니다. AWS가 보내는 확인 메일은 직접 눌러야 합니다.",
  "plan.healthCheck.subscribed": "{email} 구독이 이미 있습니다.",
  "plan.healthCheck.noEmail":
    "이니셜을 정할 때 이메일을 적지 않아 구독은 만들지 않습니다. SNS 콘솔에서 주제 {topic}에 내 주소를 직접 구독하세요.",
  "plan.healthCheck.alarm":
    "us-east-1에 HealthCheckStatus < 1(1분) 경보를 만들고 주제 {topic}에 알리게 합니다.",
  "plan.healthCheck.alarmExists": "경보 {alarm}이(가) 이미 있습니다.",
  "plan.healthCheck.alarmWaits": "경보는 HTTP 상태 확인이 생긴 뒤에 만듭니다.",
  "plan.healthCheck.alarmAction":
    "경보 {alarm}을 실습 설정(HealthCheckStatus < 1, 1분)으로 다시 저장하고 주제 {topic}에 알리게 합니다.",
  "plan.healthCheck.alarmElsewhere":
    "{region}의 경보 {alarm}은(는) 울리지 않으니 그 리전의 CloudWatch에서 직접 지우세요.",
  "done.healthCheck.created": "상태 확인 {name}을 만들었습니다.",
  "done.healthCheck.updated": "상태 확인 {name}을 고쳤습니다.",
  "done.healthCheck.named": "상태 확인에 이름 {name}을 붙였습니다.",
  "done.healthCheck.topic": "SNS 주제 {topic}을 만들었습니다.",
  "done.healthCheck.subscribed": "{email}을(를) 구독했습니다. 받은편지함에서 확인 메일을 누르세요.",
  "done.healthCheck.alarm": "us-east-1에 경보를 만들었습니다. 울리면 {topic}으로 알립니다.",
} as const satisfies Record<string, string>;

export const en: Record<keyof typeof ko, string> = {
  "check.healthCheck.noZone":
    "This event has no shared hosted zone yet. Ask your instructor to set up the domain.",
  "check.healthCheck.noInitials":
    "Choose your initials for this module first: the health check's name comes from them.",
  "check.healthCheck.found": "The instructor's account has the health check {name} ({id}).",
  "check.healthCheck.missing": "The instructor's account has no health check named {name}.",
  "check.healthCheck.noName":
    "The instructor's account has a health check {id} on your EIP {ip}, but its Name is empty.",
  "check.healthCheck.ownAccount":
    "The health check {id} (Name: {name}) is in your own account, not the instructor's. A failover record can use only a health check of its own (the instructor's) account.",
  "check.healthCheck.ip": "The health check monitors Web's Elastic IP {ip}.",
  "check.healthCheck.otherIp": "The health check monitors {ip}. Your Web's Elastic IP is {eip}.",
  "check.healthCheck.classmateIp":
    "The health check monitors {ip}, which is {owner}'s Elastic IP. Yours is {eip}.",
  "check.healthCheck.byDomain":
    "The health check monitors the domain name {domain}, not an IP address. After a failover that name points at the maintenance page, so it no longer tells how Web is doing.",
  "check.healthCheck.noEip":
    "The health check monitors {ip}, but Web has no Elastic IP to compare it with.",
  "check.healthCheck.http": "The protocol is HTTP.",
  "check.healthCheck.tcp":
    "The protocol is TCP: it only sees whether the port is open, so an app that answers with errors still looks healthy.",
  "check.healthCheck.https":
    "The protocol is HTTPS. The sample app answers plain HTTP only, so this check can never be healthy.",
  "check.healthCheck.otherType": "The protocol is {type}. The lab uses an HTTP health check.",
  "check.healthCheck.port": "The port is 80.",
  "check.healthCheck.otherPort": "The port is {port}. The sample app answers on port 80.",
  "check.healthCheck.path": "The path is /.",
  "check.healthCheck.otherPath":
    "The path is {path}; the lab uses /. Unless the app answers it with 2xx/3xx, the check turns unhealthy.",
  "check.healthCheck.alarm":
    "us-east-1 has the alarm {alarm} on this health check (state now: {state}).",
  "check.healthCheck.alarmMissing":
    "us-east-1 has no HealthCheckStatus alarm on this health check.",
  "check.healthCheck.alarmWrongRegion":
    "The alarm {alarm} is in {region}. Route 53 publishes health-check metrics only in us-east-1 (N. Virginia), so it never fires.",
  "check.healthCheck.alarmInOwnAccount":
    "The alarm {alarm} is in your own account. The health check and its metric are in the instructor's account, so it never fires.",
  "check.healthCheck.alarmOwnAccount":
    "The alarm {alarm} is in your own account, with the health check there. Make both again in the instructor's account.",
  "check.healthCheck.action": "When it fires, the alarm notifies the topic {topic}.",
  "check.healthCheck.noAction":
    "The alarm {alarm} has no notification action: no mail comes when it fires.",
  "check.healthCheck.actionElsewhere":
    "The alarm notifies {arn} in another region ({region}). An alarm in us-east-1 can notify only topics in us-east-1.",
  "check.healthCheck.otherTopic": "The alarm notifies {topics}. The lab's topic is {topic}.",
  "check.healthCheck.topic": "The instructor's account has the SNS topic {topic} in us-east-1.",
  "check.healthCheck.topicMissing":
    "The instructor's account has no SNS topic {topic} in us-east-1.",
  "check.healthCheck.topicOwnAccount":
    "The SNS topic {topic} is in your own account (us-east-1), not the instructor's: the alarm there can't notify it.",
  "check.healthCheck.noSubscription": "The topic {topic} has no email subscription.",
  "check.healthCheck.otherEmail":
    "The topic mails {email}; the address you gave with your initials is {wanted}.",
  "check.healthCheck.subscribed": "The subscription of {email} is confirmed.",
  "check.healthCheck.subscriptionPending":
    "The subscription of {email} is pending confirmation: no mail arrives until it is confirmed.",
  "check.healthCheck.subscriptionSandbox":
    "{email} is subscribed. The emulator sends no mail and marks every subscription confirmed at once, so the sandbox can't tell whether you confirmed it.",
  "check.healthCheck.experimentNotYet": "The health check has not been seen unhealthy yet.",
  "check.healthCheck.experimentUnhealthy":
    "The health check turned unhealthy at {at}. The alarm usually goes to ALARM within 1–2 minutes.",
  "check.healthCheck.experimentAlarmOnly":
    "The alarm fired at {at}, but the portal has not seen the health check unhealthy yet. Check again in a moment.",
  "check.healthCheck.experimentDone":
    "Experiment done: the health check turned unhealthy at {unhealthy} and the alarm fired at {alarm}.",
  "check.healthCheck.experimentStillDown":
    "Experiment done (unhealthy at {unhealthy}, alarm at {alarm}). The health check is still unhealthy: start the app again before the next step.",
  "check.healthCheck.experimentSandbox":
    "The emulator always reports health checks healthy and never changes an alarm's state, so the sandbox can't show the alarm firing when the app stops. On AWS the portal watches the health check and the alarm and remembers what it saw.",
  "fix.healthCheck.create":
    "Switched into the instructor's account, open Route 53 → **Health checks** → **Create health check**: Name {name}, IP address = your EIP, HTTP, port 80, path /.",
  "fix.healthCheck.switchRole":
    "**Switch role** into the instructor's account first (step 2), then create the health check {name} there.",
  "fix.healthCheck.inInstructorAccount":
    "Switched into the instructor's account, create the health check {name} and its alarm there again. You may delete the ones in your own account.",
  "fix.healthCheck.name":
    "Select the health check and, under **Tags**, add the key `Name` with the value `{name}`.",
  "fix.healthCheck.ip": "Edit the health check and set **IP address** to {ip}.",
  "fix.healthCheck.eipFirst": "Associate an Elastic IP with Web (Compute module, step 2).",
  "fix.healthCheck.protocol":
    "The protocol can't be edited: delete this health check and create it again with HTTP.",
  "fix.healthCheck.port": "Edit the health check and set **Port** to 80.",
  "fix.healthCheck.path": "Edit the health check and set **Path** to /.",
  "fix.healthCheck.alarm":
    "Switched into the instructor's account, open CloudWatch in **US East (N. Virginia) us-east-1** and create an alarm on Route 53 → HealthCheckStatus, or use **Create alarm** on the health-check form.",
  "fix.healthCheck.alarmRegion":
    "Switch the console's region (top right) to **US East (N. Virginia) us-east-1** and create the alarm again there. Delete the one in the other region.",
  "fix.healthCheck.action":
    "Edit the alarm and, under **Notification**, send to the topic {topic} when in alarm.",
  "fix.healthCheck.topic":
    "Switched into the instructor's account, open SNS in us-east-1 and create the topic {topic}, or choose **New SNS topic** on the health check's alarm form.",
  "fix.healthCheck.subscribe":
    "Create a subscription of the topic {topic} with the protocol **Email** and the endpoint {email}.",
  "fix.healthCheck.subscribeNoEmail":
    "You gave no email with your initials. In SNS → topic {topic} → **Create subscription**, subscribe your address with the protocol **Email**.",
  "fix.healthCheck.confirm":
    'Open the mail "AWS Notification - Subscription Confirmation" in {email}\'s inbox (or spam) and click **Confirm subscription**.',
  "fix.healthCheck.stop":
    "SSH into Web, stop the app with `sudo systemctl stop aws101-sample-app`, wait 1–2 minutes and check again.",
  "fix.healthCheck.start":
    "On Web, start the app again with `sudo systemctl start aws101-sample-app`.",
  "plan.healthCheck.needsSwitchRole":
    "The switch into the instructor's account must work first: finish step 2 (switch role).",
  "plan.healthCheck.needsEip": "Web needs an Elastic IP first: finish the Compute module's step 2.",
  "plan.healthCheck.create":
    "Create the health check {name} in the instructor's account (HTTP, {ip}, port 80, path /).",
  "plan.healthCheck.exists": "The health check {name} already exists.",
  "plan.healthCheck.update": "Set the health check {name} to {ip}, port 80, path /.",
  "plan.healthCheck.name": "Name the health check {id} {name}.",
  "plan.healthCheck.recreate":
    "The health check {id} uses {type}, which can't be changed: delete it yourself, then do it for me creates an HTTP one.",
  "plan.healthCheck.topic":
    "Create the SNS topic {topic} in us-east-1 of the instructor's account.",
  "plan.healthCheck.topicExists": "The SNS topic {topic} already exists.",
  "plan.healthCheck.subscribe":
    "Subscribe {email} to the topic {topic}. You confirm the mail AWS sends yourself.",
  "plan.healthCheck.subscribed": "{email} is already subscribed.",
  "plan.healthCheck.noEmail":
    "You gave no email with your initials, so no subscription is made: subscribe your address to the topic {topic} in the SNS console yourself.",
  "plan.healthCheck.alarm":
    "Create an alarm in us-east-1 on HealthCheckStatus < 1 (1 minute) that notifies the topic {topic}.",
  "plan.healthCheck.alarmExists": "The alarm {alarm} already exists.",
  "plan.healthCheck.alarmWaits": "The alarm is made once there is an HTTP health check.",
  "plan.healthCheck.alarmAction":
    "Save the alarm {alarm} again with the lab's settings (HealthCheckStatus < 1, 1 minute), notifying the topic {topic}.",
  "plan.healthCheck.alarmElsewhere":
    "The alarm {alarm} in {region} never fires: delete it yourself in that region's CloudWatch.",
  "done.healthCheck.created": "Created the health check {name}.",
  "done.healthCheck.updated": "Fixed the health check {name}.",
  "done.healthCheck.named": "Named the health check {name}.",
  "done.healthCheck.topic": "Created the SNS topic {topic}.",
  "done.healthCheck.subscribed": "Subscribed {email}: click the link in the confirmation mail.",
  "done.healthCheck.alarm": "Created the alarm in us-east-1; it notifies {topic}.",
};
