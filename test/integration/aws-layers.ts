import { DescribeInstancesCommand, EC2Client } from "@aws-sdk/client-ec2";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { installClientHookForTests } from "@/lib/aws/client";
import { emulatorEndpoint } from "./emulator";

type Handler = (args: { input: Record<string, unknown> }) => Promise<{ output: unknown }>;
type Middleware = (
  next: Handler,
  context: { clientName?: string; commandName?: string },
) => (args: { input: Record<string, unknown> }) => Promise<{ output: unknown }>;
type HookedClient = {
  middlewareStack: {
    add: (
      middleware: Middleware,
      options: { step: string; name: string; priority?: "high" | "normal" | "low" },
    ) => void;
  };
  config: { region: () => Promise<string>; credentials: unknown };
};

export type Call = { service: string; operation: string; input: Record<string, unknown> };

/** An error as the SDK builds it from an AWS error answer. */
export function awsError(code: string, message: string, httpStatusCode = 400): Error {
  return Object.assign(new Error(message), {
    name: code,
    Code: code,
    $fault: "client" as const,
    $metadata: { httpStatusCode },
  });
}

const callOf = (
  context: { clientName?: string; commandName?: string },
  input: Record<string, unknown>,
): Call => ({
  service: (context.clientName ?? "").replace(/Client$/, ""),
  operation: (context.commandName ?? "").replace(/Command$/, ""),
  input,
});

/**
 * Answers chosen calls with an AWS error. Installed inside the SDK's retry, so `fault` is asked
 * once per attempt; `attempts` records what each call's final `$metadata.attempts` said.
 */
let installed = 0;

export function injectFaults(fault: (call: Call) => Error | undefined) {
  installed += 1;
  const names = { faults: `testFaults${installed}`, attempts: `testAttempts${installed}` };
  const attempts: { operation: string; attempts: number | undefined; error?: string }[] = [];
  let injected = 0;
  const uninstall = installClientHookForTests((client) => {
    const stack = (client as HookedClient).middlewareStack;
    stack.add(
      (next, context) => async (args) => {
        const error = fault(callOf(context, args.input));
        if (error) {
          injected += 1;
          throw error;
        }
        return next(args);
      },
      { step: "finalizeRequest", name: names.faults, priority: "low" },
    );
    stack.add(
      (next, context) => async (args) => {
        const { operation } = callOf(context, args.input);
        try {
          const result = await next(args);
          const metadata = (result.output as { $metadata?: { attempts?: number } }).$metadata;
          attempts.push({ operation, attempts: metadata?.attempts });
          return result;
        } catch (error) {
          const named = error as { name?: string; $metadata?: { attempts?: number } };
          attempts.push({ operation, attempts: named.$metadata?.attempts, error: named.name });
          throw error;
        }
      },
      { step: "initialize", name: names.attempts },
    );
  });
  return { uninstall, attempts, injected: () => injected };
}

export type RealismTimings = {
  /** RunInstances → DescribeInstances says `pending` (AWS: 10–60 s). */
  instancePendingMs: number;
  /** RunInstances → listing and filtering describes don't show it yet (AWS: eventual consistency). */
  instanceListLagMs: number;
  /** TerminateInstances → `shutting-down`, and its groups can't be deleted (AWS: up to minutes). */
  instanceShuttingDownMs: number;
  /** CreateDBInstance → `creating`, without an endpoint (AWS: 5–15 min). */
  rdsCreatingMs: number;
  /** Then `backing-up`, the first automated snapshot (AWS: a few minutes). */
  rdsBackingUpMs: number;
  /** DeleteDBInstance → `deleting`, its groups still in use (AWS: 5–10 min). */
  rdsDeletingMs: number;
  /** CreateInstanceProfile / AddRoleToInstanceProfile → EC2 does not know the profile (AWS: ~10 s). */
  profilePropagationMs: number;
};

export const TEST_TIMINGS: RealismTimings = {
  instancePendingMs: 5_000,
  instanceListLagMs: 2_000,
  instanceShuttingDownMs: 3_000,
  rdsCreatingMs: 3_000,
  rdsBackingUpMs: 2_000,
  rdsDeletingMs: 3_000,
  profilePropagationMs: 4_000,
};

