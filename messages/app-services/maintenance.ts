// Module 4 (maintenance): kept apart so each part of the module owns its catalogue.
export const ko = {
  "check.maint.initials.missing":
    "아직 이니셜을 정하지 않았습니다. 점검 중 페이지의 버킷 이름은 레코드 이름(<이니셜>.<도메인>)과 같아야 합니다.",
  "fix.maint.initials": "이 모듈의 첫 페이지에서 이니셜을 정하세요.",
  "check.maint.noZone":
    "이 이벤트에는 아직 공용 호스팅 영역(도메인)이 없습니다. 버킷 이름을 정할 수 없으니 강사에게 도메인 설정을 요청하세요.",
  "check.maint.bucket.missing": "버킷 {bucket}이(가) 없습니다.",
  "check.maint.bucket.misnamed":
    "{bucket} 대신 {found} 버킷이 있습니다. Route 53은 레코드 이름과 정확히 같은 이름의 버킷에만 별칭(Alias)을 걸 수 있습니다.",
  "fix.maint.bucket.create":
    "S3 → **버킷 만들기 (Create bucket)**: 버킷 이름 = {bucket} (https:// 없이, 레코드 이름 그대로), AWS 리전 = 아시아 태평양(서울) ap-northeast-2.",
  "check.maint.bucket.region":
    "버킷 {bucket}이(가) {region}에 있습니다. 서울(ap-northeast-2)의 웹 사이트 엔드포인트여야 장애 조치 레코드가 가리킬 수 있습니다.",
  "fix.maint.bucket.region":
    "버킷의 리전은 바꿀 수 없습니다. {bucket}을(를) 비우고 삭제한 뒤, 아시아 태평양(서울)에서 같은 이름으로 다시 만드세요. 삭제한 이름은 다시 쓸 수 있을 때까지 잠시 걸릴 수 있습니다.",
  "check.maint.bucket.ok": "버킷 {bucket}이(가) {region}에 있습니다.",
  "check.maint.page.missing": "{bucket}에 maintenance.html이 없습니다.",
  "fix.maint.page.upload":
    "샘플 앱의 maintenance.html을 **업로드 (Upload)**하세요. 파일 이름은 정확히 maintenance.html이고, 폴더 안이 아니라 버킷 맨 위에 있어야 합니다.",
  "check.maint.page.contentType":
    "maintenance.html의 Content-Type이 {contentType}입니다. 브라우저가 페이지로 보여 주지 않고 파일로 내려받습니다.",
  "fix.maint.page.contentType":
    "콘솔로 다시 업로드하면 확장자에서 text/html을 정합니다. 또는 객체 → **작업 (Actions)** → **메타데이터 편집 (Edit metadata)**에서 Content-Type을 text/html로 바꾸세요.",
  "check.maint.page.ok": "maintenance.html이 있고 Content-Type은 {contentType}입니다.",
  "check.maint.website.off": "정적 웹 사이트 호스팅이 꺼져 있습니다.",
  "check.maint.website.redirect":
    "정적 웹 사이트 호스팅이 모든 요청을 {host}(으)로 리디렉션합니다. 점검 중 페이지를 호스팅해야 합니다.",
  "check.maint.website.index":
    "정적 웹 사이트 호스팅의 인덱스 문서가 {index}입니다. maintenance.html이어야 합니다.",
  "fix.maint.website":
    "S3 → {bucket} → **속성 (Properties)** 탭 → **정적 웹 사이트 호스팅 (Static website hosting)** → **편집 (Edit)**: **활성화 (Enable)**, 정적 웹 사이트 호스팅, 인덱스 문서 = maintenance.html → **변경 사항 저장 (Save changes)**.",
  "check.maint.website.ok":
    "정적 웹 사이트 호스팅이 켜져 있고 인덱스 문서는 maintenance.html입니다.",
  "check.maint.accountUnreadable":
    "계정 수준 퍼블릭 액세스 차단을 읽지 못했습니다({code}). 아래 판단은 버킷 설정만 본 것입니다.",
  "check.maint.public.viaPolicy":
    "버킷 정책이 누구에게나 maintenance.html 읽기(s3:GetObject)를 허용하고, 퍼블릭 액세스 차단이 막지 않습니다.",
  "check.maint.public.viaAcl":
    "maintenance.html의 ACL이 모든 사람(AllUsers)에게 읽기를 허용하고, ACL이 활성화되어 있으며 퍼블릭 액세스 차단이 막지 않습니다.",
  "check.maint.public.ignored.bucket":
    "버킷 정책은 누구에게나 읽기를 허용하지만, 이 버킷의 퍼블릭 액세스 차단 중 RestrictPublicBuckets가 켜져 있어 S3가 정책을 무시합니다. 웹 사이트 엔드포인트는 403 Forbidden으로 답합니다.",
  "check.maint.public.ignored.account":
    "버킷 정책은 누구에게나 읽기를 허용하지만, 계정 수준 퍼블릭 액세스 차단의 RestrictPublicBuckets가 켜져 있어 이 계정의 모든 버킷에서 공개 정책이 무시됩니다. 버킷 설정을 꺼도 소용이 없습니다.",
  "check.maint.public.none":
    "누구에게나 maintenance.html 읽기를 허용하는 버킷 정책이 없습니다. 웹 사이트 엔드포인트는 403 Forbidden으로 답합니다.",
  "check.maint.public.none.bucket":
    "공개 버킷 정책이 없습니다. 이 버킷의 퍼블릭 액세스 차단 중 BlockPublicPolicy가 켜져 있어 공개 정책은 저장부터 거부됩니다. 먼저 이 버킷의 차단을 끄세요.",
  "check.maint.public.none.account":
    "공개 버킷 정책이 없습니다. 계정 수준 퍼블릭 액세스 차단의 BlockPublicPolicy가 켜져 있어 이 계정에서는 공개 버킷 정책을 저장할 수 없습니다. 버킷 설정만 꺼서는 안 됩니다.",
  "check.maint.public.deny": "버킷 정책의 Deny 문이 익명 읽기를 막습니다.",
  "check.maint.public.bucketArnOnly":
    "버킷 정책이 버킷 ARN arn:aws:s3:::{bucket}에만 s3:GetObject를 허용합니다. 객체는 arn:aws:s3:::{bucket}/*입니다.",
  "check.maint.public.otherBucket":
    "버킷 정책의 Resource가 {others}을(를) 가리킵니다. 이 버킷은 {bucket}입니다.",
  "check.maint.public.actionMissing":
    "버킷 정책이 누구에게나 {granted}은(는) 허용하지만 s3:GetObject는 허용하지 않습니다.",
  "check.maint.public.aclDisabled":
    "maintenance.html의 ACL이 모든 사람에게 읽기를 허용하지만, 이 버킷은 ACL이 비활성화되어 있습니다(객체 소유권: 버킷 소유자 적용). 버킷 정책을 쓰세요.",
  "fix.maint.public.policy":
    "S3 → {bucket} → **권한 (Permissions)** 탭 → **버킷 정책 (Bucket policy)** → **편집 (Edit)**에 이 페이지의 정책(Resource arn:aws:s3:::{bucket}/*)을 붙여 넣고 **변경 사항 저장 (Save changes)**.",
  "fix.maint.public.bucketBpa":
    "S3 → {bucket} → **권한 (Permissions)** 탭 → **퍼블릭 액세스 차단(버킷 설정) (Block public access (bucket settings))** → **편집 (Edit)**: **모든 퍼블릭 액세스 차단 (Block all public access)** 체크를 풀고 **변경 사항 저장 (Save changes)**. 이 버킷에만 적용됩니다.",
  "fix.maint.public.accountBpa":
    "계정 수준 설정은 이 계정의 모든 버킷에 적용되며 S3 → **이 계정에 대한 퍼블릭 액세스 차단 설정 (Block Public Access settings for this account)**에서만 바뀝니다. 조직이 막아 두었을 수 있으니 강사에게 확인하세요.",
  "check.maint.public.tooBroad":
    "버킷 정책이 누구에게나 {actions}도 허용합니다. 인터넷의 누구나 이 버킷에 파일을 올리거나 지울 수 있습니다.",
  "fix.maint.public.tooBroad":
    "{bucket}의 버킷 정책에서 Action을 s3:GetObject 하나로 줄이세요. 점검 중 페이지는 읽기만 공개하면 됩니다.",
  "check.maint.served.ok": "{url}이(가) 점검 중 페이지를 보여 줍니다.",
  "check.maint.served.otherPage":
    "{url}이(가) 답하지만 샘플 앱의 점검 중 페이지가 아닙니다. 다른 파일을 maintenance.html로 올렸는지 확인하세요.",
  "check.maint.served.refused": "{url}이(가) 페이지를 보여 주지 않습니다({status}).",
  "fix.maint.served":
    "설정은 맞는데 웹 사이트 엔드포인트가 거부했습니다. 방금 바꿨다면 잠시 뒤 다시 확인하세요.",
  "check.maint.served.sandbox":
    "샌드박스의 에뮬레이터에는 웹 사이트 엔드포인트가 없어 {url}을(를) 열어 볼 수 없습니다. 위의 설정은 AWS의 규칙(버킷 정책과 두 수준의 퍼블릭 액세스 차단)대로 따져 본 것입니다.",
  "plan.maint.needsInitials": "이니셜을 먼저 정해야 버킷 이름을 알 수 있습니다.",
  "plan.maint.noZone": "이 이벤트에는 아직 도메인이 없어 버킷 이름을 정할 수 없습니다.",
  "plan.maint.bucket.region":
    "{bucket}이(가) {region}에 있습니다. 리전은 바꿀 수 없고 포털은 버킷을 지우지 않습니다. 비우고 삭제한 뒤 다시 대신 해 주세요를 누르세요.",
  "plan.maint.bucket.exists": "버킷 {bucket}이(가) 서울 리전에 이미 있습니다.",
  "plan.maint.bucket.create":
    "서울(ap-northeast-2)에 버킷 {bucket}을(를) 콘솔의 기본값(퍼블릭 액세스 차단 켜짐, ACL 비활성화)으로 만듭니다.",
  "done.maint.bucket.create": "버킷 {bucket}을(를) 만들었습니다.",
  "plan.maint.page.exists": "{bucket}에 maintenance.html이 text/html로 이미 있습니다.",
  "plan.maint.page.upload": "샘플 앱의 maintenance.html을 text/html로 {bucket}에 올립니다.",
  "done.maint.page.upload": "{bucket}에 maintenance.html을 올렸습니다.",
  "plan.maint.page.contentType":
    "{bucket}의 maintenance.html 내용은 그대로 두고 Content-Type만 text/html로 바꿉니다.",
  "done.maint.page.contentType": "maintenance.html의 Content-Type을 text/html로 바꿨습니다.",
  "plan.maint.website.exists":
    "{bucket}의 정적 웹 사이트 호스팅이 이미 maintenance.html을 보여 줍니다.",
  "plan.maint.website":
    "{bucket}의 정적 웹 사이트 호스팅을 켜고 인덱스 문서를 maintenance.html로 정합니다.",
  "done.maint.website": "{bucket}의 정적 웹 사이트 호스팅을 켰습니다.",
  "plan.maint.public.exists": "{bucket}의 maintenance.html은 이미 누구나 읽을 수 있습니다.",
  "plan.maint.public.accountBlocks":
    "계정 수준 퍼블릭 액세스 차단이 공개 버킷 정책을 막습니다. 계정의 모든 버킷에 적용되는 설정이라 포털은 바꾸지 않습니다.",
  "plan.maint.public.deny":
    "{bucket}의 버킷 정책에 익명 읽기를 막는 Deny 문이 있습니다. 직접 확인하고 고치세요.",
  "plan.maint.public.bpaOff":
    "{bucket}에서만 퍼블릭 액세스 차단의 정책 관련 두 항목(BlockPublicPolicy, RestrictPublicBuckets)을 끕니다. 계정 수준 설정은 바꾸지 않습니다.",
  "done.maint.public.bpaOff": "{bucket}의 퍼블릭 액세스 차단에서 정책 관련 두 항목을 껐습니다.",
  "plan.maint.public.addPerm":
    "⚠ 보안: {bucket}의 버킷 정책에 AddPerm 문(누구나 s3:GetObject, arn:aws:s3:::{bucket}/*)을 추가합니다. 이 버킷의 객체는 누구나 읽을 수 있게 됩니다. 이 버킷에는 점검 중 페이지만 두세요.",
  "done.maint.public.addPerm": "{bucket}의 버킷 정책에 AddPerm을 추가했습니다.",
} as const satisfies Record<string, string>;

