import type { MessageKey } from "@/messages";
import type { CheckItem, MessageParams, MessageRef, Operation, PlanEntry } from "@/lib/lab/types";

export const msg = (key: MessageKey, params?: MessageParams): MessageRef =>
  params ? { key, params } : { key };

const item =
  (status: CheckItem["status"]) =>
  (id: string, message: MessageRef, fix?: MessageRef): CheckItem =>
    fix ? { id, status, message, fix } : { id, status, message };

export const pass = item("pass");
export const warn = item("warn");
export const fail = item("fail");
export const pending = item("pending");
export const unobservable = item("unobservable");

const note =
  (kind: "exists" | "manual" | "blocked") =>
  (id: string, message: MessageRef): PlanEntry => ({ id, kind, message });

export const exists = note("exists");
export const manual = note("manual");
export const blocked = note("blocked");

const action =
  (kind: "create" | "remove" | "update") =>
  (id: string, message: MessageRef, done: MessageRef, run: Operation): PlanEntry => ({
    id,
    kind,
    message,
    done,
    run,
  });

export const create = action("create");
export const remove = action("remove");
export const update = action("update");