export type RealismCounts = {
  pendingInstances: number;
  unlistedInstances: number;
  shuttingDownInstances: number;
  creatingDatabases: number;
  backingUpDatabases: number;
  deletingDatabases: number;
  busyDatabaseRefusals: number;
  profileRefusals: number;
  dependencyViolations: number;
  pendingInstanceRefusals: number;
  takenBucketNames: number;
};

type Instance = { InstanceId?: string; State?: { Code?: number; Name?: string } };
type Reservations = { Reservations?: { Instances?: Instance[] }[] };
type DbInstance = {
  DBInstanceIdentifier?: string;
  DBInstanceStatus?: string;
  DBInstanceArn?: string;
  Endpoint?: unknown;
  VpcSecurityGroups?: { VpcSecurityGroupId?: string }[];
};

const profileNameOf = (profile: unknown): string | undefined => {
  const { Name, Arn } = (profile ?? {}) as { Name?: string; Arn?: string };
  return Name ?? Arn?.split("/").pop();
};

/**
 * The realism layer: makes the (instant, consistent) emulator answer where AWS is slow or
 * eventually consistent, on every client the factory makes while installed. Tests only.
 */
export function installRealism(
  options: { timings?: Partial<RealismTimings>; bucketTaken?: (name: string) => boolean } = {},
) {
  const timings = { ...TEST_TIMINGS, ...options.timings };
  const launched = new Map<string, number>();
  const terminated = new Map<string, number>();
  const databases = new Map<string, number>();
  const profiles = new Map<string, number>();
  /** Deleted databases moto no longer lists, by account|region|id, shown `deleting` a while. */
  const deleted = new Map<string, { at: number; db: DbInstance }>();
  const accounts = new Map<string, Promise<string>>();
  const counts: RealismCounts = {
    pendingInstances: 0,
    unlistedInstances: 0,
    shuttingDownInstances: 0,
    creatingDatabases: 0,
    backingUpDatabases: 0,
    deletingDatabases: 0,
    busyDatabaseRefusals: 0,
    profileRefusals: 0,
    dependencyViolations: 0,
    pendingInstanceRefusals: 0,
    takenBucketNames: 0,
  };
  const younger = (since: number | undefined, ms: number) =>
    since !== undefined && Date.now() - since < ms;

  function refuseUnknownProfile(profile: unknown) {
    const name = profileNameOf(profile);
    if (!name || !younger(profiles.get(name), timings.profilePropagationMs)) return;
    counts.profileRefusals += 1;
    const field = (profile as { Arn?: string }).Arn ? "arn" : "name";
    throw awsError(
      "InvalidParameterValue",
      `Value (${name}) for parameter iamInstanceProfile.${field} is invalid. Invalid IAM Instance Profile ${field}`,
    );
  }

  function dbStatus(db: DbInstance) {
    const created = databases.get(db.DBInstanceIdentifier ?? "");
    if (younger(created, timings.rdsCreatingMs)) return "creating";
    if (younger(created, timings.rdsCreatingMs + timings.rdsBackingUpMs)) return "backing-up";
    return undefined;
  }

  async function groupInUse(client: HookedClient, input: Record<string, unknown>) {
    // A client of its own, so the look is neither counted nor audited as the portal's call.
    const ec2 = new EC2Client({
      region: await client.config.region(),
      endpoint: emulatorEndpoint(),
      credentials: client.config.credentials as EC2Client["config"]["credentials"],
    });
    const filter = input.GroupId
      ? { Name: "instance.group-id", Values: [String(input.GroupId)] }
      : { Name: "instance.group-name", Values: [String(input.GroupName)] };
    const found = await ec2.send(new DescribeInstancesCommand({ Filters: [filter] }));
    ec2.destroy();
    return (found.Reservations ?? [])
      .flatMap((reservation) => reservation.Instances ?? [])
      .some(
        (instance) =>
          instance.State?.Name !== "terminated" ||
          younger(terminated.get(instance.InstanceId ?? ""), timings.instanceShuttingDownMs),
      );
  }

  /** The caller's account, asked once per access key with a client of the layer's own. */
  async function accountOf(client: HookedClient, region: string) {
    const provider = client.config.credentials as () => Promise<{
      accessKeyId: string;
      secretAccessKey: string;
      sessionToken?: string;
    }>;
    const credentials = await provider();
    let account = accounts.get(credentials.accessKeyId);
    if (!account) {
      const sts = new STSClient({ region, endpoint: emulatorEndpoint(), credentials });
      account = sts
        .send(new GetCallerIdentityCommand({}))
        .then((identity) => identity.Account ?? "")
        .finally(() => sts.destroy());
      accounts.set(credentials.accessKeyId, account);
    }
    return account;
  }

  async function deletingIn(client: HookedClient) {
    const region = await client.config.region();
    const prefix = `${await accountOf(client, region)}|${region}|`;
    return [...deleted]
      .filter(([key, ghost]) => key.startsWith(prefix) && younger(ghost.at, timings.rdsDeletingMs))
      .map(([, ghost]) => ({ ...ghost.db, DBInstanceStatus: "deleting" }));
  }

  type Filter = { Name?: string; Values?: string[] };

  /** The emulator filters on its own states: the state filter is applied after the rewrite. */
  function withoutStateFilter(input: Record<string, unknown>) {
    const filters = (input.Filters ?? []) as Filter[];
    const states = filters.find((filter) => filter.Name === "instance-state-name")?.Values;
    if (!states) return { input, states };
    const rest = filters.filter((filter) => filter.Name !== "instance-state-name");
    return { input: { ...input, Filters: rest }, states };
  }

  function keepStates(output: Reservations, states: string[]) {
    output.Reservations = (output.Reservations ?? [])
      .map((reservation) => ({
        ...reservation,
        Instances: (reservation.Instances ?? []).filter((instance) =>
          states.includes(instance.State?.Name ?? ""),
        ),
      }))
      .filter((reservation) => reservation.Instances.length > 0);
  }

  /** Only a describe by instance id sees an instance AWS has only just launched. */
  function hideNewInstances(output: Reservations) {
    for (const reservation of output.Reservations ?? []) {
      const shown = (reservation.Instances ?? []).filter(
        (instance) => !younger(launched.get(instance.InstanceId ?? ""), timings.instanceListLagMs),
      );
      counts.unlistedInstances += (reservation.Instances ?? []).length - shown.length;
      reservation.Instances = shown;
    }
    output.Reservations = (output.Reservations ?? []).filter(
      (reservation) => (reservation.Instances ?? []).length > 0,
    );
  }

  function rewriteInstances(output: Reservations) {
    for (const instance of (output.Reservations ?? []).flatMap((r) => r.Instances ?? [])) {
      const id = instance.InstanceId ?? "";
      if (
        instance.State?.Name === "running" &&
        younger(launched.get(id), timings.instancePendingMs)
      ) {
        instance.State = { Code: 0, Name: "pending" };
        counts.pendingInstances += 1;
      } else if (
        instance.State?.Name === "terminated" &&
        younger(terminated.get(id), timings.instanceShuttingDownMs)
      ) {
        instance.State = { Code: 32, Name: "shutting-down" };
        counts.shuttingDownInstances += 1;
      }
    }
  }

  function rewriteDatabases(output: { DBInstances?: DbInstance[] }) {
    for (const db of output.DBInstances ?? []) {
      const status = dbStatus(db);
      if (!status) continue;
      db.DBInstanceStatus = status;
      if (status === "creating") {
        delete db.Endpoint;
        counts.creatingDatabases += 1;
      } else counts.backingUpDatabases += 1;
    }
  }

  const uninstall = installClientHookForTests((client) => {
    const hooked = client as HookedClient;
    hooked.middlewareStack.add(
      (next, context) => async (args) => {
        const { service, operation, input } = callOf(context, args.input);
        const key = `${service}:${operation}`;
        switch (key) {
          case "EC2:RunInstances":
          case "EC2:AssociateIamInstanceProfile":
          case "EC2:ReplaceIamInstanceProfileAssociation":
            refuseUnknownProfile(input.IamInstanceProfile);
            break;
          case "EC2:DeleteSecurityGroup":
            if (
              (await groupInUse(hooked, input)) ||
              (await deletingIn(hooked)).some((db) =>
                (db.VpcSecurityGroups ?? []).some(
                  (group) => group.VpcSecurityGroupId === input.GroupId,
                ),
              )
            ) {
              counts.dependencyViolations += 1;
              throw awsError(
                "DependencyViolation",
                `resource ${String(input.GroupId ?? input.GroupName)} has a dependent object`,
              );
            }
            break;
          case "EC2:AssociateAddress": {
            const id = String(input.InstanceId ?? "");
            if (younger(launched.get(id), timings.instancePendingMs)) {
              counts.pendingInstanceRefusals += 1;
              throw awsError(
                "IncorrectInstanceState",
                `The pending instance '${id}' is not in a valid state for this operation.`,
              );
            }
            break;
          }
          case "RDS:RebootDBInstance":
          case "RDS:ModifyDBInstance": {
            const id = String(input.DBInstanceIdentifier);
            if (dbStatus({ DBInstanceIdentifier: id })) {
              counts.busyDatabaseRefusals += 1;
              throw awsError("InvalidDBInstanceState", `Instance ${id} is not in available state.`);
            }
            break;
          }
          case "S3:CreateBucket":
            if (options.bucketTaken?.(String(input.Bucket))) {
              counts.takenBucketNames += 1;
              throw awsError(
                "BucketAlreadyExists",
                "The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.",
                409,
              );
            }
            break;
        }
        if (key === "RDS:DescribeDBInstances") {
          const ghosts = await deletingIn(hooked);
          const asked = input.DBInstanceIdentifier;
          const shown = asked ? ghosts.filter((db) => db.DBInstanceIdentifier === asked) : ghosts;
          counts.deletingDatabases += shown.length;
          if (asked && shown.length > 0) return { output: { DBInstances: shown, $metadata: {} } };
          const result = await next(args);
          const output = result.output as { DBInstances?: DbInstance[] };
          rewriteDatabases(output);
          output.DBInstances = [...(output.DBInstances ?? []), ...shown];
          return result;
        }
        const stateFilter =
          key === "EC2:DescribeInstances"
            ? withoutStateFilter(input)
            : { input, states: undefined };
        const result = await next({ ...args, input: stateFilter.input });
        const output = result.output as Record<string, unknown>;
        const now = Date.now();
        switch (key) {
          case "EC2:RunInstances":
            for (const instance of (output.Instances ?? []) as Instance[]) {
              if (instance.InstanceId) launched.set(instance.InstanceId, now);
            }
            break;
          case "EC2:TerminateInstances":
            for (const id of (input.InstanceIds ?? []) as string[]) terminated.set(id, now);
            break;
          case "EC2:DescribeInstances":
            rewriteInstances(output as Reservations);
            if (!(input.InstanceIds as string[] | undefined)?.length) {
              hideNewInstances(output as Reservations);
            }
            if (stateFilter.states) keepStates(output as Reservations, stateFilter.states);
            break;
          case "IAM:CreateInstanceProfile":
          case "IAM:AddRoleToInstanceProfile":
            profiles.set(String(input.InstanceProfileName), now);
            break;
          case "RDS:CreateDBInstance":
            databases.set(String(input.DBInstanceIdentifier), now);
            break;
          case "RDS:DeleteDBInstance": {
            const db = output.DBInstance as DbInstance | undefined;
            const [, , , region, account] = (db?.DBInstanceArn ?? "").split(":");
            if (db) deleted.set(`${account}|${region}|${db.DBInstanceIdentifier}`, { at: now, db });
            break;
          }
        }
        return result;
      },
      { step: "initialize", name: "testRealism" },
    );
  });
  return { uninstall, counts, timings };
}
