/** The names the lab tells attendees to type: checks find hand-made resources by these. */
export const LAB = {
  instanceName: "Web",
  securityGroup: "web-server-sg",
  securityGroupDescription: "Web server for aws 101 lab",
  keyPair: "awslab",
  instanceType: "t3.micro",
  acceptedInstanceTypes: ["t3.micro", "t2.micro"],
  sshDescription: "Saltware",
  bucketPrefix: "awslab-s3-",
  /** Server access logs go to a bucket of their own: logging into the source bucket loops. */
  logsBucketPrefix: "awslab-logs-",
  /** The console names the instance profile after the role it creates it with. */
  role: "awslab-ec2-role",
  inlinePolicy: "awslab-s3-full-access",
  publicStatementSid: "AddPerm",
} as const;
