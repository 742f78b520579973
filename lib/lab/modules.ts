import { readComputeSnapshot } from "@/lib/aws/compute";
import type { ComputeSnapshot } from "@/lib/aws/types";
import { ec2LaunchStep } from "@/lib/lab/steps/ec2-launch";
import { elasticIpStep } from "@/lib/lab/steps/elastic-ip";
import { sshAccessStep } from "@/lib/lab/steps/ssh-access";
import { webAppStep } from "@/lib/lab/steps/web-app";
import type { ModuleDefinition, StepDefinition } from "@/lib/lab/types";

export const computeModule: ModuleDefinition<ComputeSnapshot> = {
  id: "compute",
  readSnapshot: readComputeSnapshot,
  steps: [ec2LaunchStep, elasticIpStep, sshAccessStep, webAppStep],
};

// Snapshot types differ per module; the registry only needs to pair a step with its own module.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyModule = ModuleDefinition<any>;

export const labModules: AnyModule[] = [computeModule];

export function findModule(moduleId: string): AnyModule | undefined {
  return labModules.find((candidate) => candidate.id === moduleId);
}

export function findStep(
  stepId: string,
): { module: AnyModule; step: StepDefinition<unknown> } | undefined {
  for (const labModule of labModules) {
    const step = labModule.steps.find((candidate) => candidate.id === stepId);
    if (step) return { module: labModule, step };
  }
  return undefined;
}
