import { en as commonEn } from "./app-services/common";
import { en as identityEn } from "./app-services/identity";
import { en as recordsEn } from "./app-services/records";
import { en as healthEn } from "./app-services/health";
import { en as maintenanceEn } from "./app-services/maintenance";
import { en as cleanupEn } from "./cleanup";
import { en as cleanupEveryoneEn } from "./cleanup-everyone";
import { en as consoleEn } from "./instructor-console";
import { en as awsModesEn } from "./aws-modes";
import type { ko } from "./ko";

export const en: Record<keyof typeof ko, string> = {
  "app.name": "AWS 101 Workshop Portal",
  "app.tagline":
    "AWS 101 with Saltware — follow along, check your work, and let the portal do a step when you're stuck.",
  "nav.lab": "Lab",
  "nav.credentials": "AWS credentials",
  "nav.instructor": "Instructor dashboard",
  "nav.signOut": "Sign out",
  "nav.language": "한국어",
  "nav.skipToContent": "Skip to content",
  "common.back": "Back",
  "common.cancel": "Cancel",
  "callout.changed": "What changed",
  "callout.cost": "Cost",
  "callout.security": "Security",
  "callout.tip": "Tip",
  "callout.concept": "Concept",
  "userData.unreachablePortal":
    "This portal's address ({url}) can't be reached from an EC2 instance. For a workshop on real AWS, ask your instructor to set PORTAL_PUBLIC_URL. In the sandbox you can leave it as it is.",
  "common.copy": "Copy",
  "common.copied": "Copied",
  "notFound.title": "Page not found",
  "forbidden.title": "Access denied",
  "forbidden.body": "Only instructors can open this page.",

  "join.title": "Join the workshop",
  "join.intro": "Enter the join code your instructor gave you and the name to show.",
  "join.joinCode": "Join code",
  "join.displayName": "Name",
  "join.email": "Email (optional)",
  "join.submit": "Join",
  "join.submitting": "Joining…",
  "join.error.badJoinCode":
    "That join code doesn't match any workshop. Check the code with your instructor.",
  "join.error.eventEnded": "This workshop has already ended.",
  "join.error.tooManyAttempts":
    "Too many wrong join codes. Try again in 10 minutes, or check the code with your instructor.",
  "join.error.invalid": "Please check what you entered.",
  "join.instructorLink": "Instructor? Sign in here",
  "field.joinCode.invalid": "A join code is 4–16 letters and digits.",
  "field.displayName.invalid": "Enter a name of 1–40 characters.",
  "field.email.invalid": "That is not an email address.",
  "instructorSignIn.title": "Instructor sign-in",
  "instructorSignIn.email": "Email",
  "instructorSignIn.password": "Password",
  "instructorSignIn.submit": "Sign in",
  "instructorSignIn.error": "Wrong email or password.",

  // Join / sign-in: limits, returning after joining, spent key downloads
  "join.error.networkBusy":
    "Too many wrong join codes were entered from this network. Try again in a few minutes, and tell your instructor if it keeps happening.",
  "join.returnNotice": "After joining you go back to the page you were on.",
  "download.gone.title": "This download link was already used or has expired",
  "download.gone.once":
    "For security, a private key (.pem) can be downloaded only once. The portal deletes its copy as soon as it is downloaded, and a link that is never used expires after an hour.",
  "download.gone.whatNow": "What to do",
  "download.gone.keepFile":
    "If you already downloaded awslab.pem, keep using that file. Look in your Downloads folder.",
  "download.gone.newKeyPair":
    'If you lost it, delete the awslab key pair under Key pairs in the EC2 console, then create a new key pair named awslab (the lab step\'s "Do it for me" can create it too). A running instance only knows the public key it was launched with, so to connect with the new key you need to launch the instance again.',
  "download.gone.instanceConnect":
    "Or connect to the instance from your browser with EC2 Instance Connect, which needs no key file.",
  "download.gone.backToLab": "Back to the lab",

  "credentials.title": "AWS credentials",
  "credentials.intro":
    "Choose the AWS credentials the portal uses to check your work and to do steps for you. They are encrypted and kept on the server only — never sent to your browser or written to a log — and deleted when they expire.",
  "credentials.current": "In use",
  "credentials.account": "Account ID",
  "credentials.region": "Region",
  "credentials.source.sandbox": "Sandbox (local emulator)",
  "credentials.source.own": "My temporary credentials",
  "credentials.expiresIn": "Expires in",
  "credentials.expired": "Expired. Please enter them again.",
  "credentials.remove": "Remove credentials",
  "credentials.removed": "Credentials removed.",
  "credentials.none": "No credentials yet. Choose one option below.",
  "credentials.sandbox.title": "Use the sandbox",
  "credentials.sandbox.body":
    "Get your own account on the local AWS emulator. It costs nothing and creates nothing in real AWS. Use it to rehearse and practise.",
  "credentials.sandbox.submit": "Get a sandbox account",
  "credentials.sandbox.unavailable": "This portal has no sandbox configured.",
  "credentials.sandbox.ready": "Sandbox account {account} is ready.",
  "credentials.own.title": "Paste my temporary credentials",
  "credentials.own.body":
    "Paste temporary credentials from the AWS access portal or `aws sts get-session-token`. The portal stores them only after sts:GetCallerIdentity accepts them.",
  "credentials.own.accessKeyId": "Access key ID (AccessKeyId)",
  "credentials.own.secretAccessKey": "Secret access key (SecretAccessKey)",
  "credentials.own.sessionToken": "Session token (SessionToken)",
  "credentials.own.region": "Region",
  "credentials.own.submit": "Verify and save",
  "credentials.own.saved": "Verified and saved the credentials of account {account}.",
  "credentials.needed": "Set up your AWS credentials first.",
  "credentials.goSet": "Set up credentials",
  "field.accessKeyId.invalid":
    "An access key ID is 20 upper-case letters and digits starting with ASIA or AKIA.",
  "field.accessKeyId.longTerm":
    "This is a long-term access key (AKIA…). Use temporary credentials (ASIA…) for the workshop.",
  "field.secretAccessKey.invalid": "A secret access key is 40 characters. Paste it without spaces.",
  "field.sessionToken.invalid":
    "The session token is empty or too short. Paste all three values of the temporary credentials.",
  "field.region.invalid": "Unknown region. For example: ap-northeast-2 (Seoul).",
  "credentials.error.invalid":
    "AWS did not accept these credentials ({awsCode}). Copy and paste them again.",
  "credentials.error.expired":
    "These credentials have already expired. Get new temporary credentials and paste them again.",
  "credentials.error.unreachable":
    "Could not reach AWS STS ({awsCode}). Check the network and try again.",
  "credentials.error.other": "Could not verify the credentials ({awsCode}). Try again in a moment.",

  "lab.title": "Lab modules",
  "lab.intro":
    "Work through the modules in order. On each step, Check inspects your AWS resources; if you're stuck, use Do it for me.",
  "lab.comingSoon": "Coming soon",
  "lab.steps": "{count} steps",
  "lab.estimated": "about {minutes} min",
  "lab.step": "Step {order}",
  "lab.prev": "Previous step",
  "lab.next": "Next step",
  "lab.moduleOverview": "Module overview",
  "lab.progress": "{done}/{total} steps done",

  // Storage module
  "check.s3.needsBucket":
    "There is no bucket starting with awslab-s3- yet. Finish step 1 (Create an S3 bucket) first.",
  "plan.s3.needsBucket": "Needs an awslab-s3- bucket: finish step 1 first.",
  "plan.app.unreachable":
    "The sample app on Web doesn't answer, so its configuration is unknown. Check the Compute module's web application step first.",
  "fix.app.config.ssh":
    "SSH to Web, write `{key} = {value}` with `nano ~/aws101/config.env`, then run `sudo systemctl restart aws101-sample-app`.",
  "fix.app.config.sandbox":
    "On the **sandbox instance** page (/lab/sandbox), write `{key} = {value}` in config.env and choose **Save and restart the app**.",
  "plan.app.config.sandbox":
    "Write `{key} = {value}` in config.env on your sandbox Web and restart the app, as editing it over SSH and restarting would.",
  "done.app.config.sandbox":
    "Wrote `{key} = {value}` in config.env on your sandbox Web and restarted the app.",
  "check.s3.bucket.ok": "Bucket {name} is in {region}.",
  "check.s3.bucket.missing": "No bucket's name starts with awslab-s3-.",
  "fix.s3.bucket.missing":
    "S3 → **Create bucket**: for **Bucket name**, awslab-s3- followed by lower-case letters and digits; for **AWS Region**, Asia Pacific (Seoul) ap-northeast-2. Keep the other defaults and choose **Create bucket**.",
  "check.s3.bucket.otherRegion": "Bucket {name} is in {region}. The lab's region is {eventRegion}.",
  "fix.s3.bucket.otherRegion":
    "A bucket's region can't be changed. Create a new awslab-s3- bucket in {eventRegion}; **Empty** and **Delete** the one in the other region.",
  "check.s3.bucket.several":
    "There are several awslab-s3- buckets ({names}). The next steps use the oldest one, {name}.",
  "fix.s3.bucket.several": "In the S3 console, **Empty** and **Delete** the buckets you don't use.",
  "plan.s3.bucket.exists": "Bucket {name} already exists.",
  "plan.s3.bucket.create":
    "Create bucket {prefix}<8 random characters> in {region}, with today's console defaults: Block Public Access all on, ACLs disabled (bucket owner enforced), default encryption SSE-S3. If the name is taken, try another.",
  "done.s3.bucket.created": "Created an awslab-s3- bucket in {region}.",
  "check.s3.101.versioning.off": "(Optional) Versioning is off.",
  "check.s3.101.versioning.suspended": "(Optional) Versioning is suspended.",
  "check.s3.101.versioning.on":
    "(Optional) Versioning is on. Upload a file with the same name twice.",
  "check.s3.101.versioning.twice":
    "(Optional) {key} has {count} versions. Now delete it and look for the delete marker.",
  "check.s3.101.versioning.done": "Versioning: {key} has {count} versions and a delete marker.",
  "check.s3.101.logging.off": "(Optional) Server access logging is off.",
  "check.s3.101.logging.on": "Server access logging: logs go to {target}.",
  "check.s3.101.website.off": "(Optional) Static website hosting is off.",
  "check.s3.101.website.on":
    "Static website hosting: index document {index}, endpoint {endpoint} (it opens once objects are public).",
  "check.s3.101.encryption.sseS3":
    "Default encryption: SSE-S3 (Amazon S3 managed keys). Every new object is encrypted automatically.",
  "check.s3.101.encryption.kms": "Default encryption: {algorithm} (AWS KMS key).",
  "check.s3.101.encryption.implicit":
    "Default encryption: S3 returned no configuration. AWS encrypts every new object with SSE-S3 since January 2023, so only the emulator has such a bucket.",
  "check.s3.101.events.off": "(Optional) No event notifications.",
  "check.s3.101.events.eventBridge":
    "Event notifications: this bucket's events go to Amazon EventBridge.",
  "check.s3.101.events.destinations":
    "Event notifications: sent to {count} destinations (SNS, SQS, Lambda).",
  "check.s3.101.lifecycle.off": "(Optional) No lifecycle rules.",
  "check.s3.101.lifecycle.on": "Lifecycle: {count} active rules ({ids}).",
  "check.s3.101.replication.on": "Replication: rule {id} replicates to {destination}.",
  "plan.s3.101.versioning":
    "Turn versioning on, upload {key} twice, then delete it: two versions and a delete marker remain.",
  "done.s3.101.versioning":
    "Turned versioning on, uploaded {key} twice and deleted it. Turn on **Show versions** in the object list to see them.",
  "plan.s3.101.versioning.exists": "The versioning hands-on is done.",
  "plan.s3.101.logging":
    "Create a log bucket {prefix}<8 random characters> whose bucket policy lets only S3's log delivery write to {logPrefix}, and send this bucket's server access logs there. Logs written to the source bucket itself would loop forever.",
  "plan.s3.101.logging.reuse": "Send server access logs to the log bucket made before, {target}.",
  "done.s3.101.logging":
    "Turned server access logging on. Logs usually appear in the log bucket within a few hours.",
  "plan.s3.101.logging.exists": "Server access logging is already on.",
  "plan.s3.101.website": "Turn static website hosting on and upload the index document {index}.",
  "done.s3.101.website": "Turned static website hosting on and uploaded {index}.",
  "plan.s3.101.website.exists": "Static website hosting is already on.",
  "plan.s3.101.encryption": "Default encryption (SSE-S3) is already on by AWS. Nothing to change.",
  "plan.s3.101.events":
    "Create the SNS topic {topic} (with a topic policy letting only S3 publish) and send it an event whenever an object is created in this bucket. Subscribe your email to the topic to get a mail per upload.",
  "done.s3.101.events":
    "Objects created in this bucket now send an event to the SNS topic {topic}.",
  "plan.s3.101.events.exists": "Event notifications already exist.",
  "plan.s3.101.lifecycle":
    "Add two lifecycle rules: delete previous versions after {versionDays} days, clean up unfinished multipart uploads after {uploadDays} days.",
  "done.s3.101.lifecycle": "Added two lifecycle rules.",
  "plan.s3.101.lifecycle.exists": "Lifecycle rules already exist.",
  "plan.s3.101.replication":
    "Replication needs a bucket in another region and a role, so it is explained only: do it for me creates no replication resources.",
  "check.app.s3.notSet":
    "S3_BUCKET is empty in the app's configuration: attachments are not stored.",
  "check.app.s3.set": "The app's S3_BUCKET is {bucket}.",
  "check.app.s3.otherBucket": "The app's S3_BUCKET is {configured}. The lab's bucket is {bucket}.",
  "check.app.s3.noCredentials":
    "The app reports NoCredentials: the instance has no role, so it finds no AWS credentials. This is the lab's first intended error; the next step attaches an IAM role.",
  "check.app.s3.pastNoCredentials":
    "The app already finds credentials (now AccessDenied): you are past the NoCredentials step.",
  "check.app.s3.pastAccessDenied":
    "The app reaches the bucket: you are past both the credentials and the permission steps.",
  "check.app.s3.notConfigured":
    "The app has no S3_BUCKET yet. Finish the step that sets the bucket in the app first.",
  "check.app.s3.noSuchBucket":
    "The app reports NoSuchBucket: the bucket {bucket} in S3_BUCKET doesn't exist. Check the name for typos.",
  "check.app.s3.error": "The app's S3 status is {status} ({code}).",
  "plan.app.s3.exists": "The app's S3_BUCKET is already {bucket}.",
  "plan.app.s3.manual":
    "SSH to Web, set S3_BUCKET to {bucket} in ~/aws101/config.env and restart the app. It happens inside the instance, so the portal can't do it for you.",
  "check.iam.role.missing": "Role {role} doesn't exist.",
  "fix.iam.role.missing":
    "IAM → **Roles** → **Create role**: **Trusted entity type** **AWS service**, **Use case** **EC2** → **Next** → choose no permission policy, **Next** → **Role name** {role} → **Create role**.",
  "check.iam.role.ok": "Role {role} exists.",
  "check.iam.role.trustEc2": "{role}'s trust policy allows ec2.amazonaws.com.",
  "check.iam.role.trustOther":
    "{role}'s trust policy allows only {services}. EC2 can't use this role, so the app stays at NoCredentials.",
  "check.iam.role.trustNone": "{role}'s trust policy doesn't allow ec2.amazonaws.com.",
  "fix.iam.role.trust":
    "IAM → **Roles** → {role} → **Trust relationships** tab → **Edit trust policy**: set the Principal's Service to ec2.amazonaws.com. Or delete the role and create it again with the EC2 use case.",
  "check.iam.profile.ok": "Instance profile {profile} carries {role}.",
  "check.iam.profile.missing": "No instance profile carries {role}.",
  "fix.iam.profile.missing":
    "Creating the role in the console with the EC2 use case also creates an instance profile of the same name. If you made it with the CLI, put {role} in one with `aws iam create-instance-profile` and `aws iam add-role-to-instance-profile`.",
  "check.iam.role.notAttached": "Web has no IAM role attached.",
  "fix.iam.role.attach":
    "EC2 → **Instances** → select Web → **Actions** → **Security** → **Modify IAM role**: choose {role} for **IAM role** → **Update IAM role**.",
  "check.iam.role.attached": "Web ({id}) has {role} attached.",
  "check.iam.role.otherProfile":
    "Web has another instance profile attached, {profile} (roles: {roles}). The lab uses {role}.",
  "fix.iam.role.replace":
    "EC2 → **Instances** → Web → **Actions** → **Security** → **Modify IAM role**: choose {role} → **Update IAM role**.",
  "check.app.s3.accessDenied":
    "The app reports AccessDenied: it signs with the role's credentials but has no permission. This is the lab's second intended error; the next step adds the policy.",
  "check.app.s3.stillNoCredentials":
    "The app still reports NoCredentials. If {role} was attached just now, credentials arrive within seconds.",
  "fix.app.s3.stillNoCredentials":
    "Check again in a moment. If it stays, check that the role's trust policy allows ec2.amazonaws.com and that Web has the right role attached.",
  "plan.iam.role.create":
    "Create role {role}: its trust policy allows only ec2.amazonaws.com, with no permission policy yet.",
  "done.iam.role.created": "Created role {role}.",
  "plan.iam.role.exists": "Role {role} exists and trusts EC2.",
  "plan.iam.role.trust": "Change {role}'s trust policy to allow only ec2.amazonaws.com.",
  "done.iam.role.trust": "Changed {role}'s trust policy to ec2.amazonaws.com.",
  "plan.iam.profile.exists": "Instance profile {profile} exists.",
  "plan.iam.profile.taken":
    "Instance profile {profile} carries another role ({roles}). Sort it out in the console or the CLI.",
  "plan.iam.profile.create":
    "Create instance profile {profile} carrying {role}, as the console does along with the role.",
  "done.iam.profile.created": "Put {role} in instance profile {profile}.",
  "plan.iam.attach":
    "Attach {role} to Web ({id}). If EC2 doesn't know the new profile yet, wait a few seconds and try again.",
  "done.iam.attach": "Attached {role} to Web ({id}).",
  "plan.iam.attach.exists": "Web ({id}) already has {role} attached.",
  "plan.iam.attach.replace":
    "Web has another role attached. It may be there on purpose: replace it with {role} yourself in **Modify IAM role**.",
  "plan.iam.attach.needsProfile": "Attaching needs an instance profile that carries {role}.",
  "check.iam.policy.needsRole": "Role {role} doesn't exist yet. Finish the IAM role step first.",
  "plan.iam.policy.needsRole": "Needs role {role}: finish the IAM role step first.",
  "check.iam.policy.ok": "{role} has the inline policy {policy}.",
  "check.iam.policy.missing": "{role} has no inline policy {policy}.",
  "fix.iam.policy.missing":
    "IAM → **Roles** → {role} → **Permissions** tab → **Add permissions** → **Create inline policy**: service S3, actions All S3 actions (s3:*), resources the bucket ARN and the object ARN (object name *) → **Next** → **Policy name** {policy} → **Create policy**.",
  "check.iam.policy.otherPolicies":
    "{policy} is missing, but other policies ({names}) give the permissions needed. It works, but it may be wider than the lab's policy.",
  "check.iam.policy.allowed": "The role may {action} on {bucket}.",
  "check.iam.policy.deny": "A Deny statement blocks {action}. A Deny wins over any Allow.",
  "check.iam.policy.bucketArnOnly":
    "The policy allows {action} only on the bucket ARN arn:aws:s3:::{bucket}. Objects need arn:aws:s3:::{bucket}/* as well.",
  "check.iam.policy.objectArnOnly":
    "The policy allows {action} only on the object ARN arn:aws:s3:::{bucket}/*. {action} needs the bucket ARN arn:aws:s3:::{bucket}.",
  "check.iam.policy.otherBucket":
    "The policy allows {action} on bucket {others}. The lab's bucket is {bucket}: check the bucket name.",
  "check.iam.policy.actionMissing": "The policy allows {granted} but not {action}.",
  "check.iam.policy.nothing": "No policy allows {action} on {bucket}.",
  "fix.iam.policy.edit":
    "IAM → **Roles** → {role} → **Permissions** tab → open {policy} → **Edit**: put both arn:aws:s3:::{bucket} and arn:aws:s3:::{bucket}/* in Resource and keep s3:* as the Action.",
  "check.iam.policy.appOk": "The app reaches {bucket} with the role's credentials.",
  "check.iam.policy.appDenied": "The app still reports AccessDenied.",
  "fix.iam.policy.appDenied": "A policy change takes a few seconds. Check again in a moment.",
  "check.iam.policy.upload.none": "No upload yet. Sign up in the app with an attachment.",
  "check.iam.policy.upload.app": "The app's last upload ({at}) worked.",
  "check.iam.policy.upload.object": "An uploaded attachment is in the bucket: {key}",
  "check.iam.policy.upload.failed":
    "The app's last upload ({at}) failed with {code}. If that was before the policy, sign up again with an attachment.",
  "plan.iam.policy.create":
    "Add the inline policy {policy} to {role}: s3:* on {bucket} and {bucket}/* (the lab's policy).",
  "done.iam.policy.created": "Added the inline policy {policy} to {role}.",
  "plan.iam.policy.replace":
    "Replace {policy}'s document with the lab's policy (s3:* on {bucket} and {bucket}/*).",
  "done.iam.policy.replaced": "Replaced {policy}'s document with the lab's policy.",
  "plan.iam.policy.exists": "{policy} already gives the permissions needed.",
  "plan.iam.policy.needsAttachedRole":
    "Uploading needs {role} attached to Web: finish the IAM role step first.",
  "plan.iam.policy.upload.exists": "An upload has already worked.",
  "plan.iam.policy.upload.manual":
    "Sign up in the app with an attachment to see the upload work. It happens inside the instance, so the portal can't do it for you.",
  "plan.iam.policy.upload.sandbox":
    "Upload a small file to uploads/ in {bucket} with your sandbox Web's role credentials: the same way the app uploads an attachment.",
  "done.iam.policy.upload.sandbox": "Uploaded a file to {bucket} with Web's role.",
  "check.public.viaPolicy":
    "The bucket policy lets anyone read objects (s3:GetObject), and Block Public Access doesn't stop it.",
  "check.public.viaAcl":
    "An object ACL lets everyone (AllUsers) read, ACLs are enabled and Block Public Access doesn't stop it.",
  "check.public.get.ok": "An anonymous GET of {url} worked.",
  "check.public.get.refused": "An anonymous GET of {url} failed ({status}).",
  "fix.public.get":
    "The configuration is public but S3 refused. If you changed it just now, check again in a moment; if it stays, ask the instructor about your organization's policies (SCPs).",
  "check.public.policyIgnored.bucket":
    "The bucket policy lets anyone read, but this bucket's Block Public Access has RestrictPublicBuckets (block access through any public bucket policies) on, so S3 ignores the policy.",
  "check.public.policyIgnored.account":
    "The bucket policy lets anyone read, but the account-level Block Public Access has RestrictPublicBuckets on, so public policies are ignored on every bucket of the account.",
  "fix.public.bucketBpa":
    "S3 → {bucket} → **Permissions** tab → **Block public access (bucket settings)** → **Edit**: clear **Block all public access** and choose **Save changes**.",
  "fix.public.account":
    "The account-level setting applies to every bucket of the account and is changed only in S3 → **Block Public Access settings for this account**. Your organization may have locked it: ask the instructor, or use the presigned URLs of the next step.",
  "check.public.aclDisabled":
    "An object ACL lets everyone read, but ACLs are disabled on this bucket (Object Ownership: bucket owner enforced). The ACL has no effect.",
  "check.public.aclIgnored.bucket":
    "An object ACL lets everyone read, but this bucket's Block Public Access has IgnorePublicAcls (block access through any ACLs) on, so it is ignored.",
  "check.public.aclIgnored.account":
    "An object ACL lets everyone read, but the account-level Block Public Access has IgnorePublicAcls on, so it is ignored.",
  "fix.public.usePolicy":
    "Today's way is a bucket policy. S3 → {bucket} → **Permissions** tab → **Block public access (bucket settings)** → **Edit**: clear **Block all public access**; then **Bucket policy** → **Edit**: paste this page's AddPerm policy and **Save changes**.",
  "check.public.policyDeny": "A Deny statement in the bucket policy blocks anonymous reads.",
  "check.public.policyBucketArnOnly":
    "The bucket policy allows s3:GetObject only on the bucket ARN arn:aws:s3:::{bucket}. Objects are arn:aws:s3:::{bucket}/*.",
  "check.public.policyOtherBucket":
    "The bucket policy's Resource points at {others}. This bucket is {bucket}.",
  "check.public.policyActionMissing":
    "The bucket policy lets anyone {granted}, but not s3:GetObject.",
  "check.public.none":
    "Neither a bucket policy nor an object ACL lets anyone read. Attachment links answer AccessDenied.",
  "check.public.none.bucketBlocks":
    "No bucket policy lets anyone read. Besides, this bucket's Block Public Access has BlockPublicPolicy on, so a public bucket policy is refused when you save it.",
  "check.public.none.accountBlocks":
    "No bucket policy lets anyone read. The account-level Block Public Access has BlockPublicPolicy on, so no public bucket policy can be saved in this account.",
  "check.public.privatePresigned":
    "{bucket} is private again and the app shows attachments as presigned URLs: links open without public access.",
  "check.public.accountUnreadable":
    "Couldn't read the account-level Block Public Access ({code}). The verdict below looks at the bucket's settings only.",
  "plan.public.exists": "Anyone can already read {bucket}'s objects.",
  "plan.public.accountBlocks":
    "The account-level Block Public Access stops public bucket policies. It applies to every bucket of the account, so the portal doesn't change it.",
  "plan.public.policyDeny":
    "{bucket}'s bucket policy has a Deny statement against anonymous reads. Check and fix it yourself.",
  "plan.public.bpaOff":
    "On {bucket} only, turn off Block Public Access's two policy switches (BlockPublicPolicy, RestrictPublicBuckets). The two ACL switches stay on.",
  "done.public.bpaOff": "Turned off the two policy switches of {bucket}'s Block Public Access.",
  "plan.public.addPerm":
    "⚠ Security: add the AddPerm statement (anyone may s3:GetObject on arn:aws:s3:::{bucket}/*) to {bucket}'s bucket policy. Anyone on the internet can then read every object in this bucket. Undo it in the next step.",
  "done.public.addPerm": "Added AddPerm to {bucket}'s bucket policy. Its objects are now public.",
  "plan.public.undo.statement":
    "Remove the statements that let anyone read (AddPerm) from {bucket}'s bucket policy; keep the others.",
  "done.public.undo.statement": "Removed the public-read statements from {bucket}'s bucket policy.",
  "plan.public.undo.policy":
    "Delete {bucket}'s bucket policy: it held only public-read statements.",
  "done.public.undo.policy": "Deleted {bucket}'s bucket policy.",
  "plan.public.undo.bpa": "Turn all four Block Public Access switches of {bucket} back on.",
  "done.public.undo.bpa": "Turned all of {bucket}'s Block Public Access back on.",
  "plan.public.undo.nothing": "{bucket} is already private. Nothing to undo.",
  "check.presigned.on":
    "The app's PRESIGNED_URL is on: attachment links on /admin are presigned URLs carrying a signature (X-Amz-Signature) and an expiry (X-Amz-Expires=300).",
  "check.presigned.off":
    "The app's PRESIGNED_URL is off: /admin links are public URLs, which answer AccessDenied while the bucket is private.",
  "plan.presigned.exists": "PRESIGNED_URL is already on.",
  "plan.presigned.manual":
    "SSH to Web, set PRESIGNED_URL to True in ~/aws101/config.env and restart the app. It happens inside the instance, so the portal can't do it for you.",
  "undo.button": "Undo",
  "undo.planTitle": "This is what undo will do",
  "undo.apply": "Undo now",
  "undo.applying": "Undoing…",
  "undo.nothingToDo": "Nothing to undo.",
  "undo.done": "Undone: {count} changes",

  // Sandbox instance
  "sandbox.title": "Sandbox instance",
  "sandbox.intro":
    "A sandbox EC2 instance exists only inside the emulator, so there is no SSH into it. Instead, this page shows your own sample app running on Web, lets you edit its config file (config.env) and read the app's log. On real AWS you do the same over SSH.",
  "sandbox.notSandbox":
    "This page is for sandbox accounts. On real AWS, connect to the instance over SSH.",
  "sandbox.noWeb": "There is no Web instance yet. Finish step 1 of the Compute module first.",
  "sandbox.instance": "Instance",
  "sandbox.state": "State",
  "sandbox.publicIp": "Public IP",
  "sandbox.app.running": "Your sample app is running at {url}. On real AWS that is http://{ip}/.",
  "sandbox.config.title": "Config file (config.env)",
  "sandbox.config.help":
    "The same as connecting over SSH, editing it with `nano ~/aws101/config.env` and running `sudo systemctl restart aws101-sample-app`. Saving makes the app read it again.",
  "sandbox.config.save": "Save and restart the app",
  "sandbox.config.saving": "Saving…",
  "sandbox.config.saved": "Saved. The app has read the new configuration.",
  "sandbox.config.failed": "Could not save. Check that Web is running and its app is up.",
  "sandbox.config.missing":
    "The config file appears once the app has run. Check that Web is running.",
  "sandbox.health.title": "App status (/healthz)",
  "sandbox.log.title": "App log (journalctl -u aws101-sample-app)",
  "sandbox.log.empty": "No log yet.",
  "sandbox.link": "Open the sandbox instance (instead of SSH)",
  "sandbox.field.config.invalid": "The config file must be text of at most 16 KB.",

  "check.button": "Check",
  "check.running": "Checking…",
  "check.checkedAt": "Checked at {time}",
  "check.summary.pass": "Everything is right.",
  "check.summary.fail": "Something needs fixing.",
  "check.summary.pending": "Something is still in progress.",
  "check.summary.unobservable": "Part of this can't be observed in the sandbox.",
  "check.summary.error": "Could not check.",
  "check.summary.not-started": "You have not started this step yet.",
  "check.status.pass": "Pass",
  "check.status.fail": "Fail",
  "check.status.pending": "Waiting",
  "check.status.unobservable": "Can't observe",
  "check.status.error": "Error",
  "check.status.warn": "Note",
  "check.status.not-started": "Not started",
  "check.howToFix": "How to fix",
  "doit.button": "Do it for me",
  "doit.planning": "Planning…",
  "doit.planTitle": "This is what will happen",
  "doit.apply": "Apply",
  "doit.applying": "Applying…",
  "doit.nothingToDo": "Everything is already in place. Nothing to create.",
  "doit.done": "Done: {count} change(s)",
  "doit.kind.exists": "Exists",
  "doit.kind.create": "Create",
  "doit.kind.remove": "Remove",
  "doit.kind.update": "Change",
  "doit.kind.manual": "Do it yourself",
  "doit.kind.blocked": "Needs first",
  "doit.download": "Download {filename} (once only)",
  "doit.downloadNote":
    "You can download this file (a private key, a password) once, now. The portal never stores it in plaintext.",
  "status.title": "Live status",
  "status.refreshing": "Refreshing…",
  "status.firstReading":
    "Reading your AWS account for the first time — the result appears here in a few seconds.",
  "status.updated": "As of {time}",
  "status.passedItems": "{count} item(s) passed",
  "status.needsCredentials": "Set up credentials to see your status.",
  "status.summary": "Live status: {passed}/{total} passed",
  "doit.completed": "Done",
  "userData.show": "Show the user data script ({lines} lines)",

  "aws.problem.access_denied":
    "AWS denied {operation} (AccessDenied). Check that these credentials have that permission.",
  "aws.problem.invalid_credentials":
    "AWS did not accept the credentials ({awsCode}). Enter them again.",
  "aws.problem.expired_credentials":
    "Your credentials have expired. Enter new temporary credentials.",
  "aws.problem.throttled":
    "AWS says there are too many requests ({operation}). Check again in a moment.",
  "aws.problem.endpoint_unreachable":
    "Could not reach the AWS endpoint ({operation}, {awsCode}). Check the network, or that the emulator is running.",
  "aws.problem.region_unavailable":
    "This region can't be used ({awsCode}). Check that the region is enabled for your account.",
  "aws.problem.limit_exceeded":
    "An account limit was reached ({awsCode}). Clean up unused resources or tell your instructor.",
  "aws.problem.unknown": "An AWS call failed ({operation}: {awsCode}). Try again in a moment.",
  "aws.problem.no_credentials": "Your AWS credentials are missing or expired. Set up credentials.",
  "aws.problem.busy": "The previous action is still running. Try again in a moment.",
  "problem.internal":
    "The portal failed internally and could not check. Give your instructor reference {reference}.",

  // Limits, the end of the event, and the audit log (docs/security.md)
  "join.error.eventFull": "This workshop is full. Tell your instructor.",
  "instructorSignIn.tooManyAttempts": "Too many failed sign-ins. Try again in 15 minutes.",
  "limits.moduleDisabled": "This module is not part of this workshop. Ask your instructor.",
  "limits.eventEnded":
    "This workshop has ended. You can still read the lab pages and your results, but the portal no longer checks or creates anything in your AWS.",
  "limits.attendee": "Too many requests. Try again in {seconds} s.",
  "limits.event":
    "The whole workshop is sending many requests right now, so the portal is slowing down. Try again in {seconds} s.",
  "limits.credentials":
    "Too many credential checks. Try again in {minutes} min, or tell your instructor.",
  "instructor.audit.title": "What the portal did in AWS",
  "instructor.audit.intro":
    "The latest requests the portal made to AWS for attendees: do it for me, undo and connecting credentials.",
  "instructor.audit.empty": "Nothing yet.",
  "instructor.audit.time": "Time",
  "instructor.audit.attendee": "Attendee",
  "instructor.audit.action": "Action",
  "instructor.audit.result": "Result",
  "instructor.audit.requests": "AWS request IDs",
  "instructor.audit.ok": "Done",
  "instructor.audit.failed": "Failed ({code})",
  "instructor.audit.do": "Do it for me: {step} · {entry}",
  "instructor.audit.undo": "Undo: {step} · {entry}",
  "instructor.audit.credentials.own": "Verify own temporary credentials",
  "instructor.audit.credentials.sandbox": "Get a sandbox account",

  "check.common.needsWeb":
    "There is no Web instance yet. Finish step 1 (Launch an EC2 instance) first.",
  "plan.common.needsWeb": "Needs the Web instance. Finish step 1 first.",
  "check.common.needsGroup": "Security group {group} doesn't exist yet. Finish step 1 first.",
  "plan.common.needsGroup": "Needs security group {group}. Finish step 1 first.",
  "fix.ec2.instance.missing":
    "In **Launch instance**, enter Web as the name under **Name and tags**. It is case-sensitive.",
  "check.ec2.instance.found": "The Web instance exists ({id}).",
  "check.ec2.instance.duplicates": "{count} instances are named Web: {ids}",
  "fix.ec2.instance.duplicates":
    "Terminate all but one. The portal checks {id}. Every extra instance costs money.",
  "check.ec2.state.running": "The instance is running.",
  "check.ec2.state.pending": "The instance is starting (pending). Wait a moment.",
  "check.ec2.state.other": "The instance is {state}.",
  "fix.ec2.state": "Start it again with **Instance state** → **Start instance**.",
  "check.ec2.ami.al2023": "The AMI is Amazon Linux 2023 ({name}).",
  "check.ec2.ami.al2":
    "The AMI is Amazon Linux 2 ({name}). Amazon Linux 2 left standard support in 2026.",
  "check.ec2.ami.other": "The AMI is not Amazon Linux 2023 ({name}).",
  "check.ec2.ami.unknown":
    "Could not read AMI {imageId}, so the operating system can't be confirmed.",
  "fix.ec2.ami":
    "Terminate the instance and launch it again with an Amazon Linux 2023 AMI under **Application and OS Images**.",
  "check.ec2.type.ok": "The instance type is {type}.",
  "check.ec2.type.accepted":
    "The instance type is {type}. Fine for the lab, but t3.micro is today's default.",
  "check.ec2.type.wrong": "The instance type is {type}. The lab uses t3.micro (or t2.micro).",
  "fix.ec2.type":
    "Stop the instance, then **Actions** → **Instance settings** → **Change instance type** to t3.micro. Larger types cost more.",
  "check.sg.missing": "Security group {group} doesn't exist.",
  "check.sg.attached": "Security group {group} ({id}) is attached to Web.",
  "check.sg.exists": "Security group {group} ({id}) exists.",
  "check.sg.notAttached": "Security group {group} is not attached to the Web instance.",
  "check.keyPair.ok": "Key pair {keyPair} exists.",
  "check.keyPair.missing": "Key pair {keyPair} doesn't exist.",
  "fix.keyPair.missing":
    "Under **Key pair (login)**, choose **Create new key pair** and name it {keyPair}.",
  "check.keyPair.notUsed": "The Web instance uses key pair {used}, not {keyPair}.",
  "fix.keyPair.notUsed":
    "An instance's key pair can't be changed after launch. Launch again with {keyPair}, or connect with the key you have.",
  "plan.keyPair.exists": "Key pair {keyPair}: already exists.",
  "plan.keyPair.create": "Create key pair {keyPair} and offer its private key for one download.",
  "plan.sg.exists": "Security group {group}: already exists ({id}).",
  "plan.sg.create": "Create security group {group} (no inbound rules).",
  "plan.sg.removeOpenSsh": "Delete the SSH (22) rule open to 0.0.0.0/0 from {group}.",
  "plan.instance.exists": "Web instance: already exists ({id}, {state}).",
  "plan.instance.create":
    "Launch the Web instance: Amazon Linux 2023 (latest AMI from the public SSM parameter), {type}, key pair {keyPair}, security group {group}, the sample app's user data.",
  "plan.instance.attachSgManually":
    "{group} is not attached to Web. The portal doesn't touch a running instance; attach it yourself.",
  "check.eip.associated": "Elastic IP {ip} is associated with Web ({id}).",
  "check.eip.notAssociated": "An Elastic IP is allocated but not associated with Web.",
  "check.eip.missing": "No Elastic IP is allocated.",
  "fix.eip.associate":
    "Select the Elastic IP, then **Actions** → **Associate Elastic IP address** and choose Web.",
  "fix.eip.allocate":
    "**Elastic IPs** → **Allocate Elastic IP address**, then associate it with Web.",
  "plan.eip.exists": "Elastic IP {ip}: already associated with Web.",
  "plan.eip.waitForRunning": "Web is still {state}. Try again once it is running.",
  "plan.eip.allocate": "Allocate a new Elastic IP and associate it with Web.",
  "check.ssh.ipUnknown": "Your IP address is unknown, so the SSH rule can't be checked.",
  "check.ssh.myIp": "{group} allows SSH (22) from your IP {cidr}.",
  "check.ssh.otherIp":
    "{group} allows SSH only from {cidrs}. Your IP is now {cidr} (your network may have changed).",
  "check.ssh.noRule": "{group} has no SSH (22) rule from your IP {cidr}.",
  "check.ssh.description.ok": "The SSH rule's description is Saltware.",
  "check.ssh.description.wrong": "The SSH rule's description is not Saltware (now: {description}).",
  "plan.ssh.add": "Add an SSH (22) rule to {group}: source {cidr}, description Saltware.",
  "plan.ssh.exists": "SSH rule for your IP {cidr}: already exists.",
  "check.web.http.open": "{group} allows HTTP (80) from anywhere.",
  "check.web.http.missing": "{group} has no HTTP (80) inbound rule.",
  "check.web.app.ok": "The sample app answers at {url}.",
  "check.web.app.notSampleApp": "{url} answered, but it isn't the sample app.",
  "check.web.app.timeout": "{url} did not answer in time.",
  "check.web.app.refused": "{url} refused the connection. The app isn't running.",
  "check.web.app.httpStatus": "{url} answered with HTTP {status}.",
  "check.web.app.network": "Could not connect to {url}.",
  "fix.web.app.timeout":
    "Check that the security group has an HTTP (80) rule and that the instance is running.",
  "fix.web.app.restart":
    "SSH into the instance, find the cause with `sudo systemctl status aws101-sample-app` and `journalctl -u aws101-sample-app`, then run `sudo systemctl restart aws101-sample-app`.",
  "plan.web.httpExists": "HTTP (80) rule: already exists.",
  "plan.web.httpAdd": "Add an HTTP (80) rule to {group}: source 0.0.0.0/0.",
  "plan.web.appManual":
    "The user data installs the sample app. If it doesn't answer, look on the instance yourself.",

  "check.ec2.instance.missing": "There is no instance tagged Name=Web in this region.",
  "check.ec2.instance.notInRegion":
    "No Web instance in the event's region {region} (and none in {other}).",
  "check.ec2.instance.otherRegion":
    "There is no Web instance in the event's region {region}, but there is one in {other} ({ids}). It was probably launched in the wrong region.",
  "fix.ec2.instance.otherRegion":
    "Pick {region} in the region selector at the top right of the console and launch it again. Terminate the one in {other} with **Instance state** → **Terminate instance**, or it keeps costing money.",
  "check.ec2.userData.portal": "The user data is this page's sample-app installer.",
  "check.ec2.userData.sampleApp":
    "The user data downloads and installs the sample app from the portal.",
  "check.ec2.userData.missing": "The user data is empty. The sample app will not be installed.",
  "check.ec2.userData.lab2019":
    "The user data is the 2019 lab's `yum install` script. It does not install the sample app, so the web app step will show nothing.",
  "check.ec2.userData.other":
    "The user data is not this page's script. The sample app will not be installed.",
  "fix.ec2.userData":
    "User data runs only on the first boot, so editing it and restarting does nothing. Terminate Web (**Instance state** → **Terminate instance**) and launch it again with the same security group web-server-sg and key pair awslab, pasting this page's script into **Advanced details** → **User data**.",
  "check.ec2.publicIp.ok": "Web has the public IPv4 address {ip}.",
  "check.ec2.publicIp.missing":
    "Web has no public IPv4 address: nobody can reach it from the internet, and it cannot download the sample app.",
  "fix.ec2.publicIp":
    "Associating an Elastic IP in step 2 gives it one. Next time you launch, set **Network settings** → **Edit** → **Auto-assign public IP** to **Enable**.",
  "check.ec2.imds.enabled": "The instance metadata service (IMDS) is on.",
  "check.ec2.imds.disabled":
    "The instance metadata service (IMDS) is off. The IAM role in the Storage module and EC2 Instance Connect will not work.",
  "fix.ec2.imds":
    "Select Web, then **Actions** → **Instance settings** → **Modify instance metadata options**, and set **Instance metadata service** to **Enable**.",
  "check.sg.noOpenSsh": "No security group on Web allows SSH (22) from 0.0.0.0/0.",
  "check.sg.openSsh": "Security group {groups} allows port 22 (SSH) from 0.0.0.0/0 (anyone).",
  "fix.sg.openSsh":
    "EC2 → **Security Groups** → web-server-sg → **Edit inbound rules**: **Delete** the SSH rule whose source is 0.0.0.0/0. Step 3 opens SSH to your IP only.",
  "fix.sg.openSshOther":
    "The launch wizard may have made that group ({groups}). Select Web, then **Actions** → **Security** → **Change security groups**, **Remove** it and keep only web-server-sg.",
  "fix.sg.notAttached":
    "Select Web, then **Actions** → **Security** → **Change security groups** and add {group}. Rules apply only to the groups attached to an instance.",
  "fix.sg.missing":
    "EC2 → **Security Groups** → **Create security group**: name {group}, description Web server for aws 101 lab. You can also create it under **Network settings** when launching the instance.",
  "plan.sg.openSshManual":
    "{group} lets anyone in on SSH (an all-traffic or port-range rule, or another group). The portal does not delete those: tidy it up yourself.",
  "plan.instance.noPublicSubnet":
    "There is no VPC with an internet gateway, so Web cannot be launched. In the VPC console choose **Actions** → **Create default VPC**, then try again.",
  "plan.instance.enableImds": "Turn on Web's instance metadata service (IMDS).",
  "plan.instance.relaunchForUserData":
    "User data runs only on the first boot. Terminate Web and launch it again with this page's script (the portal never terminates instances).",
  "done.keyPair.created": "Created key pair {keyPair}. Download the private key below.",
  "done.sg.created": "Created security group {group}.",
  "done.sg.removedOpenSsh": "Deleted the SSH rule open to 0.0.0.0/0 from {group}.",
  "done.instance.created": "Launched the Web instance ({type}).",
  "done.instance.enabledImds": "Turned on Web's instance metadata.",
  "check.eip.idlePortal":
    "{count} Elastic IP(s) the portal allocated are not associated ({ips}). They cost money even when idle.",
  "check.eip.idleOther":
    "{count} Elastic IP(s) are not associated ({ips}). If this lab did not make them you may keep them, but each costs about US${usdPerHour} an hour.",
  "fix.eip.release":
    "EC2 → **Elastic IPs**: select the unused address, then **Actions** → **Release Elastic IP addresses**. Do it for me can release it too.",
  "fix.eip.releaseIfUnused":
    "If you don't use it, release it: EC2 → **Elastic IPs** → **Actions** → **Release Elastic IP addresses**.",
  "plan.eip.release": "Release the Elastic IP {ip} the portal allocated and nothing uses.",
  "done.eip.released": "Released the Elastic IP {ip}.",
  "done.eip.associated": "Associated the Elastic IP {ip} with Web.",
  "done.eip.allocated": "Allocated an Elastic IP and associated it with Web.",
  "plan.eip.reuse":
    "Associate the Elastic IP {ip} the portal allocated earlier with Web (no new allocation).",
  "check.ssh.singleAddress":
    "{group} allows SSH (22) from {cidr}. Your address as the portal sees it ({seen}) is IPv6 or private, so it can differ from the console's **My IP**: any single-address (/32) rule is accepted.",
  "check.ssh.noSingleAddress":
    "{group} has no SSH (22) rule from a single address (/32). Your address as the portal sees it, {seen}, is IPv6 or private, so it is not what the console's **My IP** shows.",
  "fix.ssh.addMyIpInConsole":
    "EC2 → **Security Groups** → web-server-sg → **Edit inbound rules** → **Add rule**: type SSH, source **My IP** (the console fills in your public IPv4), description Saltware.",
  "check.ssh.allTraffic":
    "{group} has an **All traffic** rule from your IP. That is not an SSH rule, and it opens far more than needed.",
  "fix.ssh.allTraffic":
    "In **Edit inbound rules** change that rule's **Type** to **SSH** and keep the description Saltware.",
  "fix.ssh.addMyIp":
    "EC2 → **Security Groups** → web-server-sg → **Edit inbound rules** → **Add rule**: type SSH, source **My IP** ({cidr}), description Saltware.",
  "fix.ssh.description":
    "EC2 → **Security Groups** → web-server-sg → **Edit inbound rules**: set that rule's **Description** to Saltware.",
  "plan.ssh.ipUnknown":
    "Your IP is unknown, so the rule can't be added for you. Add it in the console with source **My IP**.",
  "plan.ssh.addInConsole":
    "Your address as the portal sees it differs from the console's **My IP**, so the rule can't be made for you. Add it in the console with source **My IP**.",
  "plan.ssh.setDescription": "Set the description of the SSH rule from {cidr} to {description}.",
  "done.ssh.added": "Added the SSH (22) rule from {cidr} to {group} (description Saltware).",
  "done.ssh.describedRule": "Set the description of the SSH rule from {cidr} to {description}.",
  "check.web.http.restricted":
    "HTTP (80) is open only to {sources}. Other people, and Route 53's health checks in module 4, cannot reach the web app.",
  "fix.web.httpWorld":
    "EC2 → **Security Groups** → web-server-sg → **Edit inbound rules**: change the HTTP rule's source to **Anywhere-IPv4** (0.0.0.0/0).",
  "fix.web.http":
    "EC2 → **Security Groups** → web-server-sg → **Edit inbound rules** → **Add rule**: type HTTP, source **Anywhere-IPv4** (0.0.0.0/0).",
  "check.web.app.sandboxOk":
    "The sample app answers. In the sandbox your own sandbox app {url} stands in for Web ({ip}).",
  "check.web.app.sandboxNoRuntime":
    "Can't be observed in the sandbox: emulated instances don't really run, and the sandbox instance runtime is not running (start it with `npm run demo` or `npm run sandbox`).",
  "check.web.app.sandboxFull":
    "The sandbox is full: it runs at most {cap} sandbox apps at once. Check again shortly or tell your instructor.",
  "check.web.app.sandboxNoApp":
    "This instance's user data does not install the sample app, so no app runs in the sandbox either.",
  "check.web.app.sandboxNotResponding":
    "Web's sample app is not responding: the instance is {state}.",
  "check.app.healthUnreadable":
    "Could not read the sample app's status at {url}/healthz: it is not the sample app, or an old version.",
  "check.web.app.noAddress":
    "Web has no public IP, so the app can't be checked. Finish step 2 (Elastic IP) first.",
  "done.web.httpAdded": "Added the HTTP (80) rule from 0.0.0.0/0 to {group}.",

  // Database module
  "progress.eta": "AWS status {status} · about {minutes} min left (estimate {percent}%)",
  "progress.overdue":
    "AWS status {status} · taking longer than usual. AWS is still working on it; wait a little longer.",
  "aws.problem.rdsInstanceQuota":
    "This account has reached its number of RDS DB instances in this Region (InstanceQuotaExceeded). Delete DB instances you no longer use, or tell your instructor.",
  "check.db.needsDb":
    "There is no RDS DB instance {id} yet. Finish step 1 (Create the RDS instance) first.",
  "plan.db.needsDb": "The DB instance {id} must exist. Finish step 1 first.",
  "check.db.notReady":
    "{id} is {status}. Wait until it is **Available**; meanwhile you can work on the Storage module.",
  "plan.db.notReady": "{id} must be available first. Its status now: {status}.",
  "check.rds.instance.found": "The DB instance {id} exists.",
  "check.rds.instance.missing": "There is no DB instance {id} in this Region.",
  "fix.rds.instance.missing":
    "RDS → **Databases** → **Create database**, with **DB instance identifier** `awslab`.",
  "check.rds.instance.otherRegion": "{id} is not in {region}; it is in {other}.",
  "fix.rds.instance.otherRegion":
    "Pick {region} in the Region selector at the top right of the console and create it there. Delete the awslab in the other Region: it costs money.",
  "check.rds.status.available": "Its status is **Available**. Endpoint: `{endpoint}`",
  "check.rds.status.busy":
    "AWS is working on it (status: {status}). A Multi-AZ DB instance takes 10–15 minutes to create. Go on with the Storage module while you wait.",
  "check.rds.status.failed":
    "The DB instance's status is failed: AWS could not create or recover it.",
  "fix.rds.status.failed":
    "Look for the cause in awslab's recent events on the **Logs & events** tab, then delete awslab and create it again.",
  "check.rds.status.incompatibleParameters":
    "Its status is incompatible-parameters: a value in the DB parameter group keeps MySQL from starting.",
  "fix.rds.status.incompatibleParameters":
    "RDS → **Databases** → awslab → **Modify**: set **DB parameter group** back to the default (default.mysql8.4), apply immediately, then reboot.",
  "check.rds.status.storageFull": "Its status is storage-full: the allocated storage is used up.",
  "fix.rds.status.storageFull":
    "RDS → **Databases** → awslab → **Modify**: raise **Allocated storage** and select **Enable storage autoscaling**.",
  "check.rds.status.incompatibleNetwork":
    "Its status is incompatible-network: the subnet group's subnets have no free IP addresses, or a subnet is gone.",
  "fix.rds.status.incompatibleNetwork":
    "Check that the default VPC and its subnets are intact, then delete awslab and create it again in the default VPC.",
  "check.rds.status.stopped": "The DB instance is stopped ({status}).",
  "fix.rds.status.stopped":
    "RDS → **Databases** → awslab → **Actions** → **Start**. AWS starts a stopped DB instance again by itself after 7 days.",
  "check.rds.status.other": "The DB instance's status is {status}.",
  "fix.rds.status.other":
    "Look at awslab's recent events on the **Logs & events** tab. If that doesn't help, tell your instructor.",
  "check.rds.engine.ok": "The engine is MySQL.",
  "check.rds.engine.wrong": "The engine is {engine}; this lab uses MySQL.",
  "fix.rds.recreate":
    "This setting can't be changed after creation. Delete awslab and create it again with the settings on this page.",
  "check.rds.version.ok": "MySQL {version} (8.4 LTS).",
  "check.rds.version.mysql80":
    "MySQL {version}. RDS standard support for 8.0 ended in July 2026; after that, paid Extended Support charges apply. You can still do the lab.",
  "check.rds.version.mysql57":
    "MySQL {version}. RDS standard support for 5.7 has ended: paid Extended Support is charged on top, by the hour.",
  "fix.rds.version.upgrade":
    "Delete awslab and create it again with **Engine version** MySQL 8.4. In the lab, recreating is quicker than upgrading.",
  "check.rds.version.other": "MySQL {version}. This lab is written for 8.4 (LTS).",
  "check.rds.class.ok": "The DB instance class is {instanceClass}.",
  "check.rds.class.t2":
    "The DB instance class is {instanceClass}. db.t2 is a previous-generation class that RDS is retiring.",
  "check.rds.class.other":
    "The DB instance class is {instanceClass}. db.t3.micro is enough for the lab; larger classes cost more per hour.",
  "fix.rds.class":
    "RDS → **Databases** → awslab → **Modify** → **DB instance class**: pick db.t3.micro or db.t4g.micro under **Burstable classes (includes t classes)**.",
  "check.rds.multiAz.single":
    "This is a Single-AZ deployment: without a standby, the next step's reboot with failover is not possible.",
  "fix.rds.multiAz":
    "RDS → **Databases** → awslab → **Modify** → **Availability and durability**: choose **Multi-AZ DB instance** and save with **Apply immediately**. The change takes over 10 minutes and doubles the cost.",
  "check.rds.multiAz.converting":
    "Converting to a Multi-AZ DB instance: AWS is creating the standby in another AZ.",
  "check.rds.multiAz.ok": "A Multi-AZ DB instance; the primary is in {az}.",
  "check.rds.multiAz.standby":
    "A Multi-AZ DB instance; the primary is in {az}, the standby in {standby}.",
  "check.rds.public.yes":
    "Public access is on: if a security group allows it, the database can be reached from the internet.",
  "fix.rds.public":
    "RDS → **Databases** → awslab → **Modify** → **Connectivity** → **Additional configuration**: choose **Not publicly accessible** and apply immediately.",
  "check.rds.public.no": "Public access is off: only resources inside the VPC can connect.",
  "check.rds.sg.missing": "There is no security group {group}.",
  "fix.rds.sg.missing":
    "When you create the database, choose **Create new** under **VPC security group (firewall)** and enter {group} as **New VPC security group name**. If the database exists already, create the group in the default VPC with EC2 → **Security Groups** → **Create security group**.",
  "check.rds.sg.exists": "The security group {group} exists ({id}).",
  "check.rds.sg.attached": "The security group {group} ({id}) is attached to awslab.",
  "check.rds.sg.notAttached": "{group} is not attached to awslab. Attached now: {attached}",
  "fix.rds.sg.notAttached":
    "RDS → **Databases** → awslab → **Modify** → **Connectivity** → **VPC security group**: add {group} and remove default.",
  "check.rds.storage.ok": "Storage: {type}, {size} GiB.",
  "check.rds.storage.larger":
    "The storage is {size} GiB ({type}). 20 GiB is enough for the lab; you pay for what you allocate.",
  "check.rds.storage.type":
    "The storage type is {type} ({size} GiB). The lab uses General Purpose SSD (gp3); Provisioned IOPS (io1/io2) is expensive.",
  "fix.rds.storage":
    "When you create it, choose **Storage type** **General Purpose SSD (gp3)** and **Allocated storage** 20 GiB. Allocated storage can only grow, never shrink.",
  "check.rds.autoscaling.ok": "Storage autoscaling is on (up to {max} GiB).",
  "check.rds.autoscaling.off":
    "Storage autoscaling is off: when the storage fills up, the database stops in the storage-full state.",
  "fix.rds.autoscaling":
    "**Modify** → **Storage**: select **Enable storage autoscaling** and enter 1000 as **Maximum storage threshold**.",
  "check.rds.masterUser.ok": "The master username is admin.",
  "check.rds.masterUser.other":
    "The master username is {user}: wherever the lab says `-u admin`, use `-u {user}`.",
  "check.rds.vpc.same":
    "awslab and Web share the VPC {vpc}, so their security groups can refer to each other.",
  "check.rds.vpc.differs":
    "awslab is in VPC {dbVpc} and Web in VPC {webVpc}. From another VPC, Web can't connect to the database.",
  "plan.rds.sg.exists": "The security group {group} exists already ({id}).",
  "plan.rds.sg.create":
    "Create the security group {group} in the default VPC. Its inbound rule comes in step 3.",
  "done.rds.sg.created": "Created the security group {group}.",
  "plan.rds.noDefaultVpc":
    "This Region has no default VPC, so this can't be done for you. Create one in the VPC console with **Actions** → **Create default VPC**, or tell your instructor.",
  "plan.rds.instance.exists":
    "The DB instance {id} exists already (status: {status}); nothing new is created.",
  "plan.rds.instance.create":
    "Create the DB instance {id}: MySQL {version}, {instanceClass}, gp3 {size} GiB (autoscaling up to 1000 GiB), Multi-AZ (standby instance), not publicly accessible, security group {group}, master user admin. You get the master password once, as a file to download. Creation takes 10–15 minutes.",
  "done.rds.instance.created":
    "Started creating the DB instance {id}. Download the master password file now.",
  "plan.rds.multiAz":
    "Convert awslab to a Multi-AZ DB instance (applied immediately). It takes over 10 minutes and doubles the cost.",
  "done.rds.multiAz": "Started converting awslab to Multi-AZ.",
  "plan.rds.private": "Turn off public access on awslab (applied immediately).",
  "done.rds.private": "Turned off public access on awslab.",
  "plan.rds.attachGroup":
    "Attach {group} to awslab and remove the default security group (applied immediately).",
  "done.rds.attachedGroup": "Attached {group} to awslab.",
  "plan.rds.waitForAvailable":
    "awslab must be available before its settings can change. Its status now: {status}.",
  "check.failover.singleAz":
    "awslab is a Single-AZ deployment, so it can't reboot with failover: that needs a standby.",
  "check.failover.multiAz":
    "A Multi-AZ DB instance; when you started this step, the primary was in {az}.",
  "check.failover.notYet": "No failover since {since}; the primary is still in {az}.",
  "fix.failover.reboot":
    "RDS → **Databases** → awslab → **Actions** → **Reboot**: select **Reboot with failover?** and choose **Confirm**.",
  "check.failover.running":
    "A failover is under way (status: {status}); the primary was in {az} when you started.",
  "check.failover.requested":
    "A reboot with failover was requested at {at}. Wait for AWS to log its events.",
  "check.failover.azNotYet":
    "An RDS event reported the failover complete at {at}, but the AZ still shows {az}. The new AZ can take a few minutes to appear in the console and the API.",
  "check.failover.done":
    "The failover is done: the primary moved from {from} to {to}, and an RDS event logged its completion at {at}.",
  "check.failover.abandoned":
    "At {at}, RDS skipped the requested failover because a failover had happened recently.",
  "fix.failover.retry": "Wait a few minutes, then reboot with failover again.",
  "check.failover.sandbox":
    "Can't be observed in the sandbox: a reboot with failover was requested at {at}, but the emulator never moves the primary (still {az}) and logs no event. On AWS the AZ changes and a completion event appears on the **Logs & events** tab.",
  "plan.failover.needsMultiAz":
    "awslab must be a Multi-AZ DB instance. Step 1's do it for me converts it.",
  "plan.failover.done": "The failover is done already.",
  "plan.failover.requested":
    "A reboot with failover was already requested at {at}; it is not repeated.",
  "plan.failover.reboot":
    "Reboot {id} with failover. The database is unreachable for a minute or two, and the primary moves from {az} to the standby's AZ.",
  "done.failover.rebooted": "Requested a reboot with failover of {id}.",
  "check.mysql.needsDbGroup":
    "There is no security group {group} yet. Finish step 1 (Create the RDS instance) first.",
  "plan.mysql.needsDbGroup": "The security group {group} must exist. Finish step 1 first.",
  "check.mysql.rule.ok": "{group} allows MySQL (TCP 3306) from the security group {web}.",
  "check.mysql.missing":
    "{group} has no MySQL (TCP 3306) inbound rule: connecting from Web to the database times out.",
  "check.mysql.cidrInstead":
    "The source of {group}'s MySQL rule is an address range ({cidrs}). This step names the security group {web} as the source instead: it admits exactly the instances that carry {web}, even when their IPs change or more servers join.",
  "check.mysql.otherGroup":
    "{group}'s MySQL rule only admits other security groups ({sources}). Name Web's security group {web} as the source.",
  "fix.mysql.groupReference":
    "EC2 → **Security Groups** → {group} → **Edit inbound rules** → **Add rule**: type **MYSQL/Aurora**, source **Custom**; type `web` in the box next to it and pick {web} from the list. Description `Web`.",
  "check.mysql.description.ok": "The MySQL rule's description is {description}.",
  "check.mysql.description.wrong":
    "The MySQL rule's description is {description}; the lab writes `Web`.",
  "fix.mysql.description":
    "EC2 → **Security Groups** → {group} → **Edit inbound rules**: set the MYSQL/Aurora rule's **Description** to {description}.",
  "check.mysql.cidrExtra":
    "{group} also has MySQL rules from address ranges ({cidrs}): doors left open for no reason. Remove them.",
  "fix.mysql.removeCidr":
    "EC2 → **Security Groups** → {group} → **Edit inbound rules**: choose **Delete** on the MySQL rules whose source is an address, then **Save rules**.",
  "check.mysql.notOnDb":
    "{group} is not attached to awslab, so this rule doesn't apply to the database.",
  "plan.mysql.addRule":
    "Add a MySQL (TCP 3306) rule from {web} to {group} (description {description}).",
  "done.mysql.addedRule": "Added a MySQL (TCP 3306) rule from {web} to {group}.",
  "plan.mysql.describe": "Set the description of the MySQL rule from {web} to {description}.",
  "done.mysql.described": "Set the description of the MySQL rule from {web} to {description}.",
  "plan.mysql.ruleExists": "{group} already has a MySQL rule from {web}.",
  "plan.mysql.removeCidr": "Remove the MySQL rules from address ranges ({cidrs}) in {group}.",
  "done.mysql.removedCidr": "Removed the MySQL rules from address ranges ({cidrs}) in {group}.",
  "plan.mysql.attachInRdsCreate":
    "Attaching {group} to awslab is step 1's (Create the RDS instance) do it for me.",
  "check.setup.sandboxDbDown":
    "Can't be checked: the sandbox's MySQL (the local MariaDB) did not answer. Tell your instructor.",
  "check.setup.database.ok": "The database {database} exists.",
  "check.setup.database.missing": "There is no database {database}.",
  "fix.setup.database": "Connect as admin and run `CREATE DATABASE {database};`.",
  "check.setup.user.ok": "The user {user} exists.",
  "check.setup.user.missing": "There is no user {user} ('{user}'@'%').",
  "fix.setup.user": "Run `CREATE USER {user} IDENTIFIED BY 'asdf1234';`.",
  "check.setup.grant.ok": "{user} has privileges on the database {database}.",
  "check.setup.grant.missing": "{user} has no privileges on the database {database}.",
  "fix.setup.grant": "Run `GRANT ALL PRIVILEGES ON {database}.* TO {user};`.",
  "check.setup.table.ok":
    "The table {database}.users exists and its password column holds a password hash.",
  "check.setup.table.missing": "There is no table {database}.users.",
  "fix.setup.table": "Run `USE {database};`, then the `CREATE TABLE` statement on this page.",
  "check.setup.table.narrow":
    "users.password is {type}. The sample app stores passwords as {length}-character hashes, so sign-ups fail (the 2019 lab's VARCHAR(35)).",
  "fix.setup.widen": "Run `ALTER TABLE users MODIFY password VARCHAR(255) NOT NULL;`.",
  "fix.setup.userAndGrant":
    "Check that you ran `CREATE USER` and `GRANT ALL PRIVILEGES ON {database}.* TO {user};`, and that DB_USER and DB_USERPASSWORD in config.env match that user.",
  "fix.setup.route": "Check rds-mysql-sg's rule from step 3 (Allow MySQL access).",
  "check.setup.viaAppLater":
    "RDS can't be reached from outside the VPC, so the portal doesn't look itself. Once the next step points the app's DB_HOST at `{endpoint}`, this step is checked through what the app reports.",
  "check.setup.viaApp.ok":
    "The app reads and writes the users table of the database {database} as {user}.",
  "check.setup.viaApp.otherNames":
    "The app uses the database {database} and the user {user}; the lab's names are {labDatabase} and {labUser}. That works too.",
  "check.setup.viaApp.unknownDatabase":
    "There is no database {database} (the app reports {status}).",
  "check.setup.viaApp.accessDenied":
    "{user} can't sign in, or {user} has no privileges on {database} (the app reports {status}).",
  "check.setup.viaApp.noTable": "There is no table {database}.users (the app reports {status}).",
  "check.setup.viaApp.narrow":
    "users.password is too short for the {length}-character password hash (the app reports {status}).",
  "check.setup.viaApp.unreachable": "The app can't reach the database ({status}, {code}).",
  "check.setup.viaApp.other": "The app reports a database error ({status}, {code}).",
  "plan.setup.awsManual":
    "Run the SQL yourself: RDS accepts connections only from inside the VPC (from Web), and the portal never connects to your database. SSH to Web and follow the commands on this page.",
  "plan.setup.noRoute":
    "Web can't reach awslab's port 3306. Add the rule to {group} in step 3 first.",
  "plan.setup.database": "Run `CREATE DATABASE {database};` in the sandbox database.",
  "done.setup.database": "Created the database {database}.",
  "plan.setup.database.exists": "The database {database} exists already.",
  "plan.setup.user": "Run `CREATE USER {user} IDENTIFIED BY 'asdf1234';`.",
  "done.setup.user": "Created the user {user}.",
  "plan.setup.user.exists": "The user {user} exists already.",
  "plan.setup.grant": "Run `GRANT ALL PRIVILEGES ON {database}.* TO {user};`.",
  "done.setup.grant": "Granted {user} all privileges on {database}.",
  "plan.setup.table":
    "Run `USE {database};` and the users table's `CREATE TABLE` (password VARCHAR(255)).",
  "done.setup.table": "Created the table {database}.users.",
  "plan.setup.table.exists": "The table {database}.users exists already.",
  "plan.setup.widen": "Run `ALTER TABLE users MODIFY password VARCHAR(255) NOT NULL;`.",
  "done.setup.widen": "Widened users.password to VARCHAR(255).",
  "check.appDb.host.empty": "DB_HOST is empty in the app's config.env.",
  "check.appDb.host.other": "The app's DB_HOST is `{host}`; awslab's endpoint is `{endpoint}`.",
  "check.appDb.host.ok": "The app's DB_HOST is awslab's endpoint (`{endpoint}`).",
  "fix.appDb.config":
    "On Web, run `nano ~/aws101/config.env`, set DB_HOST = {endpoint}, DB_NAME = form, DB_USER = form_user, DB_USERPASSWORD = asdf1234, then run `sudo systemctl restart aws101-sample-app`. In the sandbox, edit it on the sandbox instance page.",
  "check.appDb.connection.ok": "The app connects to the database.",
  "check.appDb.connection.failed": "The app can't use the database: {status} ({code}).",
  "fix.appDb.route":
    "The way from Web to the database is blocked. Check in step 3 that {group} has a MYSQL/Aurora rule with web-server-sg as its source.",
  "fix.appDb.credentials":
    "Check that DB_NAME, DB_USER and DB_USERPASSWORD in config.env match the form database, form_user and the password from step 4, then restart the app.",
  "fix.appDb.schema":
    "Check that you ran step 4's `CREATE TABLE` statement (password VARCHAR(255)).",
  "check.appDb.sandboxRoute":
    "{group} has no MySQL rule from Web's security group. The sandbox app reaches the database without it, but on AWS the connection would time out.",
  "check.appDb.signup.ok": "The users table holds {count} sign-up(s).",
  "check.appDb.signup.none": "Nobody has signed up yet.",
  "fix.appDb.signup":
    "Open {url} , enter a name, an email and a password, and choose **가입하기 · Sign Up** without an attachment.",
  "check.appDb.admin.ok": "{url} lists the sign-ups.",
  "check.appDb.admin.protected":
    "{url} is protected by ADMIN_PASSWORD, so the portal didn't open it; the app reports the number of sign-ups.",
  "check.appDb.admin.failed": "{url} doesn't open ({status}).",
  "fix.appDb.admin":
    "Look for the error in the app's log: `sudo journalctl -u aws101-sample-app -n 50 --no-pager`",
  "plan.appDb.configManual":
    "config.env lives on Web; edit it yourself: DB_HOST = {endpoint}, DB_NAME = form, DB_USER = form_user, DB_USERPASSWORD = asdf1234, then restart the app.",
  "plan.appDb.signupManual":
    "Sign up yourself in the browser, without an attachment, then look at /admin.",
  "plan.appDb.needsRoute": "Web must reach awslab. Add the rule to {group} in step 3 first.",
  "plan.appDb.appDown":
    "The sample app on Web doesn't answer. Check the Compute module's Open the web application step first.",
  "plan.appDb.configExists": "The app already uses the database at {endpoint}.",
  "plan.appDb.config":
    "Set DB_HOST = {endpoint}, DB_NAME = form, DB_USER = form_user, DB_USERPASSWORD = asdf1234 in the sandbox Web's config.env and restart the app. Other settings stay as they are.",
  "done.appDb.config": "Edited config.env and restarted the app (DB_HOST = {endpoint}).",
  "plan.appDb.needsSchema":
    "A sign-up needs the form database, form_user and the users table. Finish step 4 first.",
  "plan.appDb.signupExists": "The users table already holds {count} sign-up(s).",
  "plan.appDb.signup":
    "Sign up 'Do It For Me' (doitforme@example.com) on the sandbox app's form, without an attachment.",
  "done.appDb.signup": "Signed up on the sandbox app. Have a look at /admin.",
  "mysqlCommand.noEndpoint":
    "Once awslab is available, its endpoint replaces `<RDS_ENDPOINT>` in the command below.",
  "sandbox.mysql.title": "MySQL connection (mysql -h … -u admin -p)",
  "sandbox.mysql.help":
    "The same as connecting from Web with `mysql -h <endpoint> -u admin -p --ssl`. End each statement with `;`; you can run several at once.",
  "sandbox.mysql.sql": "SQL statements",
  "sandbox.mysql.run": "Run",
  "sandbox.mysql.running": "Running…",
  "sandbox.mysql.noDb":
    "There is no DB instance awslab yet. Finish the Database module's step 1 (Create the RDS instance) first.",
  "sandbox.mysql.notAvailable": "awslab is {status}; you can connect once it is available.",
  "sandbox.mysql.timeout":
    "ERROR 2003 (HY000): Can't connect to MySQL server on '{endpoint}:3306' (110) — {group} has no MySQL rule from Web's security group, so the connection timed out (Database module, step 3).",
  "sandbox.mysql.unavailable":
    "The sandbox's MySQL (the local MariaDB) did not answer. Tell your instructor.",
  "sandbox.mysql.connected": "Connected: admin@{endpoint}",
  "sandbox.mysql.database": "Current database: {database}",
  "sandbox.mysql.noDatabase": "Current database: (none)",
  "sandbox.mysql.rows": "{count} rows in set",
  "sandbox.mysql.empty": "Empty set",
  "sandbox.mysql.ok": "Query OK, {count} rows affected",
  "sandbox.mysql.truncated": "(only the first {limit} rows are shown)",
  "sandbox.mysql.invalid": "The SQL must be text of at most 64 KB.",
  "sandbox.mysql.failed": "Could not run it. Try again in a moment.",

  "instructor.title": "Instructor dashboard",
  "instructor.joinCode": "Join code",
  "instructor.endsAt": "Ends",
  "instructor.attendees": "{count} attendee(s)",
  "instructor.noAttendees": "No attendees yet.",
  "instructor.attendee": "Attendee",
  "instructor.lastSeen": "Last seen",

  // Sandbox MySQL console (the attendee's `mysql -h <RDS endpoint> -u admin -p`)
  "sandboxSql.refused.notAllowed":
    "The sandbox's MySQL connection does not run {statement}. Allowed statements: {allowed}",
  "sandboxSql.refused.executableComment":
    "Executable comments (/*! … */) are not supported in the sandbox; type the statement without them.",
  "sandboxSql.refused.clientCommand":
    "{command} is a mysql client command; the sandbox runs SQL statements only (ending in ; or \\G).",
  "sandboxSql.refused.masterUser":
    "The master user {user} is managed by the sandbox and cannot be changed or granted to. Create a separate user such as form_user, as the lab does.",
  "sandboxSql.refused.anonymousUser":
    "Anonymous users ('') are not supported in the sandbox; give the user a name.",
  "sandboxSql.refused.userOption":
    "In the sandbox, CREATE USER and ALTER USER only set a password: IDENTIFIED BY 'password' or IDENTIFIED WITH plugin BY 'password'.",
  "sandboxSql.refused.grantForm":
    "The sandbox supports GRANT … ON database.* TO user and the matching REVOKE only (no roles, no PROXY).",
  "sandboxSql.refused.showDatabasesWhere":
    "SHOW DATABASES WHERE … is not supported in the sandbox; use SHOW DATABASES or SHOW DATABASES LIKE 'pattern'.",
  "sandboxSql.refused.tooLong": "The input is too long: send at most {limit} characters at a time.",
  "sandboxSql.incomplete":
    "The statement is not finished: an unclosed {quote}, so nothing ran. Close the quote or comment and send it again.",
  ...commonEn,
  ...identityEn,
  ...recordsEn,
  ...healthEn,
  ...maintenanceEn,
  ...cleanupEn,
  ...cleanupEveryoneEn,
  ...consoleEn,
  ...awsModesEn,
};
