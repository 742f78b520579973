// Module 5 (clean-up): what is left of the lab, what is deleted, and why something could not be.
export const ko = {
  "plan.cleanup.total":
    "지금 남은 실습 리소스는 시간당 약 {hour} USD(하루 약 {day} USD)입니다. 아래 순서대로 삭제합니다.",
  "plan.cleanup.nothing": "{regions}와 공용 호스팅 영역에 실습 리소스가 남아 있지 않습니다.",
  "plan.cleanup.zone-records":
    "공용 호스팅 영역의 내 레코드 {name}을(를) 삭제합니다(역할 전환으로 강사 계정에서).",
  "plan.cleanup.health-check": "Route 53 상태 확인 {name}을(를) 삭제합니다. 시간당 {cost} USD.",
  "plan.cleanup.alarm": "CloudWatch 경보 {name}({region})을(를) 삭제합니다. 시간당 {cost} USD.",
  "plan.cleanup.topic": "SNS 주제 {name}({region})의 구독을 끊고 주제를 삭제합니다.",
  "plan.cleanup.address":
    "탄력적 IP {name}({region})을(를) 연결 해제하고 릴리스합니다. 시간당 {cost} USD.",
  "plan.cleanup.instance":
    "인스턴스 {name}({region})을(를) 종료하고 종료될 때까지 기다립니다. 시간당 {cost} USD.",
  "plan.cleanup.key-pair": "키 페어 {name}({region})을(를) 삭제합니다.",
  "plan.cleanup.db-instance":
    "RDS 인스턴스 {name}({region})을(를) 최종 스냅샷 없이 삭제합니다. 시간당 {cost} USD.",
  "plan.cleanup.dbDeleting":
    "RDS 인스턴스 {name}({region})은(는) 삭제 중입니다. 약 {minutes}분 남았습니다.",
  "plan.cleanup.group-reference":
    "보안 그룹 규칙 {name}({region})을(를) 먼저 지웁니다. 그래야 두 그룹을 각각 삭제할 수 있습니다.",
  "plan.cleanup.security-group":
    "보안 그룹 {name}({region})을(를) 삭제합니다. 인스턴스와 DB가 사라진 뒤에 지웁니다.",
  "plan.cleanup.bucket":
    "S3 버킷 {name}({region})의 모든 객체 버전과 삭제 마커를 지우고 버킷을 삭제합니다.",
  "plan.cleanup.instance-profile": "인스턴스 프로파일 {name}에서 역할을 빼고 삭제합니다.",
  "plan.cleanup.role": "IAM 역할 {name}의 인라인 정책과 연결된 정책을 지우고 역할을 삭제합니다.",
  "plan.cleanup.user":
    "IAM 사용자 {name}의 콘솔 암호, 액세스 키, 연결된 정책을 지우고 사용자를 삭제합니다.",
  "plan.cleanup.ambiguous":
    "버킷 {name}에는 실습이 만들지 않은 객체가 있습니다(예: {keys}). 확인하기 전에는 삭제하지 않습니다.",
  "plan.cleanup.zoneUnreadable":
    "공용 호스팅 영역을 읽을 수 없어({why}) 그 안의 내 레코드와 상태 확인은 정리하지 못합니다.",
  "done.cleanup.zone-records": "공용 호스팅 영역의 레코드 {name}을(를) 삭제했습니다.",
  "done.cleanup.health-check": "상태 확인 {name}을(를) 삭제했습니다.",
  "done.cleanup.alarm": "경보 {name}을(를) 삭제했습니다.",
  "done.cleanup.topic": "SNS 주제 {name}을(를) 삭제했습니다.",
  "done.cleanup.address": "탄력적 IP {name}을(를) 릴리스했습니다.",
  "done.cleanup.instance": "인스턴스 {name}이(가) 종료되었습니다.",
  "done.cleanup.key-pair": "키 페어 {name}을(를) 삭제했습니다.",
  "done.cleanup.db-instance": "RDS 인스턴스 {name}을(를) 삭제했습니다.",
  "done.cleanup.group-reference": "보안 그룹 규칙 {name}을(를) 지웠습니다.",
  "done.cleanup.security-group": "보안 그룹 {name}을(를) 삭제했습니다.",
  "done.cleanup.bucket": "버킷 {name}을(를) 비우고 삭제했습니다.",
  "done.cleanup.instance-profile": "인스턴스 프로파일 {name}을(를) 삭제했습니다.",
  "done.cleanup.role": "IAM 역할 {name}을(를) 삭제했습니다.",
  "done.cleanup.user": "IAM 사용자 {name}을(를) 삭제했습니다.",
  "done.cleanup.waiting":
    "{name}은(는) 아직 {on}이(가) 쓰고 있어 남겨 두었습니다. 삭제가 끝나면 대신 해 주세요를 다시 누르세요.",
  "done.cleanup.failed": "{name}을(를) 삭제하지 못했습니다: {code}.",
  "started.cleanup.instance":
    "인스턴스 {name}이(가) 종료되는 중입니다. 1~2분 뒤 대신 해 주세요를 다시 누르면 나머지를 정리합니다.",
  "started.cleanup.db":
    "RDS 인스턴스 {name} 삭제를 시작했습니다. 보통 5~10분 걸립니다. 끝나면 대신 해 주세요를 다시 누르세요.",
  "check.cleanup.left.zone-records": "공용 호스팅 영역에 내 레코드 {name}이(가) 남아 있습니다.",
  "check.cleanup.left.health-check":
    "Route 53 상태 확인 {name}이(가) 남아 있습니다. 시간당 {cost} USD.",
  "check.cleanup.left.alarm": "CloudWatch 경보 {name}({region})이(가) 남아 있습니다.",
  "check.cleanup.left.topic": "SNS 주제 {name}({region})이(가) 남아 있습니다.",
  "check.cleanup.left.address":
    "탄력적 IP {name}({region})이(가) 남아 있습니다. 시간당 {cost} USD.",
  "check.cleanup.left.instance":
    "인스턴스 {name}({region})이(가) 남아 있습니다. 시간당 {cost} USD.",
  "check.cleanup.left.key-pair": "키 페어 {name}({region})이(가) 남아 있습니다.",
  "check.cleanup.left.db-instance":
    "RDS 인스턴스 {name}({region})이(가) 남아 있습니다. 시간당 {cost} USD.",
  "check.cleanup.left.group-reference": "보안 그룹 규칙 {name}({region})이(가) 남아 있습니다.",
  "check.cleanup.left.security-group": "보안 그룹 {name}({region})이(가) 남아 있습니다.",
  "check.cleanup.left.bucket": "S3 버킷 {name}({region})이(가) 남아 있습니다.",
  "check.cleanup.left.instance-profile": "인스턴스 프로파일 {name}이(가) 남아 있습니다.",
  "check.cleanup.left.role": "IAM 역할 {name}이(가) 남아 있습니다.",
  "check.cleanup.left.user": "IAM 사용자 {name}이(가) 남아 있습니다.",
  "check.cleanup.busy.instance": "인스턴스 {name}({region})이(가) 종료되는 중입니다.",
  "check.cleanup.busy.db": "RDS 인스턴스 {name}({region})이(가) 삭제되는 중입니다.",
  "check.cleanup.waiting":
    "{name}({region})은(는) 아직 쓰는 리소스가 있어 기다리는 중입니다. 그 삭제가 끝나면 대신 해 주세요를 다시 누르세요.",
  "check.cleanup.ambiguous":
    "버킷 {name}에 실습이 만들지 않은 객체가 있습니다(예: {keys}). 포털은 확인 없이 지우지 않습니다.",
  "check.cleanup.zoneUnreadable":
    "공용 호스팅 영역을 읽을 수 없어({why}) 그 안의 내 레코드가 남았는지 확인할 수 없습니다.",
  "check.cleanup.cost": "남은 리소스의 요금은 시간당 약 {hour} USD, 하루 약 {day} USD입니다.",
  "check.cleanup.none": "{regions}와 공용 호스팅 영역에 실습 리소스가 하나도 남아 있지 않습니다.",
  "check.cleanup.avoided":
    "정리한 덕분에 하루 약 {day} USD(시간당 {hour} USD)가 더 나가지 않습니다.",
  "fix.cleanup.run": "대신 해 주세요를 누르거나 콘솔에서 직접 삭제하세요.",
  "fix.cleanup.inUse":
    "다른 리소스가 아직 이것을 쓰고 있습니다({code}). 잠시 뒤 대신 해 주세요를 다시 누르고, 그래도 남으면 콘솔에서 무엇이 쓰는지 확인하세요.",
  "fix.cleanup.denied":
    "지금 자격 증명으로는 삭제할 권한이 없습니다({code}). 관리자 권한으로 콘솔에서 삭제하거나 강사에게 요청하세요.",
  "fix.cleanup.failed":
    "AWS가 삭제를 거부했습니다({code}). 대신 해 주세요를 다시 누르고, 그래도 남으면 콘솔에서 삭제하세요.",
  "fix.cleanup.ambiguous":
    "필요한 파일이면 먼저 내려받으세요. 아래에서 {name} 삭제를 확인하면 다음 대신 해 주세요가 함께 지웁니다.",
  "plan.cleanup.ambiguousUser.several":
    "IAM 사용자 {name}: 참가한 뒤 콘솔 암호와 AdministratorAccess를 갖춘 사용자가 여럿이라 어느 것이 실습용인지 확인하기 전에는 삭제하지 않습니다.",
  "plan.cleanup.ambiguousUser.incomplete":
    "IAM 사용자 {name}: 참가한 뒤 만들어졌지만 콘솔 암호나 AdministratorAccess가 없어 실습용인지 확인하기 전에는 삭제하지 않습니다.",
  "plan.cleanup.ambiguousUser.kept":
    "IAM 사용자 {name}: 포털이 지금 이 사용자의 자격 증명으로 작업하므로 삭제하지 않습니다.",
  "check.cleanup.ambiguousUser.several":
    "IAM 사용자 {name}은(는) 참가한 뒤 만든 관리자 사용자 중 하나입니다. 확인하기 전에는 삭제하지 않습니다.",
  "check.cleanup.ambiguousUser.incomplete":
    "IAM 사용자 {name}은(는) 참가한 뒤 만들어졌지만 콘솔 암호나 AdministratorAccess가 없습니다. 확인하기 전에는 삭제하지 않습니다.",
  "fix.cleanup.ambiguousUser":
    "실습에서 만든 사용자라면 아래에서 {name} 삭제를 확인하세요. 다음 대신 해 주세요가 함께 지웁니다.",
  "check.cleanup.keptUser":
    "IAM 사용자 {name}은(는) 포털이 쓰는 자격 증명의 주인이라 남겨 두었습니다.",
  "fix.cleanup.keptUser":
    "포털 작업을 마친 뒤 관리자 권한으로 콘솔에서 {name}을(를) 직접 삭제하세요.",
  "cleanup.confirm.user": "IAM 사용자 {name}",
  "cleanup.confirm.title": "확인이 필요한 버킷과 사용자",
  "cleanup.confirm.button": "{name}도 삭제",
  "cleanup.confirm.done": "{name}은(는) 다음 대신 해 주세요에서 함께 삭제합니다.",
  "cleanup.confirm.unknown": "확인할 목록에 없는 이름입니다.",
} as const satisfies Record<string, string>;

