// Module 4 (identity): kept apart so each part of the module owns its catalogue.
export const ko = {
  "check.identity.user.ok":
    "콘솔에 로그인할 수 있고 {policy} 권한이 있는 IAM 사용자가 있습니다: {users}.",
  "check.identity.user.signIn": "이 사용자로 로그인할 주소는 {url}입니다.",
  "check.identity.user.console": "사용자 {user}에게 콘솔 암호(로그인 프로필)가 있습니다.",
  "check.identity.user.resetRequired":
    "사용자 {user}은(는) 처음 로그인할 때 암호를 새로 만들어야 하도록 설정되어 있습니다.",
  "fix.identity.user.resetRequired":
    "IAM 콘솔에서 사용자 {user} → **보안 자격 증명 (Security credentials)** 탭 → **콘솔 액세스 관리 (Manage console access)**에서 암호 재설정 요구를 끄세요. 아니면 한 번 로그인해 새 암호를 정해도 됩니다.",
  "check.identity.user.noReset": "사용자 {user}은(는) 정한 암호 그대로 로그인합니다.",
  "check.identity.user.noAdmin":
    "사용자 {user}에 {policy}가 없습니다. 직접 연결된 정책: {policies}. 그룹(그룹의 정책): {groups}.",
  "fix.identity.user.noAdmin":
    "사용자 {user} → **권한 (Permissions)** 탭 → **권한 추가 (Add permissions)** → **정책 직접 연결 (Attach policies directly)**에서 {policy}를 골라 연결하세요.",
  "check.identity.user.adminDirect": "사용자 {user}에 {policy}가 직접 연결되어 있습니다.",
  "check.identity.user.adminGroup":
    "사용자 {user}은(는) 그룹 {groups}을(를) 통해 {policy} 권한을 받습니다.",
  "check.identity.user.none": "이 계정에 IAM 사용자가 없습니다.",
  "fix.identity.user.none":
    "IAM 콘솔에서 콘솔 액세스와 {policy} 권한이 있는 사용자를 만드세요. 위의 순서를 따르세요.",
  "check.identity.user.noConsole":
    "최근 사용자({users}) 중 콘솔 암호(로그인 프로필)가 있는 사용자가 없습니다.",
  "fix.identity.user.noConsole":
    "사용자를 만들 때 **AWS Management Console에 대한 사용자 액세스 권한 제공 (Provide user access to the AWS Management Console)**을 체크하세요. 이미 만든 사용자는 **보안 자격 증명 (Security credentials)** 탭 → **콘솔 액세스 활성화 (Enable console access)**로 암호를 줄 수 있습니다.",
  "plan.identity.user.exists": "콘솔용 관리자 사용자가 이미 있습니다: {users}.",
  "plan.identity.user.portal": "사용자 {user}이(가) 이미 있습니다. 빠진 것만 채웁니다.",
  "plan.identity.user.create":
    "사용자 {user}을(를) 만들고, 강력한 암호로 콘솔 액세스를 켜고(재설정 요구 없음), {policy}를 연결합니다.",
  "done.identity.user.created":
    "사용자 {user}을(를) 만들고 {policy}를 연결했습니다. 암호는 {file}로 한 번만 내려받을 수 있습니다.",
  "plan.identity.password.create":
    "사용자 {user}에게 새 콘솔 암호를 만들어 줍니다(재설정 요구 없음).",
  "done.identity.password.created":
    "사용자 {user}의 콘솔 암호를 만들었습니다. {file}로 한 번만 내려받을 수 있습니다.",
  "plan.identity.password.replace":
    "사용자 {user}에게 새 콘솔 암호를 만들어 주고 암호 재설정 요구를 끕니다. 전에 정한 암호는 더 이상 쓸 수 없습니다.",
  "done.identity.password.replaced":
    "사용자 {user}의 암호를 새로 만들고 재설정 요구를 껐습니다. 새 암호는 {file}로 한 번만 내려받을 수 있습니다.",
  "plan.identity.password.exists": "사용자 {user}에게 콘솔 암호가 이미 있습니다.",
  "plan.identity.admin.exists": "사용자 {user}에 {policy} 권한이 이미 있습니다.",
  "plan.identity.admin.attach": "사용자 {user}에 {policy}를 연결합니다.",
  "done.identity.admin.attached": "사용자 {user}에 {policy}를 연결했습니다.",
  "check.identity.switch.granted": "강사 계정 {account}의 역할 {role}(으)로 전환할 수 있습니다.",
  "check.identity.switch.trust":
    "강사 계정 {account}의 역할 {role}이(가) 내 계정 {accountId}을(를) 신뢰하지 않습니다. 역할의 신뢰 정책에 내 계정이 없습니다.",
  "fix.identity.switch.trust":
    "강사에게 내 계정 ID {accountId}를 알려 주고 역할 {role}의 신뢰 정책에 넣어 달라고 하세요. 신뢰 정책은 강사 계정에 있어 내가 바꿀 수 없습니다.",
  "check.identity.switch.missingRole": "강사 계정 {account}에 역할 {role}이(가) 없습니다.",
  "fix.identity.switch.missingRole":
    "강사에게 계정 {account}에 역할 {role}이(가) 있는지 확인해 달라고 하세요. 내 계정 ID는 {accountId}입니다.",
  "check.identity.switch.denied":
    "AWS가 강사 계정 {account}의 역할 {role}(으)로의 전환(sts:AssumeRole)을 거부했습니다.",
  "fix.identity.switch.denied":
    "두 가지를 확인하세요. (1) 역할 {role}의 신뢰 정책이 내 계정 {accountId}을(를) 믿는지 — 강사에게 계정 ID를 알려 주세요. (2) 포털에 연결한 내 자격 증명에 sts:AssumeRole 권한이 있는지 — AdministratorAccess에는 들어 있습니다. 역할 전환은 두 쪽이 모두 허용해야 됩니다.",
  "check.identity.switch.unconfigured":
    "이 이벤트에는 강사 계정과 공용 호스팅 영역이 아직 설정되지 않았습니다.",
  "fix.identity.switch.unconfigured":
    "강사에게 이벤트의 도메인, 강사 계정과 역할을 설정해 달라고 하세요.",
  "plan.identity.switch.granted":
    "강사 계정 {account}의 역할 {role}(으)로 이미 전환할 수 있습니다. 콘솔에서 역할 전환만 하면 됩니다.",
  "plan.identity.switch.unconfigured":
    "이벤트에 강사 계정이 설정되기 전에는 할 수 있는 일이 없습니다. 강사에게 요청하세요.",
} as const satisfies Record<string, string>;