export const en: Record<keyof typeof ko, string> = {
  "check.maint.initials.missing":
    "You have not chosen your initials yet. The maintenance page's bucket must be named like your record (<initials>.<domain>).",
  "fix.maint.initials": "Choose your initials on this module's first page.",
  "check.maint.noZone":
    "This event has no shared hosted zone (domain) yet, so your bucket has no name. Ask your instructor to set up the domain.",
  "check.maint.bucket.missing": "There is no bucket {bucket}.",
  "check.maint.bucket.misnamed":
    "There is a bucket {found} instead of {bucket}. Route 53 can alias only to a bucket named exactly like the record.",
  "fix.maint.bucket.create":
    "S3 → **Create bucket**: Bucket name = {bucket} (no https://, exactly the record name), AWS Region = Asia Pacific (Seoul) ap-northeast-2.",
  "check.maint.bucket.region":
    "Bucket {bucket} is in {region}. The failover record can point only at a website endpoint in Seoul (ap-northeast-2).",
  "fix.maint.bucket.region":
    "A bucket's Region can't change. Empty and delete {bucket}, then create it again with the same name in Asia Pacific (Seoul). A deleted name may take a while to become available again.",
  "check.maint.bucket.ok": "Bucket {bucket} is in {region}.",
  "check.maint.page.missing": "{bucket} has no maintenance.html.",
  "fix.maint.page.upload":
    "**Upload** the sample app's maintenance.html: named exactly maintenance.html, at the top of the bucket, not inside a folder.",
  "check.maint.page.contentType":
    "maintenance.html has Content-Type {contentType}. Browsers download it as a file instead of showing the page.",
  "fix.maint.page.contentType":
    "Upload it again with the console, which sets text/html from the extension, or choose the object → **Actions** → **Edit metadata** and set Content-Type to text/html.",
  "check.maint.page.ok": "maintenance.html is there, with Content-Type {contentType}.",
  "check.maint.website.off": "Static website hosting is off.",
  "check.maint.website.redirect":
    "Static website hosting redirects every request to {host}. It must host the maintenance page.",
  "check.maint.website.index":
    "Static website hosting's index document is {index}. It must be maintenance.html.",
  "fix.maint.website":
    "S3 → {bucket} → **Properties** tab → **Static website hosting** → **Edit**: **Enable**, Host a static website, Index document = maintenance.html → **Save changes**.",
  "check.maint.website.ok": "Static website hosting is on, with index document maintenance.html.",
  "check.maint.accountUnreadable":
    "The account-level Block Public Access could not be read ({code}). What follows looks at the bucket's settings only.",
  "check.maint.public.viaPolicy":
    "The bucket policy lets anyone read maintenance.html (s3:GetObject), and Block Public Access doesn't stop it.",
  "check.maint.public.viaAcl":
    "maintenance.html's ACL lets everyone (AllUsers) read it, ACLs are enabled, and Block Public Access doesn't stop it.",
  "check.maint.public.ignored.bucket":
    "The bucket policy lets anyone read, but this bucket's Block Public Access has RestrictPublicBuckets on, so S3 ignores the policy. The website endpoint answers 403 Forbidden.",
  "check.maint.public.ignored.account":
    "The bucket policy lets anyone read, but the account-level Block Public Access has RestrictPublicBuckets on, so public policies are ignored in every bucket of the account. Turning off the bucket's setting doesn't help.",
  "check.maint.public.none":
    "No bucket policy lets anyone read maintenance.html. The website endpoint answers 403 Forbidden.",
  "check.maint.public.none.bucket":
    "There is no public bucket policy. This bucket's Block Public Access has BlockPublicPolicy on, so a public policy is refused when you save it. Turn off this bucket's block first.",
  "check.maint.public.none.account":
    "There is no public bucket policy. The account-level Block Public Access has BlockPublicPolicy on, so no public bucket policy can be saved in this account. Turning off the bucket's setting is not enough.",
  "check.maint.public.deny": "A Deny statement in the bucket policy stops anonymous reads.",
  "check.maint.public.bucketArnOnly":
    "The bucket policy allows s3:GetObject on the bucket ARN arn:aws:s3:::{bucket} only. Objects are arn:aws:s3:::{bucket}/*.",
  "check.maint.public.otherBucket":
    "The bucket policy's Resource names {others}. This bucket is {bucket}.",
  "check.maint.public.actionMissing":
    "The bucket policy lets anyone {granted}, but not s3:GetObject.",
  "check.maint.public.aclDisabled":
    "maintenance.html's ACL lets everyone read, but this bucket has ACLs disabled (Object Ownership: Bucket owner enforced). Use a bucket policy.",
  "fix.maint.public.policy":
    "S3 → {bucket} → **Permissions** tab → **Bucket policy** → **Edit**: paste this page's policy (Resource arn:aws:s3:::{bucket}/*) and choose **Save changes**.",
  "fix.maint.public.bucketBpa":
    "S3 → {bucket} → **Permissions** tab → **Block public access (bucket settings)** → **Edit**: clear **Block all public access** and choose **Save changes**. This applies to this bucket only.",
  "fix.maint.public.accountBpa":
    "The account-level setting applies to every bucket of the account and changes only under S3 → **Block Public Access settings for this account**. Your organization may have set it: ask your instructor.",
  "check.maint.public.tooBroad":
    "The bucket policy also lets anyone {actions}. Anyone on the internet can put or delete files in this bucket.",
  "fix.maint.public.tooBroad":
    "Narrow the Action in {bucket}'s bucket policy to s3:GetObject alone. A maintenance page needs public reads only.",
  "check.maint.served.ok": "{url} shows the maintenance page.",
  "check.maint.served.otherPage":
    "{url} answers, but not with the sample app's maintenance page. Check which file you uploaded as maintenance.html.",
  "check.maint.served.refused": "{url} doesn't show the page ({status}).",
  "fix.maint.served":
    "The settings are right but the website endpoint refused. If you just changed them, check again in a moment.",
  "check.maint.served.sandbox":
    "The sandbox's emulator has no website endpoint, so {url} can't be opened. The settings above were judged by AWS's rules (the bucket policy and Block Public Access at both levels).",
  "plan.maint.needsInitials": "Choose your initials first: they name the bucket.",
  "plan.maint.noZone": "This event has no domain yet, so the bucket has no name.",
  "plan.maint.bucket.region":
    "{bucket} is in {region}. A Region can't change and the portal never deletes a bucket. Empty and delete it, then choose Do it for me again.",
  "plan.maint.bucket.exists": "Bucket {bucket} already exists in Seoul.",
  "plan.maint.bucket.create":
    "Create bucket {bucket} in Seoul (ap-northeast-2) with the console's defaults (Block Public Access on, ACLs disabled).",
  "done.maint.bucket.create": "Created bucket {bucket}.",
  "plan.maint.page.exists": "{bucket} already has maintenance.html as text/html.",
  "plan.maint.page.upload": "Upload the sample app's maintenance.html to {bucket} as text/html.",
  "done.maint.page.upload": "Uploaded maintenance.html to {bucket}.",
  "plan.maint.page.contentType":
    "Keep the content of {bucket}'s maintenance.html and set its Content-Type to text/html.",
  "done.maint.page.contentType": "Set maintenance.html's Content-Type to text/html.",
  "plan.maint.website.exists": "{bucket}'s static website hosting already shows maintenance.html.",
  "plan.maint.website":
    "Turn on static website hosting for {bucket} with index document maintenance.html.",
  "done.maint.website": "Turned on static website hosting for {bucket}.",
  "plan.maint.public.exists": "Anyone can already read {bucket}'s maintenance.html.",
  "plan.maint.public.accountBlocks":
    "The account-level Block Public Access stops public bucket policies. It applies to every bucket of the account, so the portal leaves it alone.",
  "plan.maint.public.deny":
    "{bucket}'s bucket policy has a Deny statement that stops anonymous reads. Check and fix it yourself.",
  "plan.maint.public.bpaOff":
    "Turn off Block Public Access's two policy switches (BlockPublicPolicy, RestrictPublicBuckets) for {bucket} only. The account-level setting stays as it is.",
  "done.maint.public.bpaOff":
    "Turned off the two policy switches of {bucket}'s Block Public Access.",
  "plan.maint.public.addPerm":
    "⚠ Security: add the AddPerm statement (anyone may s3:GetObject on arn:aws:s3:::{bucket}/*) to {bucket}'s bucket policy. Anyone can then read this bucket's objects: keep only the maintenance page in it.",
  "done.maint.public.addPerm": "Added AddPerm to {bucket}'s bucket policy.",
};