export const en: Record<keyof typeof ko, string> = {
  "plan.cleanup.total":
    "What is left of the lab costs about {hour} USD an hour ({day} USD a day). It is deleted in this order:",
  "plan.cleanup.nothing": "Nothing of the lab is left in {regions} or the class zone.",
  "plan.cleanup.zone-records":
    "Delete your records {name} in the class zone (in the instructor's account, through the role).",
  "plan.cleanup.health-check": "Delete the Route 53 health check {name}. {cost} USD an hour.",
  "plan.cleanup.alarm": "Delete the CloudWatch alarm {name} ({region}). {cost} USD an hour.",
  "plan.cleanup.topic": "End the subscriptions of the SNS topic {name} ({region}) and delete it.",
  "plan.cleanup.address":
    "Disassociate and release the Elastic IP {name} ({region}). {cost} USD an hour.",
  "plan.cleanup.instance":
    "Terminate the instance {name} ({region}) and wait until it has terminated. {cost} USD an hour.",
  "plan.cleanup.key-pair": "Delete the key pair {name} ({region}).",
  "plan.cleanup.db-instance":
    "Delete the RDS instance {name} ({region}) without a final snapshot. {cost} USD an hour.",
  "plan.cleanup.dbDeleting":
    "The RDS instance {name} ({region}) is being deleted: about {minutes} min to go.",
  "plan.cleanup.group-reference":
    "Remove the security group rule {name} ({region}) first, so each group can be deleted on its own.",
  "plan.cleanup.security-group":
    "Delete the security group {name} ({region}) once no instance or DB uses it.",
  "plan.cleanup.bucket":
    "Delete every object version and delete marker of the S3 bucket {name} ({region}), then the bucket.",
  "plan.cleanup.instance-profile":
    "Take the role out of the instance profile {name} and delete it.",
  "plan.cleanup.role": "Delete the IAM role {name} with its inline and attached policies.",
  "plan.cleanup.user":
    "Delete the IAM user {name} with its console password, access keys and attached policies.",
  "plan.cleanup.ambiguous":
    "The bucket {name} holds objects the lab did not write (e.g. {keys}). It is not deleted until you confirm.",
  "plan.cleanup.zoneUnreadable":
    "The class zone can't be read ({why}): your records and health check there are not cleaned up.",
  "done.cleanup.zone-records": "Deleted your records {name} in the class zone.",
  "done.cleanup.health-check": "Deleted the health check {name}.",
  "done.cleanup.alarm": "Deleted the alarm {name}.",
  "done.cleanup.topic": "Deleted the SNS topic {name}.",
  "done.cleanup.address": "Released the Elastic IP {name}.",
  "done.cleanup.instance": "The instance {name} has terminated.",
  "done.cleanup.key-pair": "Deleted the key pair {name}.",
  "done.cleanup.db-instance": "Deleted the RDS instance {name}.",
  "done.cleanup.group-reference": "Removed the security group rule {name}.",
  "done.cleanup.security-group": "Deleted the security group {name}.",
  "done.cleanup.bucket": "Emptied and deleted the bucket {name}.",
  "done.cleanup.instance-profile": "Deleted the instance profile {name}.",
  "done.cleanup.role": "Deleted the IAM role {name}.",
  "done.cleanup.user": "Deleted the IAM user {name}.",
  "done.cleanup.waiting":
    "{name} is still used by {on}, so it stays for now. Click Do it for me again once that is gone.",
  "done.cleanup.failed": "Could not delete {name}: {code}.",
  "started.cleanup.instance":
    "The instance {name} is shutting down. Click Do it for me again in a minute or two for the rest.",
  "started.cleanup.db":
    "Started deleting the RDS instance {name}; it usually takes 5–10 minutes. Click Do it for me again once it is gone.",
  "check.cleanup.left.zone-records": "Your records {name} are still in the class zone.",
  "check.cleanup.left.health-check":
    "The Route 53 health check {name} is still there. {cost} USD an hour.",
  "check.cleanup.left.alarm": "The CloudWatch alarm {name} ({region}) is still there.",
  "check.cleanup.left.topic": "The SNS topic {name} ({region}) is still there.",
  "check.cleanup.left.address":
    "The Elastic IP {name} ({region}) is still allocated. {cost} USD an hour.",
  "check.cleanup.left.instance":
    "The instance {name} ({region}) is still there. {cost} USD an hour.",
  "check.cleanup.left.key-pair": "The key pair {name} ({region}) is still there.",
  "check.cleanup.left.db-instance":
    "The RDS instance {name} ({region}) is still there. {cost} USD an hour.",
  "check.cleanup.left.group-reference": "The security group rule {name} ({region}) is still there.",
  "check.cleanup.left.security-group": "The security group {name} ({region}) is still there.",
  "check.cleanup.left.bucket": "The S3 bucket {name} ({region}) is still there.",
  "check.cleanup.left.instance-profile": "The instance profile {name} is still there.",
  "check.cleanup.left.role": "The IAM role {name} is still there.",
  "check.cleanup.left.user": "The IAM user {name} is still there.",
  "check.cleanup.busy.instance": "The instance {name} ({region}) is shutting down.",
  "check.cleanup.busy.db": "The RDS instance {name} ({region}) is being deleted.",
  "check.cleanup.waiting":
    "{name} ({region}) waits for what still uses it. Click Do it for me again once that is gone.",
  "check.cleanup.ambiguous":
    "The bucket {name} holds objects the lab did not write (e.g. {keys}). The portal won't delete it without your word.",
  "check.cleanup.zoneUnreadable":
    "The class zone can't be read ({why}), so whether your records are left there can't be seen.",
  "check.cleanup.cost": "What is left costs about {hour} USD an hour, {day} USD a day.",
  "check.cleanup.none": "Nothing of the lab is left in {regions} or the class zone.",
  "check.cleanup.avoided":
    "Cleaning up saves about {day} USD a day ({hour} USD an hour) from now on.",
  "fix.cleanup.run": "Click Do it for me, or delete it yourself in the console.",
  "fix.cleanup.inUse":
    "Something still uses it ({code}). Click Do it for me again in a moment; if it stays, look in the console for what uses it.",
  "fix.cleanup.denied":
    "Your credentials may not delete it ({code}). Delete it in the console as an administrator, or ask the instructor.",
  "fix.cleanup.failed":
    "AWS refused the deletion ({code}). Click Do it for me again; if it stays, delete it in the console.",
  "fix.cleanup.ambiguous":
    "Download what you need from it first. Confirm {name} below and the next Do it for me deletes it too.",
  "plan.cleanup.ambiguousUser.several":
    "IAM user {name}: several users made since you joined have a console password and AdministratorAccess, so none is deleted until you confirm which are the lab's.",
  "plan.cleanup.ambiguousUser.incomplete":
    "IAM user {name}: made since you joined, but without a console password or AdministratorAccess. It is not deleted until you confirm.",
  "plan.cleanup.ambiguousUser.kept":
    "IAM user {name}: the portal works with this user's credentials, so it is not deleted.",
  "check.cleanup.ambiguousUser.several":
    "The IAM user {name} is one of several administrators made since you joined. The portal won't delete it without your word.",
  "check.cleanup.ambiguousUser.incomplete":
    "The IAM user {name} was made since you joined, but has no console password or AdministratorAccess. The portal won't delete it without your word.",
  "fix.cleanup.ambiguousUser":
    "If you made it for the lab, confirm {name} below and the next Do it for me deletes it too.",
  "check.cleanup.keptUser": "The IAM user {name} is left: the portal's credentials belong to it.",
  "fix.cleanup.keptUser":
    "Once you are done with the portal, delete {name} yourself in the console as an administrator.",
  "cleanup.confirm.user": "IAM user {name}",
  "cleanup.confirm.title": "Buckets and users to confirm",
  "cleanup.confirm.button": "Delete {name} too",
  "cleanup.confirm.done": "{name} will be deleted by the next Do it for me.",
  "cleanup.confirm.unknown": "This name is not on the list to confirm.",
};