export const en: Record<keyof typeof ko, string> = {
  "check.identity.user.ok": "An IAM user can sign in to the console and has {policy}: {users}.",
  "check.identity.user.signIn": "This user signs in at {url}.",
  "check.identity.user.console": "User {user} has a console password (login profile).",
  "check.identity.user.resetRequired":
    "User {user} must create a new password at the first sign-in.",
  "fix.identity.user.resetRequired":
    "In the IAM console, open user {user} → **Security credentials** → **Manage console access** and turn off the password reset. Or sign in once and set a new password.",
  "check.identity.user.noReset": "User {user} signs in with the password as it was set.",
  "check.identity.user.noAdmin":
    "User {user} doesn't have {policy}. Policies attached directly: {policies}. Groups (their policies): {groups}.",
  "fix.identity.user.noAdmin":
    "Open user {user} → **Permissions** → **Add permissions** → **Attach policies directly**, choose {policy} and attach it.",
  "check.identity.user.adminDirect": "User {user} has {policy} attached directly.",
  "check.identity.user.adminGroup": "User {user} gets {policy} through group {groups}.",
  "check.identity.user.none": "This account has no IAM user.",
  "fix.identity.user.none":
    "In the IAM console, create a user with console access and {policy}, following the steps above.",
  "check.identity.user.noConsole":
    "None of the recent users ({users}) has a console password (login profile).",
  "fix.identity.user.noConsole":
    "When you create the user, tick **Provide user access to the AWS Management Console**. An existing user gets a password under **Security credentials** → **Enable console access**.",
  "plan.identity.user.exists": "A console administrator user already exists: {users}.",
  "plan.identity.user.portal": "User {user} already exists. Only what is missing is added.",
  "plan.identity.user.create":
    "Create user {user} with console access and a strong password (no reset), and attach {policy}.",
  "done.identity.user.created":
    "Created user {user} and attached {policy}. Its password can be downloaded once as {file}.",
  "plan.identity.password.create": "Give user {user} a new console password (no reset).",
  "done.identity.password.created":
    "Created the console password of user {user}. It can be downloaded once as {file}.",
  "plan.identity.password.replace":
    "Give user {user} a new console password without a reset. The password set before stops working.",
  "done.identity.password.replaced":
    "Gave user {user} a new password without a reset. It can be downloaded once as {file}.",
  "plan.identity.password.exists": "User {user} already has a console password.",
  "plan.identity.admin.exists": "User {user} already has {policy}.",
  "plan.identity.admin.attach": "Attach {policy} to user {user}.",
  "done.identity.admin.attached": "Attached {policy} to user {user}.",
  "check.identity.switch.granted": "You can switch to role {role} in instructor account {account}.",
  "check.identity.switch.trust":
    "Role {role} in instructor account {account} doesn't trust your account {accountId}: its trust policy doesn't name it.",
  "fix.identity.switch.trust":
    "Give your instructor your account ID {accountId} and ask them to add it to the trust policy of {role}. The trust policy lives in the instructor's account: you can't change it.",
  "check.identity.switch.missingRole": "Instructor account {account} has no role {role}.",
  "fix.identity.switch.missingRole":
    "Ask your instructor to check that role {role} exists in account {account}. Your account ID is {accountId}.",
  "check.identity.switch.denied":
    "AWS refused the switch (sts:AssumeRole) to role {role} in instructor account {account}.",
  "fix.identity.switch.denied":
    "Check two things. (1) The trust policy of {role} trusts your account {accountId}: give your instructor the account ID. (2) The credentials you connected to the portal may call sts:AssumeRole: AdministratorAccess includes it. A switch works only when both sides allow it.",
  "check.identity.switch.unconfigured":
    "This event has no instructor account and shared hosted zone yet.",
  "fix.identity.switch.unconfigured":
    "Ask your instructor to set the event's domain, instructor account and role.",
  "plan.identity.switch.granted":
    "You can already switch to role {role} in instructor account {account}: switch role in the console.",
  "plan.identity.switch.unconfigured":
    "Nothing can be done until the event has an instructor account. Ask your instructor.",
};
