import { ko as commonKo } from "./app-services/common";
import { ko as identityKo } from "./app-services/identity";
import { ko as recordsKo } from "./app-services/records";
import { ko as healthKo } from "./app-services/health";
import { ko as maintenanceKo } from "./app-services/maintenance";
import { ko as cleanupKo } from "./cleanup";
import { ko as cleanupEveryoneKo } from "./cleanup-everyone";
import { ko as consoleKo } from "./instructor-console";
import { ko as awsModesKo } from "./aws-modes";

export const ko = {
  // General UI
  "app.name": "AWS 101 실습 포털",
  "app.tagline": "솔트웨어와 함께하는 AWS 101 — 따라 하고, 확인하고, 막히면 대신 해 드립니다.",
  "nav.lab": "실습",
  "nav.credentials": "AWS 자격 증명",
  "nav.instructor": "강사 대시보드",
  "nav.signOut": "로그아웃",
  "nav.language": "English",
  "nav.skipToContent": "본문으로 건너뛰기",
  "common.back": "돌아가기",
  "common.cancel": "취소",
  "callout.changed": "바뀐 점",
  "callout.cost": "비용",
  "callout.security": "보안",
  "callout.tip": "팁",
  "callout.concept": "개념",
  "userData.unreachablePortal":
    "이 포털 주소({url})는 EC2 인스턴스에서 접속할 수 없습니다. 실제 AWS에서 실습하려면 강사에게 PORTAL_PUBLIC_URL을 설정해 달라고 하세요. 샌드박스에서는 그대로 두어도 됩니다.",
  "common.copy": "복사",
  "common.copied": "복사했습니다",
  "notFound.title": "페이지를 찾을 수 없습니다",
  "forbidden.title": "접근 권한이 없습니다",
  "forbidden.body": "이 페이지는 강사만 볼 수 있습니다.",

  // Join / sign-in
  "join.title": "실습 참가하기",
  "join.intro": "강사가 알려 준 참가 코드와 화면에 표시할 이름을 입력하세요.",
  "join.joinCode": "참가 코드",
  "join.displayName": "이름",
  "join.email": "이메일 (선택)",
  "join.submit": "참가하기",
  "join.submitting": "참가하는 중…",
  "join.error.badJoinCode": "참가 코드가 맞지 않습니다. 강사에게 코드를 다시 확인하세요.",
  "join.error.eventEnded": "이 실습은 이미 끝났습니다.",
  "join.error.tooManyAttempts":
    "참가 코드를 너무 많이 틀렸습니다. 10분 뒤에 다시 시도하거나 강사에게 코드를 확인하세요.",
  "join.error.invalid": "입력한 내용을 확인하세요.",
  "join.instructorLink": "강사이신가요? 강사 로그인",
  "field.joinCode.invalid": "참가 코드는 영문과 숫자 4~16자입니다.",
  "field.displayName.invalid": "이름을 1~40자로 입력하세요.",
  "field.email.invalid": "이메일 주소 형식이 아닙니다.",
  "instructorSignIn.title": "강사 로그인",
  "instructorSignIn.email": "이메일",
  "instructorSignIn.password": "비밀번호",
  "instructorSignIn.submit": "로그인",
  "instructorSignIn.error": "이메일 또는 비밀번호가 맞지 않습니다.",

  // Join / sign-in: limits, returning after joining, spent key downloads
  "join.error.networkBusy":
    "이 네트워크에서 틀린 참가 코드가 너무 많이 입력되었습니다. 몇 분 뒤에 다시 시도하고, 계속되면 강사에게 알리세요.",
  "join.returnNotice": "참가하면 보던 페이지로 돌아갑니다.",
  "download.gone.title": "이 다운로드 링크는 이미 사용했거나 만료되었습니다",
  "download.gone.once":
    "개인 키(.pem)는 보안을 위해 한 번만 내려받을 수 있습니다. 포털은 내려받는 즉시 사본을 지우고, 내려받지 않은 링크도 1시간 뒤에 만료됩니다.",
  "download.gone.whatNow": "이렇게 하세요",
  "download.gone.keepFile":
    "이미 awslab.pem을 내려받았다면 그 파일을 그대로 쓰세요. 다운로드 폴더를 확인해 보세요.",
  "download.gone.newKeyPair":
    "파일을 잃어버렸다면 EC2 콘솔의 키 페어에서 awslab을 삭제한 뒤 새 키 페어 awslab을 만드세요(실습 단계의 '대신 해 주세요'로 만들어도 됩니다). 실행 중인 인스턴스는 시작할 때의 공개 키만 알기 때문에, 새 키로 접속하려면 인스턴스를 다시 만들어야 합니다.",
  "download.gone.instanceConnect":
    "또는 키 파일 없이 브라우저에서 EC2 Instance Connect로 인스턴스에 접속하세요.",
  "download.gone.backToLab": "실습으로 돌아가기",

  // Credentials
  "credentials.title": "AWS 자격 증명",
  "credentials.intro":
    "실습에서 포털이 확인하고 대신 만들 때 쓸 AWS 자격 증명을 고르세요. 자격 증명은 암호화해서 서버에만 보관하고, 브라우저와 로그에는 절대 보내지 않습니다. 만료되면 바로 지웁니다.",
  "credentials.current": "지금 사용 중",
  "credentials.account": "계정 ID",
  "credentials.region": "리전",
  "credentials.source.sandbox": "샌드박스 (로컬 에뮬레이터)",
  "credentials.source.own": "내 임시 자격 증명",
  "credentials.expiresIn": "만료까지",
  "credentials.expired": "만료되었습니다. 다시 입력하세요.",
  "credentials.remove": "자격 증명 지우기",
  "credentials.removed": "자격 증명을 지웠습니다.",
  "credentials.none": "아직 자격 증명이 없습니다. 아래에서 하나를 고르세요.",
  "credentials.sandbox.title": "샌드박스 사용하기",
  "credentials.sandbox.body":
    "로컬 AWS 에뮬레이터에 나만의 계정을 받습니다. 비용이 들지 않고, 실제 AWS에는 아무것도 만들지 않습니다. 리허설과 연습에 쓰세요.",
  "credentials.sandbox.submit": "샌드박스 계정 받기",
  "credentials.sandbox.unavailable": "이 포털에는 샌드박스가 설정되어 있지 않습니다.",
  "credentials.sandbox.ready": "샌드박스 계정 {account}을(를) 받았습니다.",
  "credentials.own.title": "내 임시 자격 증명 붙여 넣기",
  "credentials.own.body":
    "AWS 액세스 포털이나 `aws sts get-session-token`에서 받은 임시 자격 증명을 붙여 넣으세요. 포털은 sts:GetCallerIdentity로 확인한 뒤에만 저장합니다.",
  "credentials.own.accessKeyId": "액세스 키 ID (AccessKeyId)",
  "credentials.own.secretAccessKey": "비밀 액세스 키 (SecretAccessKey)",
  "credentials.own.sessionToken": "세션 토큰 (SessionToken)",
  "credentials.own.region": "리전",
  "credentials.own.submit": "확인하고 저장하기",
  "credentials.own.saved": "계정 {account}의 자격 증명을 확인하고 저장했습니다.",
  "credentials.needed": "먼저 AWS 자격 증명을 설정하세요.",
  "credentials.goSet": "자격 증명 설정하기",
  "field.accessKeyId.invalid": "액세스 키 ID는 ASIA 또는 AKIA로 시작하는 대문자와 숫자 20자입니다.",
  "field.accessKeyId.longTerm":
    "AKIA로 시작하는 장기 액세스 키입니다. 실습에는 ASIA로 시작하는 임시 자격 증명을 쓰세요.",
  "field.secretAccessKey.invalid": "비밀 액세스 키는 40자입니다. 앞뒤 공백 없이 붙여 넣으세요.",
  "field.sessionToken.invalid":
    "세션 토큰이 비어 있거나 너무 짧습니다. 임시 자격 증명의 세 값을 모두 붙여 넣으세요.",
  "field.region.invalid": "알 수 없는 리전입니다. 예: ap-northeast-2 (서울)",
  "credentials.error.invalid":
    "AWS가 이 자격 증명을 받아들이지 않았습니다 ({awsCode}). 값을 다시 복사해서 붙여 넣으세요.",
  "credentials.error.expired":
    "자격 증명이 이미 만료되었습니다. 새 임시 자격 증명을 받아 다시 붙여 넣으세요.",
  "credentials.error.unreachable":
    "AWS STS에 연결하지 못했습니다 ({awsCode}). 네트워크를 확인하고 다시 시도하세요.",
  "credentials.error.other":
    "자격 증명을 확인하지 못했습니다 ({awsCode}). 잠시 후 다시 시도하세요.",

  // Lab
  "lab.title": "실습 모듈",
  "lab.intro":
    "모듈 순서대로 진행하세요. 각 단계에서 확인하기로 내 AWS 리소스를 점검하고, 막히면 대신 해 주세요를 누르세요.",
  "lab.comingSoon": "준비 중",
  "lab.steps": "단계 {count}개",
  "lab.estimated": "약 {minutes}분",
  "lab.step": "{order}단계",
  "lab.prev": "이전 단계",
  "lab.next": "다음 단계",
  "lab.moduleOverview": "모듈 개요",
  "lab.progress": "{done}/{total} 단계 완료",

  // Storage module
  "check.s3.needsBucket":
    "awslab-s3-로 시작하는 버킷이 아직 없습니다. 1단계(S3 버킷 만들기)를 먼저 끝내세요.",
  "plan.s3.needsBucket": "awslab-s3- 버킷이 있어야 합니다. 1단계를 먼저 끝내세요.",
  "plan.app.unreachable":
    "Web의 샘플 앱이 응답하지 않아 앱의 설정을 알 수 없습니다. 컴퓨팅 모듈의 웹 애플리케이션 단계를 먼저 확인하세요.",
  "fix.app.config.ssh":
    "Web에 SSH로 접속해 `nano ~/aws101/config.env`로 `{key} = {value}`를 쓰고 `sudo systemctl restart aws101-sample-app`을 실행하세요.",
  "fix.app.config.sandbox":
    "**샌드박스 인스턴스** 페이지(/lab/sandbox)의 config.env에 `{key} = {value}`를 쓰고 **저장하고 앱 다시 시작**을 누르세요.",
  "plan.app.config.sandbox":
    "샌드박스 Web의 config.env에 `{key} = {value}`를 쓰고 앱을 다시 시작합니다. SSH로 고치고 재시작하는 것과 같습니다.",
  "done.app.config.sandbox":
    "샌드박스 Web의 config.env에 `{key} = {value}`를 쓰고 앱을 다시 시작했습니다.",
  "check.s3.bucket.ok": "버킷 {name}이(가) {region}에 있습니다.",
  "check.s3.bucket.missing": "이름이 awslab-s3-로 시작하는 버킷이 없습니다.",
  "fix.s3.bucket.missing":
    "S3 → **버킷 만들기 (Create bucket)**: **버킷 이름 (Bucket name)**은 awslab-s3- 뒤에 소문자와 숫자를 붙여 짓고, **AWS 리전 (AWS Region)**은 아시아 태평양(서울) ap-northeast-2를 고르세요. 나머지는 기본값 그대로 두고 **버킷 만들기 (Create bucket)**를 누르세요.",
  "check.s3.bucket.otherRegion":
    "버킷 {name}은(는) {region}에 있습니다. 실습 리전은 {eventRegion}입니다.",
  "fix.s3.bucket.otherRegion":
    "버킷의 리전은 나중에 바꿀 수 없습니다. {eventRegion}에 awslab-s3- 버킷을 새로 만들고, 다른 리전의 버킷은 **비우기 (Empty)** 후 **삭제 (Delete)**하세요.",
  "check.s3.bucket.several":
    "awslab-s3- 버킷이 여러 개입니다({names}). 다음 단계들은 가장 먼저 만든 {name}을(를) 씁니다.",
  "fix.s3.bucket.several":
    "쓰지 않는 버킷은 S3 콘솔에서 **비우기 (Empty)** 후 **삭제 (Delete)**하세요.",
  "plan.s3.bucket.exists": "버킷 {name}이(가) 이미 있습니다.",
  "plan.s3.bucket.create":
    "{region}에 버킷 {prefix}<임의의 8자>를 만듭니다. 오늘 콘솔의 기본값대로 퍼블릭 액세스 차단은 모두 켜고, ACL은 비활성화(버킷 소유자 적용), 기본 암호화는 SSE-S3입니다. 이름이 이미 쓰이고 있으면 다른 이름으로 다시 시도합니다.",
  "done.s3.bucket.created": "{region}에 awslab-s3- 버킷을 만들었습니다.",
  "check.s3.101.versioning.off": "(선택) 버전 관리가 꺼져 있습니다.",
  "check.s3.101.versioning.suspended": "(선택) 버전 관리가 일시 중지되어 있습니다.",
  "check.s3.101.versioning.on":
    "(선택) 버전 관리가 켜져 있습니다. 같은 이름의 파일을 두 번 올려 보세요.",
  "check.s3.101.versioning.twice":
    "(선택) {key}에 버전이 {count}개 있습니다. 이제 이 객체를 삭제해 삭제 마커를 확인하세요.",
  "check.s3.101.versioning.done": "버전 관리: {key}에 버전 {count}개와 삭제 마커가 있습니다.",
  "check.s3.101.logging.off": "(선택) 서버 액세스 로깅이 꺼져 있습니다.",
  "check.s3.101.logging.on": "서버 액세스 로깅: 로그가 {target}에 쌓입니다.",
  "check.s3.101.website.off": "(선택) 정적 웹 사이트 호스팅이 꺼져 있습니다.",
  "check.s3.101.website.on":
    "정적 웹 사이트 호스팅: 인덱스 문서 {index}, 엔드포인트 {endpoint} (객체를 공개해야 열립니다).",
  "check.s3.101.encryption.sseS3":
    "기본 암호화: SSE-S3 (Amazon S3 관리형 키). 새 객체는 모두 자동으로 암호화됩니다.",
  "check.s3.101.encryption.kms": "기본 암호화: {algorithm} (AWS KMS 키).",
  "check.s3.101.encryption.implicit":
    "기본 암호화: S3가 설정을 돌려주지 않았습니다. AWS는 2023년 1월부터 모든 새 객체를 SSE-S3로 암호화하므로, 이런 버킷은 에뮬레이터에만 있습니다.",
  "check.s3.101.events.off": "(선택) 이벤트 알림이 없습니다.",
  "check.s3.101.events.eventBridge": "이벤트 알림: 이 버킷의 이벤트가 Amazon EventBridge로 갑니다.",
  "check.s3.101.events.destinations": "이벤트 알림: 대상 {count}개(SNS, SQS, Lambda)로 보냅니다.",
  "check.s3.101.lifecycle.off": "(선택) 수명 주기 규칙이 없습니다.",
  "check.s3.101.lifecycle.on": "수명 주기: 활성 규칙 {count}개 ({ids}).",
  "check.s3.101.replication.on": "복제: 규칙 {id}이(가) {destination}(으)로 복제합니다.",
  "plan.s3.101.versioning":
    "버전 관리를 켜고 {key}를 두 번 올린 뒤 삭제합니다. 버전 두 개와 삭제 마커가 남습니다.",
  "done.s3.101.versioning":
    "버전 관리를 켜고 {key}를 두 번 올린 뒤 삭제했습니다. 객체 목록에서 **버전 표시 (Show versions)**를 켜서 확인하세요.",
  "plan.s3.101.versioning.exists": "버전 관리 실습은 이미 했습니다.",
  "plan.s3.101.logging":
    "로그 전용 버킷 {prefix}<임의의 8자>를 만들고, S3 로그 전달 서비스만 {logPrefix}에 쓸 수 있게 하는 버킷 정책을 붙인 뒤, 이 버킷의 서버 액세스 로그를 그리로 보냅니다. 원본 버킷에 로그를 쌓으면 로그가 로그를 낳는 무한 루프가 생깁니다.",
  "plan.s3.101.logging.reuse": "이미 만든 로그 버킷 {target}(으)로 서버 액세스 로그를 보냅니다.",
  "done.s3.101.logging":
    "서버 액세스 로깅을 켰습니다. 로그는 보통 몇 시간 안에 로그 버킷에 나타납니다.",
  "plan.s3.101.logging.exists": "서버 액세스 로깅이 이미 켜져 있습니다.",
  "plan.s3.101.website": "정적 웹 사이트 호스팅을 켜고 인덱스 문서 {index}를 올립니다.",
  "done.s3.101.website": "정적 웹 사이트 호스팅을 켜고 {index}를 올렸습니다.",
  "plan.s3.101.website.exists": "정적 웹 사이트 호스팅이 이미 켜져 있습니다.",
  "plan.s3.101.encryption": "기본 암호화(SSE-S3)는 AWS가 이미 켜 두었습니다. 바꿀 것이 없습니다.",
  "plan.s3.101.events":
    "SNS 주제 {topic}을(를) 만들고(S3만 게시할 수 있는 주제 정책 포함) 이 버킷에 객체가 생길 때마다 이벤트를 보냅니다. 주제를 이메일로 구독하면 업로드마다 메일을 받습니다.",
  "done.s3.101.events": "객체가 생길 때마다 SNS 주제 {topic}(으)로 이벤트를 보내도록 했습니다.",
  "plan.s3.101.events.exists": "이벤트 알림이 이미 있습니다.",
  "plan.s3.101.lifecycle":
    "수명 주기 규칙 두 개를 추가합니다: 이전 버전은 {versionDays}일 뒤 삭제, 끝나지 않은 멀티파트 업로드는 {uploadDays}일 뒤 정리.",
  "done.s3.101.lifecycle": "수명 주기 규칙 두 개를 추가했습니다.",
  "plan.s3.101.lifecycle.exists": "수명 주기 규칙이 이미 있습니다.",
  "plan.s3.101.replication":
    "복제는 다른 리전의 버킷과 역할이 필요해 설명만 합니다. 대신 해 주세요는 복제 리소스를 만들지 않습니다.",
  "check.app.s3.notSet": "앱 설정의 S3_BUCKET이 비어 있습니다. 첨부 파일을 저장하지 않습니다.",
  "check.app.s3.set": "앱의 S3_BUCKET이 {bucket}입니다.",
  "check.app.s3.otherBucket": "앱의 S3_BUCKET이 {configured}입니다. 실습 버킷은 {bucket}입니다.",
  "check.app.s3.noCredentials":
    "앱이 NoCredentials를 보고합니다: 인스턴스에 역할이 없어 AWS 자격 증명을 찾지 못합니다. 실습이 의도한 첫 번째 오류입니다. 다음 단계에서 IAM 역할을 붙입니다.",
  "check.app.s3.pastNoCredentials":
    "앱이 이미 자격 증명을 찾았습니다(지금은 AccessDenied). NoCredentials 단계는 지나갔습니다.",
  "check.app.s3.pastAccessDenied":
    "앱이 버킷에 접근합니다. 자격 증명과 권한 단계를 모두 지나갔습니다.",
  "check.app.s3.notConfigured":
    "앱에 S3_BUCKET이 아직 없습니다. 앱에 버킷 설정하기 단계를 먼저 끝내세요.",
  "check.app.s3.noSuchBucket":
    "앱이 NoSuchBucket을 보고합니다: S3_BUCKET의 버킷 {bucket}이(가) 없습니다. 이름에 오타가 없는지 확인하세요.",
  "check.app.s3.error": "앱의 S3 상태가 {status}({code})입니다.",
  "plan.app.s3.exists": "앱의 S3_BUCKET이 이미 {bucket}입니다.",
  "plan.app.s3.manual":
    "Web에 SSH로 접속해 ~/aws101/config.env의 S3_BUCKET을 {bucket}(으)로 고치고 앱을 재시작하세요. 인스턴스 안의 일이라 포털이 대신 할 수 없습니다.",
  "check.iam.role.missing": "역할 {role}이(가) 없습니다.",
  "fix.iam.role.missing":
    "IAM → **역할 (Roles)** → **역할 생성 (Create role)**: **신뢰할 수 있는 엔터티 유형 (Trusted entity type)**은 **AWS 서비스 (AWS service)**, **사용 사례 (Use case)**는 **EC2** → **다음 (Next)** → 권한 정책은 고르지 않고 **다음 (Next)** → **역할 이름 (Role name)** {role} → **역할 생성 (Create role)**.",
  "check.iam.role.ok": "역할 {role}이(가) 있습니다.",
  "check.iam.role.trustEc2": "{role}의 신뢰 정책이 ec2.amazonaws.com을 허용합니다.",
  "check.iam.role.trustOther":
    "{role}의 신뢰 정책이 {services}만 허용합니다. EC2는 이 역할을 쓸 수 없어 앱은 계속 NoCredentials입니다.",
  "check.iam.role.trustNone": "{role}의 신뢰 정책이 ec2.amazonaws.com을 허용하지 않습니다.",
  "fix.iam.role.trust":
    "IAM → **역할 (Roles)** → {role} → **신뢰 관계 (Trust relationships)** 탭 → **신뢰 정책 편집 (Edit trust policy)**에서 Principal의 Service를 ec2.amazonaws.com으로 바꾸세요. 또는 역할을 지우고 사용 사례 EC2로 다시 만드세요.",
  "check.iam.profile.ok": "인스턴스 프로파일 {profile}이(가) {role}을(를) 담고 있습니다.",
  "check.iam.profile.missing": "{role}을(를) 담은 인스턴스 프로파일이 없습니다.",
  "fix.iam.profile.missing":
    "콘솔에서 사용 사례 EC2로 역할을 만들면 같은 이름의 인스턴스 프로파일이 함께 생깁니다. CLI로 만들었다면 `aws iam create-instance-profile`과 `aws iam add-role-to-instance-profile`로 {role}을(를) 담으세요.",
  "check.iam.role.notAttached": "Web에 IAM 역할이 연결되어 있지 않습니다.",
  "fix.iam.role.attach":
    "EC2 → **인스턴스 (Instances)** → Web 선택 → **작업 (Actions)** → **보안 (Security)** → **IAM 역할 수정 (Modify IAM role)**: **IAM 역할 (IAM role)**에서 {role}을(를) 고르고 **IAM 역할 업데이트 (Update IAM role)**.",
  "check.iam.role.attached": "Web({id})에 {role}이(가) 연결되어 있습니다.",
  "check.iam.role.otherProfile":
    "Web에 다른 인스턴스 프로파일 {profile}(역할: {roles})이 연결되어 있습니다. 실습은 {role}을(를) 씁니다.",
  "fix.iam.role.replace":
    "EC2 → **인스턴스 (Instances)** → Web → **작업 (Actions)** → **보안 (Security)** → **IAM 역할 수정 (Modify IAM role)**에서 {role}(으)로 바꾸고 **IAM 역할 업데이트 (Update IAM role)**.",
  "check.app.s3.accessDenied":
    "앱이 AccessDenied를 보고합니다: 역할의 자격 증명으로 요청했지만 권한이 없습니다. 실습이 의도한 두 번째 오류입니다. 다음 단계에서 정책을 추가합니다.",
  "check.app.s3.stillNoCredentials":
    "앱이 아직 NoCredentials를 보고합니다. {role}이(가) 방금 연결되었다면 몇 초 안에 자격 증명이 생깁니다.",
  "fix.app.s3.stillNoCredentials":
    "잠시 뒤 다시 확인하세요. 그래도 같다면 역할의 신뢰 정책이 ec2.amazonaws.com을 허용하는지, Web에 맞는 역할이 연결되었는지 확인하세요.",
  "plan.iam.role.create":
    "역할 {role}을(를) 만듭니다. 신뢰 정책은 ec2.amazonaws.com만 허용하고, 권한 정책은 아직 없습니다.",
  "done.iam.role.created": "역할 {role}을(를) 만들었습니다.",
  "plan.iam.role.exists": "역할 {role}이(가) 이미 있고 EC2를 신뢰합니다.",
  "plan.iam.role.trust": "{role}의 신뢰 정책을 ec2.amazonaws.com만 허용하도록 바꿉니다.",
  "done.iam.role.trust": "{role}의 신뢰 정책을 ec2.amazonaws.com으로 바꿨습니다.",
  "plan.iam.profile.exists": "인스턴스 프로파일 {profile}이(가) 이미 있습니다.",
  "plan.iam.profile.taken":
    "인스턴스 프로파일 {profile}에 다른 역할({roles})이 들어 있습니다. 콘솔이나 CLI로 직접 정리하세요.",
  "plan.iam.profile.create":
    "인스턴스 프로파일 {profile}을(를) 만들고 {role}을(를) 담습니다. 콘솔이 역할과 함께 만드는 것과 같습니다.",
  "done.iam.profile.created": "인스턴스 프로파일 {profile}에 {role}을(를) 담았습니다.",
  "plan.iam.attach":
    "Web({id})에 {role}을(를) 연결합니다. 방금 만든 프로파일을 EC2가 아직 모르면 몇 초씩 기다렸다 다시 시도합니다.",
  "done.iam.attach": "Web({id})에 {role}을(를) 연결했습니다.",
  "plan.iam.attach.exists": "Web({id})에 {role}이(가) 이미 연결되어 있습니다.",
  "plan.iam.attach.replace":
    "Web에 다른 역할이 연결되어 있습니다. 일부러 붙인 역할일 수 있으니 **IAM 역할 수정 (Modify IAM role)**에서 직접 {role}(으)로 바꾸세요.",
  "plan.iam.attach.needsProfile":
    "{role}을(를) 담은 인스턴스 프로파일이 있어야 연결할 수 있습니다.",
  "check.iam.policy.needsRole": "역할 {role}이(가) 아직 없습니다. IAM 역할 단계를 먼저 끝내세요.",
  "plan.iam.policy.needsRole": "역할 {role}이(가) 있어야 합니다. IAM 역할 단계를 먼저 끝내세요.",
  "check.iam.policy.ok": "{role}에 인라인 정책 {policy}이(가) 있습니다.",
  "check.iam.policy.missing": "{role}에 인라인 정책 {policy}이(가) 없습니다.",
  "fix.iam.policy.missing":
    "IAM → **역할 (Roles)** → {role} → **권한 (Permissions)** 탭 → **권한 추가 (Add permissions)** → **인라인 정책 생성 (Create inline policy)**: 서비스 S3, 작업 모든 S3 작업(s3:*), 리소스에 버킷 ARN과 객체 ARN(객체 이름 *)을 추가 → **다음 (Next)** → **정책 이름 (Policy name)** {policy} → **정책 생성 (Create policy)**.",
  "check.iam.policy.otherPolicies":
    "{policy}은(는) 없지만 다른 정책({names})이 필요한 권한을 줍니다. 동작은 하지만 실습의 정책보다 넓을 수 있습니다.",
  "check.iam.policy.allowed": "역할이 {bucket}에 {action}을(를) 할 수 있습니다.",
  "check.iam.policy.deny": "Deny 문이 {action}을(를) 막습니다. Deny는 어떤 Allow보다도 우선합니다.",
  "check.iam.policy.bucketArnOnly":
    "정책이 버킷 ARN arn:aws:s3:::{bucket}에만 {action}을(를) 허용합니다. 객체는 arn:aws:s3:::{bucket}/*로 따로 넣어야 합니다.",
  "check.iam.policy.objectArnOnly":
    "정책이 객체 ARN arn:aws:s3:::{bucket}/*에만 {action}을(를) 허용합니다. {action}은(는) 버킷 ARN arn:aws:s3:::{bucket}에 필요합니다.",
  "check.iam.policy.otherBucket":
    "정책이 {others} 버킷에 {action}을(를) 허용합니다. 실습 버킷은 {bucket}입니다. 버킷 이름을 확인하세요.",
  "check.iam.policy.actionMissing":
    "정책이 {granted}은(는) 허용하지만 {action}은(는) 허용하지 않습니다.",
  "check.iam.policy.nothing": "어떤 정책도 {bucket}에 {action}을(를) 허용하지 않습니다.",
  "fix.iam.policy.edit":
    "IAM → **역할 (Roles)** → {role} → **권한 (Permissions)** 탭에서 {policy}을(를) 열고 **편집 (Edit)**: Resource에 arn:aws:s3:::{bucket}와(과) arn:aws:s3:::{bucket}/* 두 ARN을 넣고 Action은 s3:*로 두세요.",
  "check.iam.policy.appOk": "앱이 역할의 자격 증명으로 {bucket}에 접근합니다.",
  "check.iam.policy.appDenied": "앱이 아직 AccessDenied를 보고합니다.",
  "fix.iam.policy.appDenied": "정책 변경은 몇 초 뒤에 반영됩니다. 잠시 뒤 다시 확인하세요.",
  "check.iam.policy.upload.none": "아직 업로드가 없습니다. 앱에서 첨부 파일과 함께 가입해 보세요.",
  "check.iam.policy.upload.app": "앱의 마지막 업로드({at})가 성공했습니다.",
  "check.iam.policy.upload.object": "버킷에 업로드된 첨부 파일이 있습니다: {key}",
  "check.iam.policy.upload.failed":
    "앱의 마지막 업로드({at})는 {code}(으)로 실패했습니다. 정책을 추가하기 전이었다면 첨부 파일과 함께 다시 가입해 보세요.",
  "plan.iam.policy.create":
    "{role}에 인라인 정책 {policy}을(를) 추가합니다: {bucket}와(과) {bucket}/*에 s3:*를 허용(실습의 정책).",
  "done.iam.policy.created": "{role}에 인라인 정책 {policy}을(를) 추가했습니다.",
  "plan.iam.policy.replace":
    "{policy}의 내용을 실습의 정책({bucket}와(과) {bucket}/*에 s3:*)으로 바꿉니다.",
  "done.iam.policy.replaced": "{policy}의 내용을 실습의 정책으로 바꿨습니다.",
  "plan.iam.policy.exists": "{policy}이(가) 이미 필요한 권한을 줍니다.",
  "plan.iam.policy.needsAttachedRole":
    "Web에 {role}이(가) 연결되어야 업로드할 수 있습니다. IAM 역할 단계를 먼저 끝내세요.",
  "plan.iam.policy.upload.exists": "업로드가 이미 성공했습니다.",
  "plan.iam.policy.upload.manual":
    "앱에서 첨부 파일과 함께 가입해 업로드를 확인하세요. 인스턴스 안의 일이라 포털이 대신 할 수 없습니다.",
  "plan.iam.policy.upload.sandbox":
    "샌드박스 Web의 역할 자격 증명으로 {bucket}의 uploads/에 작은 파일을 올립니다. 앱이 첨부 파일을 올리는 것과 같은 길입니다.",
  "done.iam.policy.upload.sandbox": "Web의 역할로 {bucket}에 파일을 올렸습니다.",
  "check.public.viaPolicy":
    "버킷 정책이 누구에게나 객체 읽기(s3:GetObject)를 허용하고, 퍼블릭 액세스 차단이 막지 않습니다.",
  "check.public.viaAcl":
    "객체 ACL이 모든 사람(AllUsers)에게 읽기를 허용하고, ACL이 활성화되어 있으며 퍼블릭 액세스 차단이 막지 않습니다.",
  "check.public.get.ok": "익명 GET {url}이(가) 성공했습니다.",
  "check.public.get.refused": "익명 GET {url}이(가) 실패했습니다({status}).",
  "fix.public.get":
    "설정은 공개인데 S3가 거부했습니다. 방금 바꿨다면 잠시 뒤 다시 확인하고, 그래도 같다면 조직의 정책(SCP)을 강사에게 확인하세요.",
  "check.public.policyIgnored.bucket":
    "버킷 정책은 누구에게나 읽기를 허용하지만, 이 버킷의 퍼블릭 액세스 차단 중 RestrictPublicBuckets(퍼블릭 버킷 정책을 통한 액세스 차단)가 켜져 있어 S3가 이 정책을 무시합니다.",
  "check.public.policyIgnored.account":
    "버킷 정책은 누구에게나 읽기를 허용하지만, 계정 수준 퍼블릭 액세스 차단의 RestrictPublicBuckets가 켜져 있어 이 계정의 모든 버킷에서 공개 정책이 무시됩니다.",
  "fix.public.bucketBpa":
    "S3 → {bucket} → **권한 (Permissions)** 탭 → **퍼블릭 액세스 차단(버킷 설정) (Block public access (bucket settings))** → **편집 (Edit)**: **모든 퍼블릭 액세스 차단 (Block all public access)** 체크를 풀고 **변경 사항 저장 (Save changes)**.",
  "fix.public.account":
    "계정 수준 설정은 이 계정의 모든 버킷에 적용되며 S3 → **이 계정에 대한 퍼블릭 액세스 차단 설정 (Block Public Access settings for this account)**에서만 바꿀 수 있습니다. 조직이 막아 두었을 수 있으니 강사에게 확인하고, 아니라면 다음 단계의 미리 서명된 URL을 쓰세요.",
  "check.public.aclDisabled":
    "객체 ACL이 모든 사람에게 읽기를 허용하지만, 이 버킷은 ACL이 비활성화되어 있습니다(객체 소유권: 버킷 소유자 적용). ACL은 아무 효과가 없습니다.",
  "check.public.aclIgnored.bucket":
    "객체 ACL이 모든 사람에게 읽기를 허용하지만, 이 버킷의 퍼블릭 액세스 차단 중 IgnorePublicAcls(ACL을 통한 액세스 차단)가 켜져 있어 무시됩니다.",
  "check.public.aclIgnored.account":
    "객체 ACL이 모든 사람에게 읽기를 허용하지만, 계정 수준 퍼블릭 액세스 차단의 IgnorePublicAcls가 켜져 있어 무시됩니다.",
  "fix.public.usePolicy":
    "오늘의 방법은 버킷 정책입니다. S3 → {bucket} → **권한 (Permissions)** 탭 → **퍼블릭 액세스 차단(버킷 설정) (Block public access (bucket settings))** → **편집 (Edit)**에서 **모든 퍼블릭 액세스 차단 (Block all public access)**을 풀고, **버킷 정책 (Bucket policy)** → **편집 (Edit)**에 이 페이지의 AddPerm 정책을 붙여 넣어 **변경 사항 저장 (Save changes)**.",
  "check.public.policyDeny": "버킷 정책의 Deny 문이 익명 읽기를 막습니다.",
  "check.public.policyBucketArnOnly":
    "버킷 정책이 버킷 ARN arn:aws:s3:::{bucket}에만 s3:GetObject를 허용합니다. 객체는 arn:aws:s3:::{bucket}/*입니다.",
  "check.public.policyOtherBucket":
    "버킷 정책의 Resource가 {others}을(를) 가리킵니다. 이 버킷은 {bucket}입니다.",
  "check.public.policyActionMissing":
    "버킷 정책이 누구에게나 {granted}은(는) 허용하지만 s3:GetObject는 허용하지 않습니다.",
  "check.public.none":
    "누구에게나 읽기를 허용하는 버킷 정책도 객체 ACL도 없습니다. 첨부 파일 링크는 AccessDenied입니다.",
  "check.public.none.bucketBlocks":
    "누구에게나 읽기를 허용하는 버킷 정책이 없습니다. 게다가 이 버킷의 퍼블릭 액세스 차단 중 BlockPublicPolicy가 켜져 있어 공개 버킷 정책은 저장부터 거부됩니다.",
  "check.public.none.accountBlocks":
    "누구에게나 읽기를 허용하는 버킷 정책이 없습니다. 계정 수준 퍼블릭 액세스 차단의 BlockPublicPolicy가 켜져 있어 이 계정에서는 공개 버킷 정책을 저장할 수 없습니다.",
  "check.public.privatePresigned":
    "{bucket}은(는) 다시 비공개이고, 앱은 첨부 파일을 미리 서명된 URL로 보여 줍니다. 퍼블릭 액세스 없이도 링크가 열립니다.",
  "check.public.accountUnreadable":
    "계정 수준 퍼블릭 액세스 차단을 읽지 못했습니다({code}). 아래 판단은 버킷 설정만 본 것입니다.",
  "plan.public.exists": "{bucket}의 객체는 이미 누구나 읽을 수 있습니다.",
  "plan.public.accountBlocks":
    "계정 수준 퍼블릭 액세스 차단이 공개 버킷 정책을 막습니다. 계정의 모든 버킷에 적용되는 설정이라 포털은 바꾸지 않습니다.",
  "plan.public.policyDeny":
    "{bucket}의 버킷 정책에 익명 읽기를 막는 Deny 문이 있습니다. 직접 확인하고 고치세요.",
  "plan.public.bpaOff":
    "{bucket}에서만 퍼블릭 액세스 차단의 정책 관련 두 항목(BlockPublicPolicy, RestrictPublicBuckets)을 끕니다. ACL 관련 두 항목은 켠 채로 둡니다.",
  "done.public.bpaOff": "{bucket}의 퍼블릭 액세스 차단에서 정책 관련 두 항목을 껐습니다.",
  "plan.public.addPerm":
    "⚠ 보안: {bucket}의 버킷 정책에 AddPerm 문(누구나 s3:GetObject, arn:aws:s3:::{bucket}/*)을 추가합니다. 이 버킷의 모든 객체를 인터넷의 누구나 읽을 수 있게 됩니다. 다음 단계에서 되돌리세요.",
  "done.public.addPerm":
    "{bucket}의 버킷 정책에 AddPerm을 추가했습니다. 이 버킷의 객체는 이제 공개입니다.",
  "plan.public.undo.statement":
    "{bucket}의 버킷 정책에서 누구에게나 읽기를 허용하는 문(AddPerm)을 지웁니다. 다른 문은 그대로 둡니다.",
  "done.public.undo.statement": "{bucket}의 버킷 정책에서 공개 읽기 문을 지웠습니다.",
  "plan.public.undo.policy": "{bucket}의 버킷 정책을 삭제합니다. 공개 읽기 문만 있었습니다.",
  "done.public.undo.policy": "{bucket}의 버킷 정책을 삭제했습니다.",
  "plan.public.undo.bpa": "{bucket}의 퍼블릭 액세스 차단 네 항목을 모두 다시 켭니다.",
  "done.public.undo.bpa": "{bucket}의 퍼블릭 액세스 차단을 모두 다시 켰습니다.",
  "plan.public.undo.nothing": "{bucket}은(는) 이미 비공개입니다. 되돌릴 것이 없습니다.",
  "check.presigned.on":
    "앱의 PRESIGNED_URL이 켜져 있습니다. /admin의 첨부 파일 링크는 서명(X-Amz-Signature)과 유효 시간(X-Amz-Expires=300)이 붙은 미리 서명된 URL입니다.",
  "check.presigned.off":
    "앱의 PRESIGNED_URL이 꺼져 있습니다. /admin 링크는 공개 URL이라 버킷이 비공개면 AccessDenied입니다.",
  "plan.presigned.exists": "PRESIGNED_URL이 이미 켜져 있습니다.",
  "plan.presigned.manual":
    "Web에 SSH로 접속해 ~/aws101/config.env의 PRESIGNED_URL을 True로 고치고 앱을 재시작하세요. 인스턴스 안의 일이라 포털이 대신 할 수 없습니다.",
  "undo.button": "되돌리기",
  "undo.planTitle": "이렇게 되돌리겠습니다",
  "undo.apply": "되돌리기 실행",
  "undo.applying": "되돌리는 중…",
  "undo.nothingToDo": "되돌릴 것이 없습니다.",
  "undo.done": "되돌렸습니다: {count}개 작업",

  // Sandbox instance
  "sandbox.title": "샌드박스 인스턴스",
  "sandbox.intro":
    "샌드박스의 EC2 인스턴스는 에뮬레이터 안에만 있어 SSH로 접속할 수 없습니다. 대신 여기에서 Web에서 도는 내 샘플 앱의 상태를 보고, 설정 파일(config.env)을 고치고, 앱 로그를 읽습니다. 실제 AWS에서는 SSH로 접속해 같은 일을 합니다.",
  "sandbox.notSandbox":
    "이 페이지는 샌드박스 계정에서만 씁니다. 실제 AWS에서는 SSH로 인스턴스에 접속하세요.",
  "sandbox.noWeb": "아직 Web 인스턴스가 없습니다. 컴퓨팅 모듈 1단계를 먼저 끝내세요.",
  "sandbox.instance": "인스턴스",
  "sandbox.state": "상태",
  "sandbox.publicIp": "퍼블릭 IP",
  "sandbox.app.running":
    "내 샘플 앱이 {url}에서 실행 중입니다. 실제 AWS의 http://{ip}/ 에 해당합니다.",
  "sandbox.config.title": "설정 파일 (config.env)",
  "sandbox.config.help":
    "SSH로 접속해 `nano ~/aws101/config.env`로 고치고 `sudo systemctl restart aws101-sample-app`을 실행하는 것과 같습니다. 저장하면 앱이 설정을 다시 읽습니다.",
  "sandbox.config.save": "저장하고 앱 다시 시작",
  "sandbox.config.saving": "저장하는 중…",
  "sandbox.config.saved": "저장했습니다. 앱이 새 설정을 읽었습니다.",
  "sandbox.config.failed": "저장하지 못했습니다. Web이 실행 중이고 앱이 떠 있는지 확인하세요.",
  "sandbox.config.missing":
    "앱이 한 번 실행되면 설정 파일이 생깁니다. Web이 실행 중인지 확인하세요.",
  "sandbox.health.title": "앱 상태 (/healthz)",
  "sandbox.log.title": "앱 로그 (journalctl -u aws101-sample-app)",
  "sandbox.log.empty": "아직 로그가 없습니다.",
  "sandbox.link": "샌드박스 인스턴스 열기 (SSH 대신)",
  "sandbox.field.config.invalid": "설정 파일은 16KB 이하의 텍스트여야 합니다.",

  // Check / do it for me / status
  "check.button": "확인하기",
  "check.running": "확인하는 중…",
  "check.checkedAt": "{time}에 확인",
  "check.summary.pass": "모두 맞습니다.",
  "check.summary.fail": "고칠 것이 있습니다.",
  "check.summary.pending": "아직 진행 중인 것이 있습니다.",
  "check.summary.unobservable": "샌드박스에서는 일부를 확인할 수 없습니다.",
  "check.summary.error": "확인하지 못했습니다.",
  "check.summary.not-started": "아직 시작하지 않은 단계입니다.",
  "check.status.pass": "통과",
  "check.status.fail": "실패",
  "check.status.pending": "대기",
  "check.status.unobservable": "확인 불가",
  "check.status.error": "오류",
  "check.status.warn": "주의",
  "check.status.not-started": "시작 전",
  "check.howToFix": "고치는 방법",
  "doit.button": "대신 해 주세요",
  "doit.planning": "계획을 세우는 중…",
  "doit.planTitle": "이렇게 하겠습니다",
  "doit.apply": "실행하기",
  "doit.applying": "실행하는 중…",
  "doit.nothingToDo": "이미 다 되어 있습니다. 새로 만들 것이 없습니다.",
  "doit.done": "완료했습니다: {count}개 작업",
  "doit.kind.exists": "이미 있음",
  "doit.kind.create": "만들기",
  "doit.kind.remove": "삭제",
  "doit.kind.update": "바꾸기",
  "doit.kind.manual": "직접 하세요",
  "doit.kind.blocked": "먼저 필요",
  "doit.download": "{filename} 내려받기 (한 번만 가능)",
  "doit.downloadNote":
    "이 파일(개인 키, 암호)은 지금 한 번만 내려받을 수 있습니다. 포털은 평문으로 보관하지 않습니다.",
  "status.title": "실시간 상태",
  "status.refreshing": "갱신 중…",
  "status.firstReading": "AWS 계정을 처음 읽는 중입니다. 몇 초 안에 결과가 여기에 표시됩니다.",
  "status.updated": "{time} 기준",
  "status.passedItems": "통과한 항목 {count}개",
  "status.needsCredentials": "자격 증명을 설정하면 상태가 표시됩니다.",
  "status.summary": "실시간 상태: {passed}/{total} 통과",
  "doit.completed": "완료",
  "userData.show": "사용자 데이터 스크립트 보기 ({lines}줄)",

  // AWS problems shown in place of check items
  "aws.problem.access_denied":
    "AWS가 {operation} 요청을 거부했습니다 (AccessDenied). 이 자격 증명에 해당 권한이 있는지 확인하세요.",
  "aws.problem.invalid_credentials":
    "AWS가 자격 증명을 받아들이지 않았습니다 ({awsCode}). 자격 증명을 다시 입력하세요.",
  "aws.problem.expired_credentials": "자격 증명이 만료되었습니다. 새 임시 자격 증명을 입력하세요.",
  "aws.problem.throttled":
    "AWS가 요청이 너무 많다고 응답했습니다 ({operation}). 잠시 후 다시 확인하세요.",
  "aws.problem.endpoint_unreachable":
    "AWS 엔드포인트에 연결하지 못했습니다 ({operation}, {awsCode}). 네트워크나 에뮬레이터가 켜져 있는지 확인하세요.",
  "aws.problem.region_unavailable":
    "이 리전을 쓸 수 없습니다 ({awsCode}). 계정에서 리전이 활성화되어 있는지 확인하세요.",
  "aws.problem.limit_exceeded":
    "계정 한도에 걸렸습니다 ({awsCode}). 쓰지 않는 리소스를 정리하거나 강사에게 알려 주세요.",
  "aws.problem.unknown":
    "AWS 호출이 실패했습니다 ({operation}: {awsCode}). 잠시 후 다시 시도하세요.",
  "aws.problem.no_credentials": "AWS 자격 증명이 없거나 만료되었습니다. 자격 증명을 설정하세요.",
  "aws.problem.busy": "이전 작업이 아직 실행 중입니다. 잠시 후 다시 누르세요.",
  "problem.internal":
    "포털 내부 오류로 확인하지 못했습니다. 강사에게 참조 번호 {reference}를 알려 주세요.",

  // Limits, the end of the event, and the audit log (docs/security.md)
  "join.error.eventFull": "이 실습의 참가 인원이 다 찼습니다. 강사에게 알리세요.",
  "instructorSignIn.tooManyAttempts": "로그인에 너무 많이 실패했습니다. 15분 뒤에 다시 시도하세요.",
  "limits.moduleDisabled": "이 모듈은 이번 실습에서 사용하지 않습니다. 강사에게 문의하세요.",
  "limits.eventEnded":
    "이 실습은 끝났습니다. 실습 페이지와 기록은 계속 볼 수 있지만, 포털은 더 이상 내 AWS에서 확인하거나 만들지 않습니다.",
  "limits.attendee": "요청이 너무 잦습니다. {seconds}초 뒤에 다시 누르세요.",
  "limits.event":
    "지금 이 실습 전체에서 요청이 많아 잠시 줄이고 있습니다. {seconds}초 뒤에 다시 누르세요.",
  "limits.credentials":
    "자격 증명 확인을 너무 많이 시도했습니다. {minutes}분 뒤에 다시 시도하거나 강사에게 알리세요.",
  "instructor.audit.title": "포털이 AWS에서 한 일",
  "instructor.audit.intro":
    "대신 해 주세요, 되돌리기, 자격 증명 연결처럼 포털이 참가자 대신 AWS에 요청한 작업의 최근 기록입니다.",
  "instructor.audit.empty": "아직 기록이 없습니다.",
  "instructor.audit.time": "시각",
  "instructor.audit.attendee": "참가자",
  "instructor.audit.action": "작업",
  "instructor.audit.result": "결과",
  "instructor.audit.requests": "AWS 요청 ID",
  "instructor.audit.ok": "성공",
  "instructor.audit.failed": "실패 ({code})",
  "instructor.audit.do": "대신 해 주세요: {step} · {entry}",
  "instructor.audit.undo": "되돌리기: {step} · {entry}",
  "instructor.audit.credentials.own": "내 임시 자격 증명 확인",
  "instructor.audit.credentials.sandbox": "샌드박스 계정 받기",

  // Compute checks
  "check.common.needsWeb":
    "Web 인스턴스가 아직 없습니다. 1단계(EC2 인스턴스 만들기)를 먼저 끝내세요.",
  "plan.common.needsWeb": "Web 인스턴스가 있어야 합니다. 1단계를 먼저 끝내세요.",
  "check.common.needsGroup": "보안 그룹 {group}이(가) 아직 없습니다. 1단계를 먼저 끝내세요.",
  "plan.common.needsGroup": "보안 그룹 {group}이(가) 있어야 합니다. 1단계를 먼저 끝내세요.",
  "fix.ec2.instance.missing":
    "**인스턴스 시작 (Launch instance)**에서 **이름 및 태그 (Name and tags)**의 이름을 Web으로 입력하세요. 대소문자를 구분합니다.",
  "check.ec2.instance.found": "Web 인스턴스가 있습니다 ({id}).",
  "check.ec2.instance.duplicates": "Web이라는 이름의 인스턴스가 {count}개 있습니다: {ids}",
  "fix.ec2.instance.duplicates":
    "하나만 남기고 종료하세요. 포털은 {id}를 기준으로 확인합니다. 남은 인스턴스도 비용이 듭니다.",
  "check.ec2.state.running": "인스턴스가 실행 중(running)입니다.",
  "check.ec2.state.pending": "인스턴스가 시작하는 중(pending)입니다. 잠시 기다리세요.",
  "check.ec2.state.other": "인스턴스 상태가 {state}입니다.",
  "fix.ec2.state":
    "**인스턴스 상태 (Instance state)** → **인스턴스 시작 (Start instance)**으로 다시 시작하세요.",
  "check.ec2.ami.al2023": "AMI가 Amazon Linux 2023입니다 ({name}).",
  "check.ec2.ami.al2":
    "AMI가 Amazon Linux 2입니다 ({name}). Amazon Linux 2는 2026년에 표준 지원이 끝났습니다.",
  "check.ec2.ami.other": "AMI가 Amazon Linux 2023이 아닙니다 ({name}).",
  "check.ec2.ami.unknown": "AMI {imageId}의 정보를 볼 수 없어 운영 체제를 확인하지 못했습니다.",
  "fix.ec2.ami":
    "인스턴스를 종료하고 **애플리케이션 및 OS 이미지 (Application and OS Images)**에서 Amazon Linux 2023 AMI로 다시 만드세요.",
  "check.ec2.type.ok": "인스턴스 유형이 {type}입니다.",
  "check.ec2.type.accepted":
    "인스턴스 유형이 {type}입니다. 실습에는 괜찮지만 지금은 t3.micro가 기본입니다.",
  "check.ec2.type.wrong": "인스턴스 유형이 {type}입니다. 실습은 t3.micro(또는 t2.micro)를 씁니다.",
  "fix.ec2.type":
    "인스턴스를 중지한 뒤 **작업 (Actions)** → **인스턴스 설정 (Instance settings)** → **인스턴스 유형 변경 (Change instance type)**에서 t3.micro로 바꾸세요. 큰 유형은 비용이 더 듭니다.",
  "check.sg.missing": "보안 그룹 {group}이(가) 없습니다.",
  "check.sg.attached": "보안 그룹 {group}({id})이(가) Web에 연결되어 있습니다.",
  "check.sg.exists": "보안 그룹 {group}({id})이(가) 있습니다.",
  "check.sg.notAttached": "보안 그룹 {group}이(가) Web 인스턴스에 연결되어 있지 않습니다.",
  "check.keyPair.ok": "키 페어 {keyPair}이(가) 있습니다.",
  "check.keyPair.missing": "키 페어 {keyPair}이(가) 없습니다.",
  "fix.keyPair.missing":
    "**키 페어(로그인) (Key pair (login))**에서 **새 키 페어 생성 (Create new key pair)**을 누르고 이름을 {keyPair}로 입력하세요.",
  "check.keyPair.notUsed": "Web 인스턴스가 키 페어 {keyPair}이(가) 아니라 {used}을(를) 씁니다.",
  "fix.keyPair.notUsed":
    "키 페어는 인스턴스를 만든 뒤 바꿀 수 없습니다. {keyPair}로 다시 만들거나, 가진 키로 접속하세요.",
  "plan.keyPair.exists": "키 페어 {keyPair}: 이미 있습니다.",
  "plan.keyPair.create": "키 페어 {keyPair}을(를) 만들고 개인 키를 한 번만 내려받게 합니다.",
  "plan.sg.exists": "보안 그룹 {group}: 이미 있습니다 ({id}).",
  "plan.sg.create": "보안 그룹 {group}을(를) 만듭니다 (인바운드 규칙 없음).",
  "plan.sg.removeOpenSsh": "{group}에서 0.0.0.0/0에 열린 SSH(22) 규칙을 삭제합니다.",
  "plan.instance.exists": "Web 인스턴스: 이미 있습니다 ({id}, {state}).",
  "plan.instance.create":
    "Web 인스턴스를 시작합니다: Amazon Linux 2023 (SSM 공개 파라미터의 최신 AMI), {type}, 키 페어 {keyPair}, 보안 그룹 {group}, 샘플 앱 사용자 데이터.",
  "plan.instance.attachSgManually":
    "Web에 {group}이(가) 연결되어 있지 않습니다. 실행 중인 인스턴스는 건드리지 않으니 직접 연결하세요.",
  "check.eip.associated": "탄력적 IP {ip}이(가) Web({id})에 연결되어 있습니다.",
  "check.eip.notAssociated": "탄력적 IP가 할당되어 있지만 Web에 연결되어 있지 않습니다.",
  "check.eip.missing": "할당된 탄력적 IP가 없습니다.",
  "fix.eip.associate":
    "탄력적 IP를 선택하고 **작업 (Actions)** → **탄력적 IP 주소 연결 (Associate Elastic IP address)**에서 Web을 고르세요.",
  "fix.eip.allocate":
    "**탄력적 IP (Elastic IPs)** → **탄력적 IP 주소 할당 (Allocate Elastic IP address)**을 누른 뒤 Web에 연결하세요.",
  "plan.eip.exists": "탄력적 IP {ip}: 이미 Web에 연결되어 있습니다.",
  "plan.eip.waitForRunning":
    "Web이 아직 {state} 상태입니다. 실행 중(running)이 되면 다시 누르세요.",
  "plan.eip.allocate": "탄력적 IP를 새로 할당하고 Web에 연결합니다.",
  "check.ssh.ipUnknown": "내 IP를 알 수 없어 SSH 규칙을 확인하지 못했습니다.",
  "check.ssh.myIp": "{group}이(가) 내 IP {cidr}에서 오는 SSH(22)를 허용합니다.",
  "check.ssh.otherIp":
    "{group}의 SSH 규칙이 {cidrs}에서만 허용합니다. 지금 내 IP는 {cidr}입니다 (네트워크가 바뀌었을 수 있습니다).",
  "check.ssh.noRule": "{group}에 내 IP {cidr}에서 오는 SSH(22) 규칙이 없습니다.",
  "check.ssh.description.ok": "SSH 규칙의 설명이 Saltware입니다.",
  "check.ssh.description.wrong": "SSH 규칙의 설명이 Saltware가 아닙니다 (지금: {description}).",
  "plan.ssh.add": "{group}에 SSH(22) 규칙을 추가합니다: 소스 {cidr}, 설명 Saltware.",
  "plan.ssh.exists": "내 IP {cidr}의 SSH 규칙: 이미 있습니다.",
  "check.web.http.open": "{group}이(가) 모든 IP에서 오는 HTTP(80)를 허용합니다.",
  "check.web.http.missing": "{group}에 HTTP(80) 인바운드 규칙이 없습니다.",
  "check.web.app.ok": "샘플 앱이 {url}에서 응답합니다.",
  "check.web.app.notSampleApp": "{url}이(가) 응답했지만 샘플 앱 화면이 아닙니다.",
  "check.web.app.timeout": "{url}이(가) 제한 시간 안에 응답하지 않았습니다.",
  "check.web.app.refused": "{url}이(가) 연결을 거부했습니다. 앱이 실행 중이 아닙니다.",
  "check.web.app.httpStatus": "{url}이(가) HTTP {status}로 응답했습니다.",
  "check.web.app.network": "{url}에 연결하지 못했습니다.",
  "fix.web.app.timeout": "보안 그룹에 HTTP(80) 규칙이 있는지, 인스턴스가 실행 중인지 확인하세요.",
  "fix.web.app.restart":
    "인스턴스에 SSH로 접속해 `sudo systemctl status aws101-sample-app`과 `journalctl -u aws101-sample-app`으로 원인을 확인하고 `sudo systemctl restart aws101-sample-app`을 실행하세요.",
  "plan.web.httpExists": "HTTP(80) 규칙: 이미 있습니다.",
  "plan.web.httpAdd": "{group}에 HTTP(80) 규칙을 추가합니다: 소스 0.0.0.0/0.",
  "plan.web.appManual":
    "샘플 앱은 사용자 데이터가 설치합니다. 앱이 응답하지 않으면 인스턴스에서 직접 확인하세요.",
  "check.ec2.instance.missing": "이 리전에 Name=Web 태그가 붙은 인스턴스가 없습니다.",
  "check.ec2.instance.notInRegion":
    "이벤트 리전 {region}에서 Web 인스턴스를 찾지 못했습니다 ({other}에도 없습니다).",
  "check.ec2.instance.otherRegion":
    "이벤트 리전 {region}에는 Web 인스턴스가 없고, {other} 리전에 있습니다 ({ids}). 다른 리전에서 만든 것 같습니다.",
  "fix.ec2.instance.otherRegion":
    "콘솔 오른쪽 위 리전 선택기에서 {region}을(를) 고른 뒤 다시 만드세요. {other}의 인스턴스는 **인스턴스 상태 (Instance state)** → **인스턴스 종료 (Terminate instance)**로 지우세요. 그대로 두면 요금이 나옵니다.",
  "check.ec2.userData.portal": "사용자 데이터가 이 페이지의 샘플 앱 설치 스크립트입니다.",
  "check.ec2.userData.sampleApp": "사용자 데이터가 포털에서 샘플 앱을 내려받아 설치합니다.",
  "check.ec2.userData.missing": "사용자 데이터가 비어 있습니다. 샘플 앱이 설치되지 않습니다.",
  "check.ec2.userData.lab2019":
    "사용자 데이터가 2019년 실습의 `yum install` 스크립트입니다. 이 스크립트는 샘플 앱을 설치하지 않으므로 웹 앱 단계에서 아무것도 뜨지 않습니다.",
  "check.ec2.userData.other":
    "사용자 데이터가 이 페이지의 스크립트가 아닙니다. 샘플 앱이 설치되지 않습니다.",
  "fix.ec2.userData":
    "사용자 데이터는 첫 부팅 때 한 번만 실행되므로 고쳐서 다시 시작해도 소용없습니다. Web을 **인스턴스 상태 (Instance state)** → **인스턴스 종료 (Terminate instance)**로 지우고, 같은 보안 그룹 web-server-sg와 키 페어 awslab으로 다시 시작하면서 **고급 세부 정보 (Advanced details)** → **사용자 데이터 (User data)**에 이 페이지의 스크립트를 붙여 넣으세요.",
  "check.ec2.publicIp.ok": "Web에 퍼블릭 IPv4 주소 {ip}가 있습니다.",
  "check.ec2.publicIp.missing":
    "Web에 퍼블릭 IPv4 주소가 없습니다. 인터넷에서 접속할 수 없고, 인스턴스가 샘플 앱을 내려받지도 못합니다.",
  "fix.ec2.publicIp":
    "2단계에서 탄력적 IP를 연결하면 퍼블릭 IP가 생깁니다. 다음에 인스턴스를 만들 때는 **네트워크 설정 (Network settings)** → **편집 (Edit)**에서 **퍼블릭 IP 자동 할당 (Auto-assign public IP)**을 **활성화 (Enable)**로 두세요.",
  "check.ec2.imds.enabled": "인스턴스 메타데이터(IMDS)가 켜져 있습니다.",
  "check.ec2.imds.disabled":
    "인스턴스 메타데이터(IMDS)가 꺼져 있습니다. 스토리지 모듈의 IAM 역할과 EC2 Instance Connect가 동작하지 않습니다.",
  "fix.ec2.imds":
    "Web을 선택하고 **작업 (Actions)** → **인스턴스 설정 (Instance settings)** → **인스턴스 메타데이터 옵션 수정 (Modify instance metadata options)**에서 **인스턴스 메타데이터 서비스 (Instance metadata service)**를 **활성화 (Enable)**로 바꾸세요.",
  "check.sg.noOpenSsh": "Web의 보안 그룹 어디에도 0.0.0.0/0에서 오는 SSH(22) 규칙이 없습니다.",
  "check.sg.openSsh":
    "보안 그룹 {groups}이(가) 0.0.0.0/0(모든 IP)에서 오는 22번 포트(SSH)를 허용합니다.",
  "fix.sg.openSsh":
    "EC2 → **보안 그룹 (Security Groups)** → web-server-sg → **인바운드 규칙 편집 (Edit inbound rules)**에서 소스가 0.0.0.0/0인 SSH 규칙을 **삭제 (Delete)**하세요. SSH는 3단계에서 내 IP에만 엽니다.",
  "fix.sg.openSshOther":
    "인스턴스 시작 마법사가 만든 그룹({groups})일 수 있습니다. Web을 선택하고 **작업 (Actions)** → **보안 (Security)** → **보안 그룹 변경 (Change security groups)**에서 그 그룹을 **제거 (Remove)**하고 web-server-sg만 남기세요.",
  "fix.sg.notAttached":
    "Web을 선택하고 **작업 (Actions)** → **보안 (Security)** → **보안 그룹 변경 (Change security groups)**에서 {group}을(를) 추가하세요. 규칙은 연결된 그룹에만 적용됩니다.",
  "fix.sg.missing":
    "EC2 → **보안 그룹 (Security Groups)** → **보안 그룹 생성 (Create security group)**에서 이름 {group}, 설명 Web server for aws 101 lab으로 만드세요. 인스턴스 시작 화면의 **네트워크 설정 (Network settings)**에서 만들어도 됩니다.",
  "plan.sg.openSshManual":
    "{group}에 모든 IP에서 SSH가 열려 있습니다 (모든 트래픽이나 포트 범위 규칙, 또는 다른 그룹). 포털은 지우지 않으니 직접 정리하세요.",
  "plan.instance.noPublicSubnet":
    "인터넷 게이트웨이가 있는 VPC가 없어 Web을 시작할 수 없습니다. VPC 콘솔 → **작업 (Actions)** → **기본 VPC 생성 (Create default VPC)**을 누른 뒤 다시 시도하세요.",
  "plan.instance.enableImds": "Web의 인스턴스 메타데이터(IMDS)를 켭니다.",
  "plan.instance.relaunchForUserData":
    "사용자 데이터는 첫 부팅 때만 실행됩니다. Web을 종료하고 이 페이지의 스크립트로 다시 시작하세요 (포털은 인스턴스를 종료하지 않습니다).",
  "done.keyPair.created": "키 페어 {keyPair}을(를) 만들었습니다. 아래에서 개인 키를 내려받으세요.",
  "done.sg.created": "보안 그룹 {group}을(를) 만들었습니다.",
  "done.sg.removedOpenSsh": "{group}에서 0.0.0.0/0에 열린 SSH 규칙을 삭제했습니다.",
  "done.instance.created": "Web 인스턴스({type})를 시작했습니다.",
  "done.instance.enabledImds": "Web의 인스턴스 메타데이터를 켰습니다.",
  "check.eip.idlePortal":
    "포털이 할당했지만 연결되지 않은 탄력적 IP가 {count}개 있습니다 ({ips}). 연결하지 않아도 요금이 나옵니다.",
  "check.eip.idleOther":
    "연결되지 않은 탄력적 IP가 {count}개 있습니다 ({ips}). 이 실습이 만든 것이 아니라면 그대로 두어도 되지만, 하나에 시간당 약 US${usdPerHour}가 나옵니다.",
  "fix.eip.release":
    "EC2 → **탄력적 IP (Elastic IPs)**에서 쓰지 않는 주소를 선택하고 **작업 (Actions)** → **탄력적 IP 주소 릴리스 (Release Elastic IP addresses)**를 누르세요. 대신 해 주세요도 지울 수 있습니다.",
  "fix.eip.releaseIfUnused":
    "쓰지 않는 주소라면 EC2 → **탄력적 IP (Elastic IPs)** → **작업 (Actions)** → **탄력적 IP 주소 릴리스 (Release Elastic IP addresses)**로 지우세요.",
  "plan.eip.release": "포털이 할당했지만 쓰지 않는 탄력적 IP {ip}을(를) 릴리스합니다.",
  "done.eip.released": "탄력적 IP {ip}을(를) 릴리스했습니다.",
  "done.eip.associated": "탄력적 IP {ip}을(를) Web에 연결했습니다.",
  "done.eip.allocated": "탄력적 IP를 할당해 Web에 연결했습니다.",
  "plan.eip.reuse":
    "포털이 할당해 둔 탄력적 IP {ip}을(를) Web에 연결합니다 (새로 할당하지 않습니다).",
  "check.ssh.singleAddress":
    "{group}이(가) {cidr}에서 오는 SSH(22)를 허용합니다. 포털에 보이는 내 주소({seen})는 콘솔의 **내 IP (My IP)**와 다를 수 있어(IPv6이나 사설 주소) 주소 하나(/32)로 열린 규칙이면 인정합니다.",
  "check.ssh.noSingleAddress":
    "{group}에 주소 하나(/32)에서 오는 SSH(22) 규칙이 없습니다. 포털에 보이는 내 주소 {seen}은(는) IPv6이나 사설 주소라 콘솔의 **내 IP (My IP)**와 다릅니다.",
  "fix.ssh.addMyIpInConsole":
    "EC2 → **보안 그룹 (Security Groups)** → web-server-sg → **인바운드 규칙 편집 (Edit inbound rules)** → **규칙 추가 (Add rule)**: 유형 SSH, 소스 **내 IP (My IP)** (콘솔이 퍼블릭 IPv4를 채웁니다), 설명 Saltware.",
  "check.ssh.allTraffic":
    "{group}에 내 IP에서 오는 **모든 트래픽 (All traffic)** 규칙이 있습니다. 이것은 SSH 규칙이 아니며, 필요한 것보다 훨씬 많이 엽니다.",
  "fix.ssh.allTraffic":
    "**인바운드 규칙 편집 (Edit inbound rules)**에서 그 규칙의 **유형 (Type)**을 **SSH**로 바꾸고 설명을 Saltware로 두세요.",
  "fix.ssh.addMyIp":
    "EC2 → **보안 그룹 (Security Groups)** → web-server-sg → **인바운드 규칙 편집 (Edit inbound rules)** → **규칙 추가 (Add rule)**: 유형 SSH, 소스 **내 IP (My IP)** ({cidr}), 설명 Saltware.",
  "fix.ssh.description":
    "EC2 → **보안 그룹 (Security Groups)** → web-server-sg → **인바운드 규칙 편집 (Edit inbound rules)**에서 해당 규칙의 **설명 (Description)**을 Saltware로 바꾸세요.",
  "plan.ssh.ipUnknown":
    "내 IP를 알 수 없어 규칙을 추가할 수 없습니다. 콘솔에서 소스 **내 IP (My IP)**로 직접 추가하세요.",
  "plan.ssh.addInConsole":
    "포털에 보이는 내 주소는 콘솔의 **내 IP (My IP)**와 달라 규칙을 대신 만들 수 없습니다. 콘솔에서 소스 **내 IP (My IP)**로 직접 추가하세요.",
  "plan.ssh.setDescription": "{cidr} SSH 규칙의 설명을 {description}(으)로 바꿉니다.",
  "done.ssh.added": "{group}에 {cidr}의 SSH(22) 규칙을 추가했습니다 (설명 Saltware).",
  "done.ssh.describedRule": "{cidr} SSH 규칙의 설명을 {description}(으)로 바꿨습니다.",
  "check.web.http.restricted":
    "HTTP(80)가 {sources}에서만 열려 있습니다. 다른 사람과 모듈 4의 Route 53 상태 확인이 웹 앱에 닿지 못합니다.",
  "fix.web.httpWorld":
    "EC2 → **보안 그룹 (Security Groups)** → web-server-sg → **인바운드 규칙 편집 (Edit inbound rules)**에서 HTTP 규칙의 소스를 **Anywhere-IPv4** (0.0.0.0/0)로 바꾸세요.",
  "fix.web.http":
    "EC2 → **보안 그룹 (Security Groups)** → web-server-sg → **인바운드 규칙 편집 (Edit inbound rules)** → **규칙 추가 (Add rule)**: 유형 HTTP, 소스 **Anywhere-IPv4** (0.0.0.0/0).",
  "check.web.app.sandboxOk":
    "샘플 앱이 응답합니다. 샌드박스에서는 Web({ip}) 대신 내 샌드박스 앱 {url}을(를) 확인했습니다.",
  "check.web.app.sandboxNoRuntime":
    "샌드박스에서는 확인할 수 없습니다: 에뮬레이터의 인스턴스는 실제로 실행되지 않고, 샌드박스 인스턴스 런타임이 켜져 있지 않습니다 (`npm run demo` 또는 `npm run sandbox`로 시작).",
  "check.web.app.sandboxFull":
    "샌드박스가 가득 찼습니다: 샌드박스 앱을 동시에 {cap}개까지만 실행합니다. 잠시 후 다시 확인하거나 강사에게 알려 주세요.",
  "check.web.app.sandboxNoApp":
    "이 인스턴스의 사용자 데이터가 샘플 앱을 설치하지 않으므로 샌드박스에서도 앱이 실행되지 않습니다.",
  "check.web.app.sandboxNotResponding":
    "Web의 샘플 앱이 응답하지 않습니다. 인스턴스 상태가 {state}입니다.",
  "check.app.healthUnreadable":
    "{url}/healthz에서 샘플 앱의 상태를 읽지 못했습니다. 샘플 앱이 아니거나 오래된 버전입니다.",
  "check.web.app.noAddress":
    "Web 인스턴스에 퍼블릭 IP가 없어 앱을 확인할 수 없습니다. 2단계(탄력적 IP)를 먼저 끝내세요.",
  "done.web.httpAdded": "{group}에 0.0.0.0/0의 HTTP(80) 규칙을 추가했습니다.",

  // Database module
  "progress.eta": "AWS 상태 {status} · 약 {minutes}분 남음 (예상 {percent}%)",
  "progress.overdue":
    "AWS 상태 {status} · 보통보다 오래 걸리고 있습니다. AWS가 아직 작업 중이니 조금 더 기다리세요.",
  "aws.problem.rdsInstanceQuota":
    "이 계정과 리전에서 만들 수 있는 RDS DB 인스턴스 수에 도달했습니다 (InstanceQuotaExceeded). 쓰지 않는 DB 인스턴스를 삭제하거나 강사에게 알려 주세요.",
  "check.db.needsDb":
    "RDS DB 인스턴스 {id}가 아직 없습니다. 1단계(RDS 인스턴스 만들기)를 먼저 끝내세요.",
  "plan.db.needsDb": "DB 인스턴스 {id}가 있어야 합니다. 1단계를 먼저 끝내세요.",
  "check.db.notReady":
    "{id}의 상태가 {status}입니다. **사용 가능 (Available)**이 될 때까지 기다리세요. 그동안 스토리지 모듈을 진행해도 됩니다.",
  "plan.db.notReady": "{id}가 사용 가능(available)이 되어야 합니다. 지금 상태: {status}.",
  "check.rds.instance.found": "DB 인스턴스 {id}가 있습니다.",
  "check.rds.instance.missing": "이 리전에 DB 인스턴스 {id}가 없습니다.",
  "fix.rds.instance.missing":
    "RDS → **데이터베이스 (Databases)** → **데이터베이스 생성 (Create database)**에서 **DB 인스턴스 식별자 (DB instance identifier)**를 `awslab`으로 입력해 만드세요.",
  "check.rds.instance.otherRegion": "{region} 리전에는 {id}가 없고, {other} 리전에 있습니다.",
  "fix.rds.instance.otherRegion":
    "콘솔 오른쪽 위 리전 선택기에서 {region} 리전을 고르고 거기에 다시 만드세요. 다른 리전의 awslab은 요금이 나오니 삭제하세요.",
  "check.rds.status.available": "상태가 **사용 가능 (Available)**입니다. 엔드포인트: `{endpoint}`",
  "check.rds.status.busy":
    "AWS가 작업 중입니다 (상태: {status}). 다중 AZ DB 인스턴스는 만드는 데 10–15분 걸립니다. 기다리는 동안 스토리지 모듈을 먼저 진행하세요.",
  "check.rds.status.failed":
    "DB 인스턴스 상태가 failed입니다. AWS가 인스턴스를 만들거나 복구하지 못했습니다.",
  "fix.rds.status.failed":
    "awslab의 **로그 및 이벤트 (Logs & events)** 탭에서 최근 이벤트로 원인을 확인한 뒤, awslab을 삭제하고 다시 만드세요.",
  "check.rds.status.incompatibleParameters":
    "상태가 incompatible-parameters입니다. DB 파라미터 그룹의 값 때문에 MySQL이 시작하지 못했습니다.",
  "fix.rds.status.incompatibleParameters":
    "RDS → **데이터베이스 (Databases)** → awslab → **수정 (Modify)**에서 **DB 파라미터 그룹 (DB parameter group)**을 기본값(default.mysql8.4)으로 바꾸고 즉시 적용한 뒤 재부팅하세요.",
  "check.rds.status.storageFull": "상태가 storage-full입니다. 할당된 스토리지를 다 썼습니다.",
  "fix.rds.status.storageFull":
    "RDS → **데이터베이스 (Databases)** → awslab → **수정 (Modify)**에서 **할당된 스토리지 (Allocated storage)**를 늘리고 **스토리지 자동 조정 활성화 (Enable storage autoscaling)**를 선택하세요.",
  "check.rds.status.incompatibleNetwork":
    "상태가 incompatible-network입니다. 서브넷 그룹의 서브넷에 쓸 수 있는 IP 주소가 없거나 서브넷이 사라졌습니다.",
  "fix.rds.status.incompatibleNetwork":
    "기본 VPC와 그 서브넷이 그대로 있는지 확인하고, awslab을 삭제한 뒤 기본 VPC로 다시 만드세요.",
  "check.rds.status.stopped": "DB 인스턴스가 중지되었습니다 ({status}).",
  "fix.rds.status.stopped":
    "RDS → **데이터베이스 (Databases)** → awslab → **작업 (Actions)** → **시작 (Start)**을 누르세요. 중지한 DB 인스턴스는 7일 뒤 AWS가 자동으로 다시 시작합니다.",
  "check.rds.status.other": "DB 인스턴스 상태가 {status}입니다.",
  "fix.rds.status.other":
    "awslab의 **로그 및 이벤트 (Logs & events)** 탭에서 최근 이벤트를 확인하세요. 해결되지 않으면 강사에게 알려 주세요.",
  "check.rds.engine.ok": "엔진이 MySQL입니다.",
  "check.rds.engine.wrong": "엔진이 {engine}입니다. 이 실습은 MySQL을 씁니다.",
  "fix.rds.recreate":
    "이 설정은 만든 뒤에 바꿀 수 없습니다. awslab을 삭제하고 이 페이지의 설정대로 다시 만드세요.",
  "check.rds.version.ok": "MySQL {version}입니다 (8.4 LTS).",
  "check.rds.version.mysql80":
    "MySQL {version}입니다. 8.0은 2026년 7월에 RDS 표준 지원이 끝나, 이후에는 유료 연장 지원(Extended Support) 요금이 붙습니다. 실습은 그대로 진행할 수 있습니다.",
  "check.rds.version.mysql57":
    "MySQL {version}입니다. 5.7은 RDS 표준 지원이 끝나 유료 연장 지원(Extended Support) 요금이 시간당 추가로 붙습니다.",
  "fix.rds.version.upgrade":
    "awslab을 삭제하고 **엔진 버전 (Engine version)**을 MySQL 8.4로 골라 다시 만드세요. 실습에서는 업그레이드보다 다시 만드는 편이 빠릅니다.",
  "check.rds.version.other": "MySQL {version}입니다. 이 실습은 8.4(LTS)를 기준으로 씌었습니다.",
  "check.rds.class.ok": "DB 인스턴스 클래스가 {instanceClass}입니다.",
  "check.rds.class.t2":
    "DB 인스턴스 클래스가 {instanceClass}입니다. db.t2는 RDS에서 퇴역하는 이전 세대 클래스입니다.",
  "check.rds.class.other":
    "DB 인스턴스 클래스가 {instanceClass}입니다. 실습에는 db.t3.micro로 충분하고, 큰 클래스는 시간당 요금이 더 나옵니다.",
  "fix.rds.class":
    "RDS → **데이터베이스 (Databases)** → awslab → **수정 (Modify)** → **DB 인스턴스 클래스 (DB instance class)**에서 **버스터블 클래스(t 클래스 포함) (Burstable classes (includes t classes))**의 db.t3.micro나 db.t4g.micro를 고르세요.",
  "check.rds.multiAz.single":
    "단일 AZ 배포입니다. 대기(standby) 인스턴스가 없어 다음 단계의 장애 조치 재부팅을 할 수 없습니다.",
  "fix.rds.multiAz":
    "RDS → **데이터베이스 (Databases)** → awslab → **수정 (Modify)** → **가용성 및 내구성 (Availability and durability)**에서 **다중 AZ DB 인스턴스 (Multi-AZ DB instance)**를 고르고 **즉시 적용 (Apply immediately)**으로 저장하세요. 바꾸는 데 10분 넘게 걸리고 요금이 두 배가 됩니다.",
  "check.rds.multiAz.converting":
    "다중 AZ DB 인스턴스로 바꾸는 중입니다. AWS가 다른 AZ에 대기 인스턴스를 만들고 있습니다.",
  "check.rds.multiAz.ok": "다중 AZ DB 인스턴스입니다. 기본(primary)은 {az}에 있습니다.",
  "check.rds.multiAz.standby":
    "다중 AZ DB 인스턴스입니다. 기본(primary)은 {az}, 대기(standby)는 {standby}에 있습니다.",
  "check.rds.public.yes":
    "퍼블릭 액세스가 켜져 있습니다. 보안 그룹이 허용하면 인터넷에서 데이터베이스에 접속할 수 있습니다.",
  "fix.rds.public":
    "RDS → **데이터베이스 (Databases)** → awslab → **수정 (Modify)** → **연결 (Connectivity)** → **추가 구성 (Additional configuration)**에서 **퍼블릭 액세스 불가능 (Not publicly accessible)**을 고르고 즉시 적용하세요.",
  "check.rds.public.no": "퍼블릭 액세스가 꺼져 있습니다. VPC 안에서만 접속할 수 있습니다.",
  "check.rds.sg.missing": "보안 그룹 {group}이(가) 없습니다.",
  "fix.rds.sg.missing":
    "데이터베이스를 만들 때 **VPC 보안 그룹(방화벽) (VPC security group (firewall))**에서 **새로 생성 (Create new)**을 고르고 **새 VPC 보안 그룹 이름 (New VPC security group name)**에 {group}을(를) 입력하세요. 이미 만들었다면 EC2 → **보안 그룹 (Security Groups)** → **보안 그룹 생성 (Create security group)**으로 기본 VPC에 만드세요.",
  "check.rds.sg.exists": "보안 그룹 {group}이(가) 있습니다 ({id}).",
  "check.rds.sg.attached": "awslab에 보안 그룹 {group}({id})이(가) 연결되어 있습니다.",
  "check.rds.sg.notAttached":
    "awslab에 {group}이(가) 연결되어 있지 않습니다. 지금 연결된 보안 그룹: {attached}",
  "fix.rds.sg.notAttached":
    "RDS → **데이터베이스 (Databases)** → awslab → **수정 (Modify)** → **연결 (Connectivity)**의 **VPC 보안 그룹 (VPC security group)**에서 {group}을(를) 추가하고 default는 빼세요.",
  "check.rds.storage.ok": "스토리지: {type}, {size} GiB.",
  "check.rds.storage.larger":
    "스토리지가 {size} GiB({type})입니다. 실습에는 20 GiB로 충분하고, 할당한 만큼 요금이 나옵니다.",
  "check.rds.storage.type":
    "스토리지 유형이 {type}입니다({size} GiB). 실습은 범용 SSD(gp3)를 씁니다. 프로비저닝된 IOPS(io1/io2)는 비쌉니다.",
  "fix.rds.storage":
    "새로 만든다면 **스토리지 유형 (Storage type)** **범용 SSD(gp3) (General Purpose SSD (gp3))**, **할당된 스토리지 (Allocated storage)** 20 GiB를 고르세요. 할당된 스토리지는 늘릴 수만 있고 줄일 수는 없습니다.",
  "check.rds.autoscaling.ok": "스토리지 자동 조정이 켜져 있습니다 (최대 {max} GiB).",
  "check.rds.autoscaling.off":
    "스토리지 자동 조정이 꺼져 있습니다. 스토리지가 차면 데이터베이스가 storage-full 상태로 멈춥니다.",
  "fix.rds.autoscaling":
    "**수정 (Modify)** → **스토리지 (Storage)**에서 **스토리지 자동 조정 활성화 (Enable storage autoscaling)**를 선택하고 **최대 스토리지 임계값 (Maximum storage threshold)**에 1000을 입력하세요.",
  "check.rds.masterUser.ok": "마스터 사용자 이름이 admin입니다.",
  "check.rds.masterUser.other":
    "마스터 사용자 이름이 {user}입니다. 실습의 명령에서 `-u admin` 대신 `-u {user}`를 쓰세요.",
  "check.rds.vpc.same":
    "awslab과 Web이 같은 VPC({vpc})에 있어 보안 그룹으로 서로를 지정할 수 있습니다.",
  "check.rds.vpc.differs":
    "awslab은 VPC {dbVpc}, Web은 VPC {webVpc}에 있습니다. VPC가 다르면 Web에서 데이터베이스에 접속할 수 없습니다.",
  "plan.rds.sg.exists": "보안 그룹 {group}이(가) 이미 있습니다 ({id}).",
  "plan.rds.sg.create":
    "기본 VPC에 보안 그룹 {group}을(를) 만듭니다. 인바운드 규칙은 3단계에서 추가합니다.",
  "done.rds.sg.created": "보안 그룹 {group}을(를) 만들었습니다.",
  "plan.rds.noDefaultVpc":
    "이 리전에 기본 VPC가 없어 대신 만들 수 없습니다. VPC 콘솔에서 **작업 (Actions)** → **기본 VPC 생성 (Create default VPC)**으로 만들거나 강사에게 알려 주세요.",
  "plan.rds.instance.exists":
    "DB 인스턴스 {id}가 이미 있습니다 (상태: {status}). 새로 만들지 않습니다.",
  "plan.rds.instance.create":
    "DB 인스턴스 {id}를 만듭니다: MySQL {version}, {instanceClass}, gp3 {size} GiB(자동 조정 최대 1000 GiB), 다중 AZ(대기 인스턴스), 퍼블릭 액세스 불가, 보안 그룹 {group}, 마스터 사용자 admin. 마스터 암호는 한 번만 내려받을 수 있는 파일로 드립니다. 만드는 데 10–15분 걸립니다.",
  "done.rds.instance.created":
    "DB 인스턴스 {id} 생성을 시작했습니다. 마스터 암호 파일을 지금 내려받으세요.",
  "plan.rds.multiAz":
    "awslab을 다중 AZ DB 인스턴스로 바꿉니다(즉시 적용). 10분 넘게 걸리고 요금이 두 배가 됩니다.",
  "done.rds.multiAz": "awslab을 다중 AZ로 바꾸기 시작했습니다.",
  "plan.rds.private": "awslab의 퍼블릭 액세스를 끕니다(즉시 적용).",
  "done.rds.private": "awslab의 퍼블릭 액세스를 껐습니다.",
  "plan.rds.attachGroup": "awslab에 {group}을(를) 연결하고 default 보안 그룹은 뺍니다(즉시 적용).",
  "done.rds.attachedGroup": "awslab에 {group}을(를) 연결했습니다.",
  "plan.rds.waitForAvailable":
    "awslab이 사용 가능(available)이 되어야 설정을 바꿀 수 있습니다. 지금 상태: {status}.",
  "check.failover.singleAz":
    "awslab이 단일 AZ 배포라 장애 조치로 재부팅할 수 없습니다. 대기 인스턴스가 있어야 합니다.",
  "check.failover.multiAz":
    "다중 AZ DB 인스턴스입니다. 이 단계를 시작할 때 기본(primary)은 {az}에 있었습니다.",
  "check.failover.notYet": "{since} 이후 장애 조치가 없었습니다. 기본은 아직 {az}에 있습니다.",
  "fix.failover.reboot":
    "RDS → **데이터베이스 (Databases)** → awslab → **작업 (Actions)** → **재부팅 (Reboot)**에서 **장애 조치로 재부팅하시겠습니까? (Reboot with failover?)**를 선택하고 **확인 (Confirm)**을 누르세요.",
  "check.failover.running":
    "장애 조치가 진행 중입니다 (상태: {status}). 시작할 때 기본은 {az}에 있었습니다.",
  "check.failover.requested":
    "{at}에 장애 조치로 재부팅을 요청했습니다. AWS가 이벤트를 남길 때까지 기다리세요.",
  "check.failover.azNotYet":
    "{at}에 RDS 이벤트가 장애 조치 완료를 알렸지만 AZ가 아직 {az}로 보입니다. 새 AZ가 콘솔과 API에 보이기까지 몇 분 걸릴 수 있습니다.",
  "check.failover.done":
    "장애 조치를 마쳤습니다: 기본이 {from}에서 {to}(으)로 옮겨졌고, RDS 이벤트가 {at}에 완료를 남겼습니다.",
  "check.failover.abandoned":
    "{at}에 RDS가 요청한 장애 조치를 하지 않았습니다. 최근에 이미 장애 조치가 있었기 때문입니다.",
  "fix.failover.retry": "몇 분 기다린 뒤 다시 장애 조치로 재부팅하세요.",
  "check.failover.sandbox":
    "샌드박스에서는 확인할 수 없습니다: {at}에 장애 조치로 재부팅을 요청했지만, 에뮬레이터는 기본을 옮기지 않고({az} 그대로) 이벤트도 남기지 않습니다. 실제 AWS에서는 AZ가 바뀌고 **로그 및 이벤트 (Logs & events)** 탭에 완료 이벤트가 남습니다.",
  "plan.failover.needsMultiAz":
    "awslab이 다중 AZ DB 인스턴스여야 합니다. 1단계의 대신 해 주세요로 다중 AZ로 바꾸세요.",
  "plan.failover.done": "장애 조치가 이미 끝났습니다.",
  "plan.failover.requested": "{at}에 이미 장애 조치로 재부팅을 요청했습니다. 다시 하지 않습니다.",
  "plan.failover.reboot":
    "{id}를 장애 조치로 재부팅합니다. 1–2분 동안 데이터베이스에 접속할 수 없고, 기본이 {az}에서 대기 인스턴스가 있던 AZ로 옮겨집니다.",
  "done.failover.rebooted": "{id}의 장애 조치 재부팅을 요청했습니다.",
  "check.mysql.needsDbGroup":
    "보안 그룹 {group}이(가) 아직 없습니다. 1단계(RDS 인스턴스 만들기)를 먼저 끝내세요.",
  "plan.mysql.needsDbGroup": "보안 그룹 {group}이(가) 있어야 합니다. 1단계를 먼저 끝내세요.",
  "check.mysql.rule.ok": "{group}이(가) 보안 그룹 {web}에서 오는 MySQL(TCP 3306)을 허용합니다.",
  "check.mysql.missing":
    "{group}에 MySQL(TCP 3306) 인바운드 규칙이 없습니다. Web에서 데이터베이스에 접속하면 시간 초과로 실패합니다.",
  "check.mysql.cidrInstead":
    "{group}의 MySQL 규칙 소스가 IP 주소 범위({cidrs})입니다. 이 단계는 소스로 보안 그룹 {web}을(를) 지정합니다. 그러면 IP가 바뀌거나 서버가 늘어도 {web}이(가) 붙은 인스턴스만 정확히 허용됩니다.",
  "check.mysql.otherGroup":
    "{group}의 MySQL 규칙이 다른 보안 그룹({sources})에서 오는 연결만 허용합니다. Web의 보안 그룹 {web}을(를) 소스로 지정하세요.",
  "fix.mysql.groupReference":
    "EC2 → **보안 그룹 (Security Groups)** → {group} → **인바운드 규칙 편집 (Edit inbound rules)** → **규칙 추가 (Add rule)**: 유형 **MYSQL/Aurora**, 소스 **사용자 지정 (Custom)** 옆 칸에 `web`을 입력하고 목록에서 {web}을(를) 고르세요. 설명은 `Web`입니다.",
  "check.mysql.description.ok": "MySQL 규칙의 설명이 {description}입니다.",
  "check.mysql.description.wrong":
    "MySQL 규칙의 설명이 {description}입니다. 실습은 `Web`으로 적습니다.",
  "fix.mysql.description":
    "EC2 → **보안 그룹 (Security Groups)** → {group} → **인바운드 규칙 편집 (Edit inbound rules)**에서 MYSQL/Aurora 규칙의 **설명 (Description)**을 {description}(으)로 바꾸세요.",
  "check.mysql.cidrExtra":
    "{group}에 IP 주소 범위({cidrs})에서 오는 MySQL 규칙이 더 있습니다. 필요 없는 문을 열어 둔 것이니 지우세요.",
  "fix.mysql.removeCidr":
    "EC2 → **보안 그룹 (Security Groups)** → {group} → **인바운드 규칙 편집 (Edit inbound rules)**에서 소스가 IP 주소인 MySQL 규칙의 **삭제 (Delete)**를 누르고 **규칙 저장 (Save rules)**을 누르세요.",
  "check.mysql.notOnDb":
    "{group}이(가) awslab에 연결되어 있지 않아 이 규칙이 데이터베이스에 적용되지 않습니다.",
  "plan.mysql.addRule":
    "{group}에 {web}에서 오는 MySQL(TCP 3306) 규칙을 추가합니다 (설명 {description}).",
  "done.mysql.addedRule": "{group}에 {web}에서 오는 MySQL(TCP 3306) 규칙을 추가했습니다.",
  "plan.mysql.describe": "{web}에서 오는 MySQL 규칙의 설명을 {description}(으)로 바꿉니다.",
  "done.mysql.described": "{web}에서 오는 MySQL 규칙의 설명을 {description}(으)로 바꿨습니다.",
  "plan.mysql.ruleExists": "{group}에 {web}에서 오는 MySQL 규칙이 이미 있습니다.",
  "plan.mysql.removeCidr": "{group}에서 IP 주소 범위({cidrs})의 MySQL 규칙을 지웁니다.",
  "done.mysql.removedCidr": "{group}에서 IP 주소 범위({cidrs})의 MySQL 규칙을 지웠습니다.",
  "plan.mysql.attachInRdsCreate":
    "awslab에 {group}을(를) 연결하는 일은 1단계(RDS 인스턴스 만들기)의 대신 해 주세요가 합니다.",
  "check.setup.sandboxDbDown":
    "샌드박스의 MySQL(로컬 MariaDB)에 연결하지 못해 확인할 수 없습니다. 강사에게 알려 주세요.",
  "check.setup.database.ok": "데이터베이스 {database}가 있습니다.",
  "check.setup.database.missing": "데이터베이스 {database}가 없습니다.",
  "fix.setup.database": "admin으로 접속해 `CREATE DATABASE {database};`를 실행하세요.",
  "check.setup.user.ok": "사용자 {user}가 있습니다.",
  "check.setup.user.missing": "사용자 {user}('{user}'@'%')가 없습니다.",
  "fix.setup.user": "`CREATE USER {user} IDENTIFIED BY 'asdf1234';`를 실행하세요.",
  "check.setup.grant.ok": "{user}에게 {database} 데이터베이스의 권한이 있습니다.",
  "check.setup.grant.missing": "{user}에게 {database} 데이터베이스의 권한이 없습니다.",
  "fix.setup.grant": "`GRANT ALL PRIVILEGES ON {database}.* TO {user};`를 실행하세요.",
  "check.setup.table.ok":
    "{database}.users 테이블이 있고, password 열이 비밀번호 해시를 담을 만큼 깁니다.",
  "check.setup.table.missing": "{database}.users 테이블이 없습니다.",
  "fix.setup.table": "`USE {database};` 다음에 이 페이지의 `CREATE TABLE` 문을 실행하세요.",
  "check.setup.table.narrow":
    "users.password 열이 {type}입니다. 샘플 앱은 비밀번호를 {length}자 해시로 저장하므로 가입이 실패합니다 (2019년 랩의 VARCHAR(35)).",
  "fix.setup.widen": "`ALTER TABLE users MODIFY password VARCHAR(255) NOT NULL;`을 실행하세요.",
  "fix.setup.userAndGrant":
    "`CREATE USER`와 `GRANT ALL PRIVILEGES ON {database}.* TO {user};`를 실행했는지, config.env의 DB_USER와 DB_USERPASSWORD가 만든 사용자와 같은지 확인하세요.",
  "fix.setup.route": "3단계(MySQL 접속 허용)에서 rds-mysql-sg의 규칙을 확인하세요.",
  "check.setup.viaAppLater":
    "RDS는 VPC 밖에서 접속할 수 없어 포털이 직접 보지 않습니다. 다음 단계에서 앱의 DB_HOST를 `{endpoint}`(으)로 바꾸면, 앱이 보고하는 상태로 이 단계를 확인합니다.",
  "check.setup.viaApp.ok": "앱이 {user}로 데이터베이스 {database}의 users 테이블을 읽고 씁니다.",
  "check.setup.viaApp.otherNames":
    "앱이 데이터베이스 {database}, 사용자 {user}를 씁니다. 실습의 이름은 {labDatabase}, {labUser}입니다. 동작에는 문제가 없습니다.",
  "check.setup.viaApp.unknownDatabase": "데이터베이스 {database}가 없습니다 (앱의 보고: {status}).",
  "check.setup.viaApp.accessDenied":
    "{user}로 로그인하지 못했거나 {user}에게 {database}의 권한이 없습니다 (앱의 보고: {status}).",
  "check.setup.viaApp.noTable": "{database}.users 테이블이 없습니다 (앱의 보고: {status}).",
  "check.setup.viaApp.narrow":
    "users.password 열이 짧아 {length}자 비밀번호 해시가 들어가지 않습니다 (앱의 보고: {status}).",
  "check.setup.viaApp.unreachable": "앱이 데이터베이스에 닿지 못했습니다 ({status}, {code}).",
  "check.setup.viaApp.other": "앱이 데이터베이스 오류를 보고했습니다 ({status}, {code}).",
  "plan.setup.awsManual":
    "SQL은 직접 실행하세요. RDS는 VPC 안의 Web에서만 접속할 수 있고, 포털은 여러분의 데이터베이스에 접속하지 않습니다. Web에 SSH로 접속해 이 페이지의 명령을 따라 하세요.",
  "plan.setup.noRoute":
    "Web에서 awslab의 3306 포트에 닿지 않습니다. 3단계에서 {group}에 규칙을 먼저 추가하세요.",
  "plan.setup.database": "샌드박스 데이터베이스에서 `CREATE DATABASE {database};`를 실행합니다.",
  "done.setup.database": "데이터베이스 {database}를 만들었습니다.",
  "plan.setup.database.exists": "데이터베이스 {database}가 이미 있습니다.",
  "plan.setup.user": "`CREATE USER {user} IDENTIFIED BY 'asdf1234';`를 실행합니다.",
  "done.setup.user": "사용자 {user}를 만들었습니다.",
  "plan.setup.user.exists": "사용자 {user}가 이미 있습니다.",
  "plan.setup.grant": "`GRANT ALL PRIVILEGES ON {database}.* TO {user};`를 실행합니다.",
  "done.setup.grant": "{user}에게 {database}의 모든 권한을 주었습니다.",
  "plan.setup.table":
    "`USE {database};`와 users 테이블의 `CREATE TABLE`(password VARCHAR(255))을 실행합니다.",
  "done.setup.table": "{database}.users 테이블을 만들었습니다.",
  "plan.setup.table.exists": "{database}.users 테이블이 이미 있습니다.",
  "plan.setup.widen": "`ALTER TABLE users MODIFY password VARCHAR(255) NOT NULL;`을 실행합니다.",
  "done.setup.widen": "users.password 열을 VARCHAR(255)로 늘렸습니다.",
  "check.appDb.host.empty": "앱의 config.env에 DB_HOST가 비어 있습니다.",
  "check.appDb.host.other":
    "앱의 DB_HOST가 `{host}`입니다. awslab의 엔드포인트는 `{endpoint}`입니다.",
  "check.appDb.host.ok": "앱의 DB_HOST가 awslab의 엔드포인트(`{endpoint}`)입니다.",
  "fix.appDb.config":
    "Web에서 `nano ~/aws101/config.env`로 DB_HOST = {endpoint}, DB_NAME = form, DB_USER = form_user, DB_USERPASSWORD = asdf1234를 넣고 `sudo systemctl restart aws101-sample-app`을 실행하세요. 샌드박스에서는 샌드박스 인스턴스 페이지에서 고칩니다.",
  "check.appDb.connection.ok": "앱이 데이터베이스에 연결됩니다.",
  "check.appDb.connection.failed": "앱이 데이터베이스를 쓰지 못합니다: {status} ({code}).",
  "fix.appDb.route":
    "Web에서 데이터베이스까지 가는 길이 막혀 있습니다. 3단계에서 {group}에 web-server-sg를 소스로 하는 MYSQL/Aurora 규칙이 있는지 확인하세요.",
  "fix.appDb.credentials":
    "config.env의 DB_NAME, DB_USER, DB_USERPASSWORD가 4단계에서 만든 form, form_user, 비밀번호와 같은지 확인하고 앱을 재시작하세요.",
  "fix.appDb.schema": "4단계의 `CREATE TABLE` 문(password VARCHAR(255))을 실행했는지 확인하세요.",
  "check.appDb.sandboxRoute":
    "{group}에 Web의 보안 그룹에서 오는 MySQL 규칙이 없습니다. 샌드박스의 앱은 규칙 없이도 데이터베이스에 닿지만, 실제 AWS에서는 시간 초과로 실패합니다.",
  "check.appDb.signup.ok": "users 테이블에 가입이 {count}건 있습니다.",
  "check.appDb.signup.none": "아직 가입한 사람이 없습니다.",
  "fix.appDb.signup":
    "{url} 에서 이름, 이메일, 비밀번호를 넣고 첨부 파일 없이 **가입하기 · Sign Up** 버튼을 누르세요.",
  "check.appDb.admin.ok": "{url} 에 가입 목록이 보입니다.",
  "check.appDb.admin.protected":
    "{url} 은 ADMIN_PASSWORD로 보호되어 포털이 열어 보지 않았습니다. 가입 수는 앱이 보고합니다.",
  "check.appDb.admin.failed": "{url} 이 열리지 않습니다 ({status}).",
  "fix.appDb.admin":
    "앱 로그에서 오류를 확인하세요: `sudo journalctl -u aws101-sample-app -n 50 --no-pager`",
  "plan.appDb.configManual":
    "config.env는 Web 안에 있으니 직접 고치세요: DB_HOST = {endpoint}, DB_NAME = form, DB_USER = form_user, DB_USERPASSWORD = asdf1234, 그리고 앱 재시작.",
  "plan.appDb.signupManual":
    "가입은 브라우저에서 직접 하세요. 첨부 파일 없이 가입한 뒤 /admin에서 확인합니다.",
  "plan.appDb.needsRoute":
    "Web에서 awslab에 닿아야 합니다. 3단계에서 {group}에 규칙을 먼저 추가하세요.",
  "plan.appDb.appDown":
    "Web의 샘플 앱이 응답하지 않습니다. 컴퓨팅 모듈의 웹 애플리케이션 열기 단계를 먼저 확인하세요.",
  "plan.appDb.configExists": "앱이 이미 {endpoint}의 데이터베이스를 씁니다.",
  "plan.appDb.config":
    "샌드박스 Web의 config.env에 DB_HOST = {endpoint}, DB_NAME = form, DB_USER = form_user, DB_USERPASSWORD = asdf1234를 넣고 앱을 다시 시작합니다. 다른 설정은 그대로 둡니다.",
  "done.appDb.config": "config.env를 고치고 앱을 다시 시작했습니다 (DB_HOST = {endpoint}).",
  "plan.appDb.needsSchema":
    "가입하려면 form 데이터베이스, form_user, users 테이블이 있어야 합니다. 4단계를 먼저 끝내세요.",
  "plan.appDb.signupExists": "users 테이블에 이미 가입이 {count}건 있습니다.",
  "plan.appDb.signup":
    "샌드박스 앱의 가입 폼에 'Do It For Me'(doitforme@example.com)로 첨부 파일 없이 가입합니다.",
  "done.appDb.signup": "샌드박스 앱에 가입했습니다. /admin에서 확인해 보세요.",
  "mysqlCommand.noEndpoint":
    "awslab이 사용 가능(available)이 되면 아래 명령의 `<RDS_ENDPOINT>` 자리에 엔드포인트가 채워집니다.",
  "sandbox.mysql.title": "MySQL 접속 (mysql -h … -u admin -p)",
  "sandbox.mysql.help":
    "Web에서 `mysql -h <엔드포인트> -u admin -p --ssl`로 awslab에 접속한 것과 같습니다. 문장 끝에는 `;`를 붙이고, 여러 문장을 한 번에 실행해도 됩니다.",
  "sandbox.mysql.sql": "SQL 문장",
  "sandbox.mysql.run": "실행",
  "sandbox.mysql.running": "실행하는 중…",
  "sandbox.mysql.noDb":
    "DB 인스턴스 awslab이 아직 없습니다. 데이터베이스 모듈 1단계(RDS 인스턴스 만들기)를 먼저 끝내세요.",
  "sandbox.mysql.notAvailable":
    "awslab의 상태가 {status}입니다. 사용 가능(available)이 되면 접속할 수 있습니다.",
  "sandbox.mysql.timeout":
    "ERROR 2003 (HY000): Can't connect to MySQL server on '{endpoint}:3306' (110) — {group}에 Web의 보안 그룹에서 오는 MySQL 규칙이 없어 연결이 시간 초과되었습니다 (데이터베이스 모듈 3단계).",
  "sandbox.mysql.unavailable":
    "샌드박스의 MySQL(로컬 MariaDB)에 연결하지 못했습니다. 강사에게 알려 주세요.",
  "sandbox.mysql.connected": "접속: admin@{endpoint}",
  "sandbox.mysql.database": "현재 데이터베이스: {database}",
  "sandbox.mysql.noDatabase": "현재 데이터베이스: (없음)",
  "sandbox.mysql.rows": "{count} rows in set",
  "sandbox.mysql.empty": "Empty set",
  "sandbox.mysql.ok": "Query OK, {count} rows affected",
  "sandbox.mysql.truncated": "(처음 {limit}줄만 보여 줍니다)",
  "sandbox.mysql.invalid": "SQL은 64KB 이하의 텍스트여야 합니다.",
  "sandbox.mysql.failed": "실행하지 못했습니다. 잠시 후 다시 시도하세요.",

  // Instructor
  "instructor.title": "강사 대시보드",
  "instructor.joinCode": "참가 코드",
  "instructor.endsAt": "종료",
  "instructor.attendees": "참가자 {count}명",
  "instructor.noAttendees": "아직 참가자가 없습니다.",
  "instructor.attendee": "참가자",
  "instructor.lastSeen": "마지막 활동",

  // Sandbox MySQL console (the attendee's `mysql -h <RDS endpoint> -u admin -p`)
  "sandboxSql.refused.notAllowed":
    "샌드박스의 MySQL 접속에서는 {statement} 문장을 실행하지 않습니다. 쓸 수 있는 문장: {allowed}",
  "sandboxSql.refused.executableComment":
    "/*! … */ 형태의 실행 주석은 샌드박스에서 쓸 수 없습니다. 주석을 빼고 다시 입력하세요.",
  "sandboxSql.refused.clientCommand":
    "{command}는 mysql 클라이언트 명령입니다. 샌드박스에서는 SQL 문장만 실행합니다(문장 끝은 ; 또는 \\G).",
  "sandboxSql.refused.masterUser":
    "마스터 사용자 {user}는 샌드박스가 관리하므로 바꾸거나 권한을 줄 수 없습니다. 실습처럼 form_user 같은 새 사용자를 만들어 쓰세요.",
  "sandboxSql.refused.anonymousUser":
    "이름이 빈 사용자('')는 샌드박스에서 만들거나 쓸 수 없습니다. 사용자 이름을 적어 주세요.",
  "sandboxSql.refused.userOption":
    "샌드박스의 CREATE USER와 ALTER USER는 비밀번호 설정만 지원합니다: IDENTIFIED BY '비밀번호' 또는 IDENTIFIED WITH 플러그인 BY '비밀번호'.",
  "sandboxSql.refused.grantForm":
    "샌드박스는 GRANT … ON 데이터베이스.* TO 사용자 형식의 권한 부여와 그에 맞는 REVOKE만 지원합니다(역할과 PROXY는 지원하지 않습니다).",
  "sandboxSql.refused.showDatabasesWhere":
    "샌드박스에서는 SHOW DATABASES WHERE …를 쓸 수 없습니다. SHOW DATABASES 또는 SHOW DATABASES LIKE '패턴'을 쓰세요.",
  "sandboxSql.refused.tooLong": "입력이 너무 깁니다. 한 번에 {limit}자까지 보낼 수 있습니다.",
  "sandboxSql.incomplete":
    "문장이 끝나지 않았습니다. 닫히지 않은 {quote}이(가) 있어 아무것도 실행하지 않았습니다. 따옴표나 주석을 닫고 다시 보내세요.",
  ...commonKo,
  ...identityKo,
  ...recordsKo,
  ...healthKo,
  ...maintenanceKo,
  ...cleanupKo,
  ...cleanupEveryoneKo,
  ...consoleKo,
  ...awsModesKo,
};
