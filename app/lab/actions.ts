"use server";

import { z } from "zod";
import { attendeeAction } from "@/lib/auth/actions";
import { refusedAction } from "@/lib/lab/guard";
import { presentApply, presentCheck, presentPlan } from "@/lib/lab/present";
import { isKnownStep } from "@/lib/lab/registry";
import { applyStep, checkStep, planStep } from "@/lib/lab/runner";
import { attendeeRef, runnerEnvironment } from "@/lib/lab/runtime";

const stepInput = z.object({ stepId: z.string().max(64).refine(isKnownStep) });
const operationInput = stepInput.extend({ operation: z.enum(["do", "undo"]).default("do") });

export const checkStepAction = attendeeAction(stepInput, async ({ stepId }, session, t) => {
  const refused = await refusedAction(session, t, stepId);
  if (refused) return { ok: false, error: refused };
  const outcome = await checkStep(await runnerEnvironment(), await attendeeRef(session), stepId);
  if (!outcome) return { ok: false, error: t("join.error.invalid") };
  return { ok: true, data: presentCheck(outcome, t) };
});

export const planStepAction = attendeeAction(
  operationInput,
  async ({ stepId, operation }, session, t) => {
    const refused = await refusedAction(session, t, stepId);
    if (refused) return { ok: false, error: refused };
    const runtime = await runnerEnvironment();
    const outcome = await planStep(runtime, await attendeeRef(session), stepId, operation);
    return { ok: true, data: presentPlan(outcome, t) };
  },
);

export const applyStepAction = attendeeAction(operationInput, async (input, session, t) => {
  const refused = await refusedAction(session, t, input.stepId);
  if (refused) return { ok: false, error: refused };
  const { stepId, operation } = input;
  const runtime = await runnerEnvironment();
  const attendee = await attendeeRef(session);
  const outcome = await applyStep(runtime, attendee, stepId, operation);
  const check = outcome.problem ? undefined : await checkStep(runtime, attendee, stepId);
  return { ok: true, data: presentApply(outcome, t, check ? presentCheck(check, t) : undefined) };
});
