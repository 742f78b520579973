// Module 4 (common): the attendee's initials and the class zone's values on the pages.
export const ko = {
  "initials.label": "이니셜",
  "initials.email": "알림 받을 이메일",
  "initials.hint": "레코드 이름은 {record}이(가) 됩니다. 한 번 정하면 바꿀 수 없습니다.",
  "initials.submit": "이니셜 정하기",
  "initials.saving": "저장하는 중…",
  "initials.chosen": "내 이니셜은 {initials}입니다. 이 모듈의 레코드 이름은 {record}입니다.",
  "initials.noZone":
    "이 이벤트에는 아직 공용 호스팅 영역이 설정되지 않았습니다. 강사에게 도메인 설정을 요청하세요.",
  "initials.alreadyChosen": "이니셜은 이미 정했습니다. 바꾸려면 강사에게 요청하세요.",
  "initials.tooShort": "이니셜은 2자 이상이어야 합니다.",
  "initials.tooLong": "이니셜은 20자까지 쓸 수 있습니다.",
  "initials.characters": "이니셜에는 영문 소문자, 숫자, 하이픈(-)만 쓸 수 있습니다.",
  "initials.edges": "이니셜은 영문자나 숫자로 시작하고 끝나야 합니다.",
  "initials.doubleHyphen": "하이픈(-)을 두 개 연달아 쓸 수 없습니다.",
  "initials.reserved":
    "이 이름은 공용 영역에서 쓰고 있어 고를 수 없습니다. 다른 이니셜을 고르세요.",
  "initials.taken":
    "{initials}은(는) 이 이벤트의 다른 참가자가 이미 골랐습니다. 다른 이니셜을 고르세요.",
  "initials.badEmail": "이메일 주소 형식이 아닙니다. 예: name@example.com",
  "classValue.placeholder.domain": "<도메인>",
  "classValue.placeholder.record": "<이니셜>.<도메인>",
  "classValue.placeholder.healthCheck": "<이니셜>.<도메인>",
  "classValue.placeholder.topic": "<이니셜>_route53_health",
  "classValue.placeholder.bucket": "<이니셜>.<도메인>",
  "classValue.placeholder.websiteHost": "<이니셜>.<도메인>.s3-website.ap-northeast-2.amazonaws.com",
  "classValue.placeholder.instructorAccount": "<강사 계정 ID>",
  "classValue.placeholder.roleName": "awslab_crossaccount_role",
  "classValue.placeholder.switchRoleUrl": "<역할 전환 링크>",
  "classValue.placeholder.accountId": "<내 계정 ID>",
  "classValue.placeholder.signInUrl": "https://<내 계정 ID>.signin.aws.amazon.com/console",
  "classValue.placeholder.email": "<내 이메일>",
} as const satisfies Record<string, string>;

export const en: Record<keyof typeof ko, string> = {
  "initials.label": "Initials",
  "initials.email": "Email for notifications",
  "initials.hint": "Your record will be {record}. You choose it once.",
  "initials.submit": "Choose initials",
  "initials.saving": "Saving…",
  "initials.chosen": "Your initials are {initials}. This module's record name is {record}.",
  "initials.noZone":
    "This event has no shared hosted zone yet. Ask your instructor to set up the domain.",
  "initials.alreadyChosen":
    "You have already chosen your initials. Ask your instructor to change them.",
  "initials.tooShort": "Initials need at least 2 characters.",
  "initials.tooLong": "Initials can have at most 20 characters.",
  "initials.characters": "Use only lower-case letters, digits and hyphens (-).",
  "initials.edges": "Initials must start and end with a letter or a digit.",
  "initials.doubleHyphen": "Two hyphens in a row are not allowed.",
  "initials.reserved": "That name is taken by the shared zone itself. Choose other initials.",
  "initials.taken":
    "Another attendee of this event already chose {initials}. Choose other initials.",
  "initials.badEmail": "That is not an email address. Example: name@example.com",
  "classValue.placeholder.domain": "<domain>",
  "classValue.placeholder.record": "<initials>.<domain>",
  "classValue.placeholder.healthCheck": "<initials>.<domain>",
  "classValue.placeholder.topic": "<initials>_route53_health",
  "classValue.placeholder.bucket": "<initials>.<domain>",
  "classValue.placeholder.websiteHost":
    "<initials>.<domain>.s3-website.ap-northeast-2.amazonaws.com",
  "classValue.placeholder.instructorAccount": "<instructor account ID>",
  "classValue.placeholder.roleName": "awslab_crossaccount_role",
  "classValue.placeholder.switchRoleUrl": "<switch-role link>",
  "classValue.placeholder.accountId": "<your account ID>",
  "classValue.placeholder.signInUrl": "https://<your account ID>.signin.aws.amazon.com/console",
  "classValue.placeholder.email": "<your email>",
};
