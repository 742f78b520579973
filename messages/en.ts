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
    "You can download the private key once, now. The portal never stores it in plaintext.",
  "status.title": "Live status",
  "status.refreshing": "Refreshing…",
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

  "check.common.needsWeb":
    "There is no Web instance yet. Finish step 1 (Launch an EC2 instance) first.",
  "plan.common.needsWeb": "Needs the Web instance. Finish step 1 first.",
  "check.common.needsGroup": "Security group {group} doesn't exist yet. Finish step 1 first.",
  "plan.common.needsGroup": "Needs security group {group}. Finish step 1 first.",
  "check.ec2.instance.missing": "No instance has the tag Name=Web.",
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
  "check.ec2.userData.present": "User data is set.",
  "check.ec2.userData.missing": "User data is empty, so the sample app won't be installed.",
  "fix.ec2.userData":
    "Stop the instance, paste this page's script in **Actions** → **Instance settings** → **Edit user data**, then start it again.",
  "check.sg.missing": "Security group {group} doesn't exist.",
  "fix.sg.missing":
    "When launching the instance, create a new security group {group} under **Network settings**.",
  "check.sg.attached": "Security group {group} ({id}) is attached to Web.",
  "check.sg.exists": "Security group {group} ({id}) exists.",
  "check.sg.notAttached": "Security group {group} is not attached to the Web instance.",
  "fix.sg.notAttached":
    "Select Web, then **Actions** → **Security** → **Change security groups** and add {group}.",
  "check.sg.noOpenSsh": "{group} has no SSH (22) rule from 0.0.0.0/0.",
  "check.sg.openSsh": "{group} allows port 22 (SSH) from 0.0.0.0/0 (anywhere).",
  "fix.sg.openSsh":
    "In **Edit inbound rules**, delete the SSH rule whose source is 0.0.0.0/0. Step 3 opens SSH to your IP only.",
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
  "check.eip.idle":
    "{count} Elastic IP(s) are not associated ({ips}). They are billed by the hour even when idle.",
  "fix.eip.release":
    "Select the unused Elastic IP and choose **Actions** → **Release Elastic IP addresses**.",
  "plan.eip.exists": "Elastic IP {ip}: already associated with Web.",
  "plan.eip.reuse": "Associate the idle Elastic IP {ip} with Web (no new allocation).",
  "plan.eip.waitForRunning": "Web is still {state}. Try again once it is running.",
  "plan.eip.allocate": "Allocate a new Elastic IP and associate it with Web.",
  "check.ssh.ipUnknown": "Your IP address is unknown, so the SSH rule can't be checked.",
  "check.ssh.myIp": "{group} allows SSH (22) from your IP {cidr}.",
  "check.ssh.otherIp":
    "{group} allows SSH only from {cidrs}. Your IP is now {cidr} (your network may have changed).",
  "check.ssh.noRule": "{group} has no SSH (22) rule from your IP {cidr}.",
  "fix.ssh.addMyIp":
    "**Edit inbound rules** → **Add rule**: type SSH, source **My IP** ({cidr}), description Saltware.",
  "check.ssh.description.ok": "The SSH rule's description is Saltware.",
  "check.ssh.description.wrong": "The SSH rule's description is not Saltware (now: {description}).",
  "fix.ssh.description": "In **Edit inbound rules**, set the rule's **Description** to Saltware.",
  "plan.ssh.ipUnknown": "Your IP address is unknown, so no rule can be added.",
  "plan.ssh.add": "Add an SSH (22) rule to {group}: source {cidr}, description Saltware.",
  "plan.ssh.exists": "SSH rule for your IP {cidr}: already exists.",
  "plan.ssh.descriptionManual": "Changing the rule's description to Saltware is up to you.",
  "check.web.http.open": "{group} allows HTTP (80) from anywhere.",
  "check.web.http.restricted":
    "{group} allows HTTP (80) only from {sources}. Nobody else can reach the web app.",
  "check.web.http.missing": "{group} has no HTTP (80) inbound rule.",
  "fix.web.http":
    "**Edit inbound rules** → **Add rule**: type HTTP, source **Anywhere-IPv4** (0.0.0.0/0).",
  "check.web.app.ok": "The sample app answers at {url}.",
  "check.web.app.sandboxOk":
    "The sample app answers. In the sandbox the portal checked the local copy at {url} instead of EC2.",
  "check.web.app.sandboxUnmapped":
    "Can't be observed in the sandbox: emulated instances don't really run, and this portal has no sample app address (SANDBOX_APP_URL) configured.",
  "check.web.app.noAddress":
    "The Web instance has no public IP, so the app can't be checked. Finish step 2 (Elastic IP) first.",
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

  "instructor.title": "Instructor dashboard",
  "instructor.joinCode": "Join code",
  "instructor.endsAt": "Ends",
  "instructor.attendees": "{count} attendee(s)",
  "instructor.noAttendees": "No attendees yet.",
  "instructor.attendee": "Attendee",
  "instructor.lastSeen": "Last seen",
};
