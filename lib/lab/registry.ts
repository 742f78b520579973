import { appDbStep } from "@/lib/lab/steps/app-db";
import { appS3Step } from "@/lib/lab/steps/app-s3";
import { cleanupStep } from "@/lib/lab/steps/cleanup";
import { ec2LaunchStep } from "@/lib/lab/steps/ec2-launch";
import { failoverRoutingStep } from "@/lib/lab/steps/failover-routing";
import { elasticIpStep } from "@/lib/lab/steps/elastic-ip";
import { healthCheckStep } from "@/lib/lab/steps/health-check";
import { iamPolicyStep } from "@/lib/lab/steps/iam-policy";
import { iamRoleStep } from "@/lib/lab/steps/iam-role";
import { iamUserStep } from "@/lib/lab/steps/iam-user";
import { maintenancePageStep } from "@/lib/lab/steps/maintenance-page";
import { mysqlAccessStep } from "@/lib/lab/steps/mysql-access";
import { mysqlSetupStep } from "@/lib/lab/steps/mysql-setup";
import { presignedStep } from "@/lib/lab/steps/presigned";
import { publicAccessStep } from "@/lib/lab/steps/public-access";
import { rdsCreateStep } from "@/lib/lab/steps/rds-create";
import { rdsFailoverStep } from "@/lib/lab/steps/rds-failover";
import { route53RecordStep } from "@/lib/lab/steps/route53-record";
import { s3101Step } from "@/lib/lab/steps/s3-101";
import { s3BucketStep } from "@/lib/lab/steps/s3-bucket";
import { sshAccessStep } from "@/lib/lab/steps/ssh-access";
import { switchRoleStep } from "@/lib/lab/steps/switch-role";
import { webAppStep } from "@/lib/lab/steps/web-app";
import type { LabStep } from "@/lib/lab/types";

/** Step id → definition. Which module a step is in, and in what order, comes from content. */
export const stepRegistry: ReadonlyMap<string, LabStep> = new Map(
  [
    ec2LaunchStep,
    elasticIpStep,
    sshAccessStep,
    webAppStep,
    rdsCreateStep,
    rdsFailoverStep,
    mysqlAccessStep,
    mysqlSetupStep,
    appDbStep,
    s3BucketStep,
    s3101Step,
    appS3Step,
    iamRoleStep,
    iamPolicyStep,
    publicAccessStep,
    presignedStep,
    cleanupStep,
    route53RecordStep,
    failoverRoutingStep,
    iamUserStep,
    switchRoleStep,
    maintenancePageStep,
    healthCheckStep,
  ].map((step): [string, LabStep] => [step.id, step]),
);

export function isKnownStep(stepId: string): boolean {
  return stepRegistry.has(stepId);
}

export class UnknownStepError extends Error {
  override name = "UnknownStepError";
}

export function stepDefinition(stepId: string): LabStep {
  const step = stepRegistry.get(stepId);
  if (!step) throw new UnknownStepError(`no step definition for "${stepId}"`);
  return step;
}
