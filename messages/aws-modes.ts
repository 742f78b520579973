// How attendees connect AWS in each of an event's AWS modes (sandbox, pasted, assumed role).
export const ko = {
  "credentials.source.assumed": "포털이 맡은 내 계정의 역할",
  "credentials.mode.refused":
    "이 이벤트에서는 이 방법으로 AWS에 연결할 수 없습니다. 자격 증명 페이지에 보이는 방법을 쓰세요.",
  "credentials.assumed.title": "내 AWS 계정 연결",
  "credentials.assumed.body":
    "워크숍 주최자가 준비한 AWS 계정의 ID(12자리)를 입력하세요. 포털이 그 계정의 워크숍 역할 {role}을(를) 맡아(AssumeRole) 임시 자격 증명을 받고, 만료되기 전에 다시 받습니다.",
  "credentials.assumed.accountId": "AWS 계정 ID (12자리 숫자)",
  "credentials.assumed.submit": "연결",
  "credentials.assumed.ready": "계정 {account}의 역할을 맡았습니다.",
  "credentials.assumed.accountId.invalid":
    "AWS 계정 ID는 숫자 12자리입니다. 콘솔 오른쪽 위 계정 메뉴의 ID를 그대로 붙여 넣으세요 (예: 1234-5678-9012).",
  "credentials.assumed.unconfigured":
    "강사가 이 이벤트의 역할 ARN 템플릿과 외부 ID(ExternalId)를 아직 설정하지 않았습니다. 강사에게 알려 주세요.",
  "credentials.assumed.error.denied":
    "AWS가 역할 {role}을(를) 맡는 것을 거부했습니다 ({awsCode}). 계정 ID {account}가 맞는지 확인하세요. 맞다면 강사에게 알려 주세요: 그 계정에 이 이름의 역할이 있어야 하고, 역할의 신뢰 정책이 포털의 AWS 주체와 이벤트의 외부 ID(sts:ExternalId 조건)를 허용해야 합니다.",
  "credentials.assumed.error.portal":
    "포털 자신의 AWS 자격 증명이 거부되었습니다 ({awsCode}). 강사에게 알려 주세요: 포털 서버의 AWS 자격 증명(인스턴스 역할 또는 환경 변수)을 확인해야 합니다.",
  "instructor.audit.credentials.assumed": "계정의 역할 맡기",
  "console.credential.assumed": "역할 맡김",
  "console.event.roleArnInvalid":
    "역할 ARN 템플릿은 arn:aws:iam::{accountId}:role/역할이름 형식이어야 하고 {accountId}를 포함해야 합니다. 역할을 맡으려면 외부 ID도 입력하세요.",
};

export const en: Record<keyof typeof ko, string> = {
  "credentials.source.assumed": "A role in my account, assumed by the portal",
  "credentials.mode.refused":
    "This event doesn't connect AWS this way. Use an option shown on the credentials page.",
  "credentials.assumed.title": "Connect my AWS account",
  "credentials.assumed.body":
    "Enter the 12-digit ID of the AWS account the workshop organiser prepared for you. The portal assumes the workshop role {role} in that account (AssumeRole), and renews the temporary credentials before they expire.",
  "credentials.assumed.accountId": "AWS account ID (12 digits)",
  "credentials.assumed.submit": "Connect",
  "credentials.assumed.ready": "Assumed the role in account {account}.",
  "credentials.assumed.accountId.invalid":
    "An AWS account ID is 12 digits. Copy it from the account menu at the top right of the console (for example 1234-5678-9012).",
  "credentials.assumed.unconfigured":
    "The instructor hasn't set this event's role ARN template and external ID yet. Please tell your instructor.",
  "credentials.assumed.error.denied":
    "AWS refused to let the portal assume {role} ({awsCode}). Check that {account} is your account ID. If it is, tell your instructor: that account needs a role with exactly this name, whose trust policy allows the portal's AWS principal with the event's external ID (an sts:ExternalId condition).",
  "credentials.assumed.error.portal":
    "AWS refused the portal's own credentials ({awsCode}). Please tell your instructor: the portal server's AWS credentials (instance role or environment) need fixing.",
  "instructor.audit.credentials.assumed": "Assume the role in their account",
  "console.credential.assumed": "Assumed role",
  "console.event.roleArnInvalid":
    "The role ARN template must look like arn:aws:iam::{accountId}:role/RoleName and contain {accountId}; assuming roles also needs an external ID.",
};
