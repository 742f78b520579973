import { describe, expect, it } from "vitest";
import {
  emptyJournal,
  labInventory,
  resourceKey,
  type CleanupScan,
  type RegionScan,
} from "@/lib/lab/cleanup-inventory";
import { costPerHour } from "@/lib/lab/prices";
import { cleanupStep } from "@/lib/lab/steps/cleanup";
import {
  cleanupScan,
  context,
  facts,
  memoryStore,
  webGroup,
  webInstance,
} from "./snapshot-fixtures";

const region = (overrides: Partial<RegionScan> = {}): RegionScan => ({
  region: "ap-northeast-2",
  instances: [],
  securityGroups: [],
  keyPairs: [],
  addresses: [],
  dbInstances: [],
  topics: [],
  alarms: [],
  ...overrides,
});

const scan = (overrides: Partial<CleanupScan> = {}) =>
  cleanupScan({ regions: [region(), region({ region: "us-east-1" })], ...overrides });

const group = (id: string, name: string, tags: Record<string, string> = {}) => ({
  ...webGroup(),
  id,
  name,
  tags,
});

describe("what clean-up counts as the lab's", () => {
  it("takes launch-wizard groups only on Web, portal-tagged groups, never default or others", () => {
    const inventory = labInventory(
      scan({
        regions: [
          region({
            instances: [
              webInstance({
                securityGroups: [
                  { id: "sg-web", name: "web-server-sg" },
                  { id: "sg-lw1", name: "launch-wizard-1" },
                ],
              }),
              webInstance({
                id: "i-other",
                name: "Other",
                securityGroups: [{ id: "sg-lw2", name: "launch-wizard-2" }],
              }),
            ],
            securityGroups: [
              group("sg-web", "web-server-sg"),
              group("sg-lw1", "launch-wizard-1"),
              group("sg-lw2", "launch-wizard-2"),
              group("sg-default", "default", { "aws101:event": "e" }),
              group("sg-mine", "my-sg"),
              group("sg-tagged", "renamed", { "aws101:attendee": "attendee-1" }),
            ],
          }),
        ],
      }),
      { journal: emptyJournal() },
    );
    expect(inventory.resources.map((resource) => resource.id)).toEqual([
      "i-web",
      "sg-web",
      "sg-lw1",
      "sg-tagged",
    ]);
  });

  it("finds again what an earlier run claimed, once the convention no longer shows it", () => {
    const journal = emptyJournal();
    journal.resources[resourceKey("security-group", "own", "ap-northeast-2", "sg-lw1")] = {
      kind: "security-group",
      account: "own",
      region: "ap-northeast-2",
      id: "sg-lw1",
      name: "launch-wizard-1",
      costPerHour: 0,
      state: "claimed",
      at: "2026-11-27T01:00:00.000Z",
    };
    const inventory = labInventory(
      scan({ regions: [region({ securityGroups: [group("sg-lw1", "launch-wizard-1")] })] }),
      { journal },
    );
    expect(inventory.resources.map((resource) => resource.id)).toEqual(["sg-lw1"]);
  });

  it("lists a lab-named bucket with objects the lab never writes, until the attendee confirms it", () => {
    const buckets = [
      {
        name: "awslab-s3-a",
        region: "ap-northeast-2",
        contents: { versions: 3, deleteMarkers: 1, keys: ["hello.txt", "uploads/x/a.png"] },
      },
      {
        name: "awslab-s3-b",
        region: "ap-northeast-2",
        contents: { versions: 1, deleteMarkers: 0, keys: ["thesis.docx"] },
      },
      {
        name: "photos",
        region: "ap-northeast-2",
        contents: { versions: 1, deleteMarkers: 0, keys: ["x"] },
      },
    ];
    const unconfirmed = labInventory(scan({ buckets }), { journal: emptyJournal() });
    expect(unconfirmed.resources.map((resource) => resource.id)).toEqual(["awslab-s3-a"]);
    expect(unconfirmed.ambiguous).toEqual([
      expect.objectContaining({ name: "awslab-s3-b", foreignKeys: ["thesis.docx"] }),
    ]);
    const confirmed = labInventory(scan({ buckets }), {
      journal: { ...emptyJournal(), confirmed: ["awslab-s3-b"] },
    });
    expect(confirmed.resources.map((resource) => resource.id)).toEqual([
      "awslab-s3-a",
      "awslab-s3-b",
    ]);
  });

  it("finds the IAM user the attendee made by the iam-user step's rule, asks about doubtful ones", () => {
    const joined = "2026-12-01T09:00:00.500Z";
    const made = (
      name: string,
      createdAt: string,
      shape: { console?: boolean; admin?: "direct" | "group" } = {},
    ) => ({
      name,
      arn: `arn:aws:iam::123456789012:user/${name}`,
      createdAt,
      ...(shape.console ? { loginProfile: { passwordResetRequired: false } } : {}),
      policies: shape.admin === "direct" ? ["AdministratorAccess"] : [],
      groups:
        shape.admin === "group" ? [{ name: "admins", policies: ["AdministratorAccess"] }] : [],
    });
    const during = "2026-12-01T09:00:00.000Z";
    const consoleUsers = [
      made("jisoo", during, { console: true, admin: "group" }),
      made("deploy-bot", "2026-12-01T09:20:00.000Z"),
      made("old-admin", "2026-11-30T08:00:00.000Z", { console: true, admin: "direct" }),
    ];
    const users = [...consoleUsers, made("accountant", "2025-01-01T00:00:00.000Z")].map(
      ({ name, arn }) => ({ name, arn }),
    );
    const inventory = labInventory(scan({ users }), {
      journal: emptyJournal(),
      consoleUsers,
      since: joined,
    });
    expect(inventory.resources.map((resource) => resource.id)).toEqual(["jisoo"]);
    expect(inventory.ambiguousUsers).toEqual([
      expect.objectContaining({ name: "deploy-bot", why: "incomplete" }),
    ]);

    const twoAdmins = [
      ...consoleUsers,
      made("jisoo2", "2026-12-01T10:00:00.000Z", { console: true, admin: "direct" }),
    ];
    const several = labInventory(
      scan({ users: [...users, { name: "jisoo2", arn: "arn:aws:iam::123456789012:user/jisoo2" }] }),
      {
        journal: { ...emptyJournal(), confirmed: ["user:deploy-bot"] },
        consoleUsers: twoAdmins,
        since: joined,
        principalArn: "arn:aws:iam::123456789012:user/jisoo2",
      },
    );
    expect(several.resources.map((resource) => resource.id)).toEqual(["jisoo", "deploy-bot"]);
    expect(several.ambiguousUsers).toEqual([]);

    // a1 of two administrators confirmed and deleted: a2 is still asked about, never taken as the only one.
    const afterOne = labInventory(
      scan({ users: [{ name: "jisoo2", arn: "arn:aws:iam::123456789012:user/jisoo2" }] }),
      {
        journal: {
          resources: {
            [resourceKey("user", "own", "global", "jisoo")]: {
              kind: "user",
              account: "own",
              region: "global",
              id: "jisoo",
              name: "jisoo",
              costPerHour: 0,
              state: "deleted",
              at: "2026-12-01T11:00:00.000Z",
            },
          },
          confirmed: ["user:jisoo"],
        },
        consoleUsers: twoAdmins.filter((user) => user.name === "jisoo2"),
        since: joined,
      },
    );
    expect(afterOne.resources).toEqual([]);
    expect(afterOne.ambiguousUsers).toEqual([
      expect.objectContaining({ name: "jisoo2", why: "several" }),
    ]);

    const unknownJoin = labInventory(scan({ users }), { journal: emptyJournal(), consoleUsers });
    expect(unknownJoin.resources).toEqual([]);
    expect(unknownJoin.ambiguousUsers).toEqual([]);
  });

  it("never deletes the user the portal acts as, and asks which of several administrators go", () => {
    const user = (name: string) => ({
      name,
      arn: `arn:aws:iam::123456789012:user/${name}`,
      createdAt: "2026-12-01T10:00:00.000Z",
      loginProfile: { passwordResetRequired: false },
      policies: ["AdministratorAccess"],
      groups: [],
    });
    const consoleUsers = [user("a1"), user("a2"), user("awslab-user")];
    const inventory = labInventory(
      scan({ users: consoleUsers.map(({ name, arn }) => ({ name, arn })) }),
      {
        journal: emptyJournal(),
        consoleUsers,
        since: "2026-12-01T09:00:00.000Z",
        principalArn: "arn:aws:iam::123456789012:user/awslab-user",
      },
    );
    expect(inventory.resources).toEqual([]);
    expect(inventory.ambiguousUsers.map(({ name, why }) => `${name} ${why}`)).toEqual([
      "a1 several",
      "a2 several",
      "awslab-user kept",
    ]);
  });

  it("prices Web without its own address once an Elastic IP is on it", () => {
    const withEip = costPerHour({
      kind: "instance",
      region: "ap-northeast-2",
      instanceType: "t3.micro",
      running: true,
      ownPublicIp: false,
    });
    const without = costPerHour({
      kind: "instance",
      region: "ap-northeast-2",
      instanceType: "t3.micro",
      running: true,
      ownPublicIp: true,
    });
    expect(without - withEip).toBeCloseTo(0.005);
    expect(
      costPerHour({
        kind: "db-instance",
        region: "ap-northeast-2",
        instanceClass: "db.t3.micro",
        multiAz: true,
        storageGiB: 20,
      }),
    ).toBeCloseTo(0.0592, 3);
  });
});

describe("the clean-up check", () => {
  it("shows progress while the DB is being deleted, and why a group could not be deleted", async () => {
    const store = memoryStore({
      cleanup: {
        resources: {
          [resourceKey("security-group", "own", "ap-northeast-2", "sg-web")]: {
            kind: "security-group",
            account: "own",
            region: "ap-northeast-2",
            id: "sg-web",
            name: "web-server-sg (sg-web)",
            costPerHour: 0,
            state: "failed",
            code: "DependencyViolation",
            at: new Date().toISOString(),
          },
        },
        confirmed: [],
      },
    });
    const items = await cleanupStep.check(
      facts({
        cleanupScan: scan({
          regions: [
            region({
              securityGroups: [group("sg-web", "web-server-sg")],
              dbInstances: [
                {
                  id: "awslab",
                  status: "deleting",
                  multiAz: true,
                  publiclyAccessible: false,
                  securityGroupIds: [],
                  tags: {},
                },
              ],
            }),
          ],
        }),
      }),
      context({ memory: store.memory }),
    );
    expect(items.map((item) => [item.status, item.message.key, item.fix?.key])).toEqual([
      ["pending", "check.cleanup.busy.db", undefined],
      ["fail", "check.cleanup.left.security-group", "fix.cleanup.inUse"],
    ]);
    expect(items[0]?.progress).toMatchObject({ status: "deleting", etaMinutes: 10 });
  });

  it("passes with nothing left and says what the day no longer costs", async () => {
    const store = memoryStore({
      cleanup: {
        resources: {
          [resourceKey("db-instance", "own", "ap-northeast-2", "awslab")]: {
            kind: "db-instance",
            account: "own",
            region: "ap-northeast-2",
            id: "awslab",
            name: "awslab",
            costPerHour: 0.06,
            state: "started",
            at: "2026-11-27T01:00:00.000Z",
          },
        },
        confirmed: [],
      },
    });
    const items = await cleanupStep.check(facts(), context({ memory: store.memory }));
    expect(items.map((item) => [item.status, item.message])).toEqual([
      ["pass", { key: "check.cleanup.none", params: { regions: "ap-northeast-2, us-east-1" } }],
      ["pass", { key: "check.cleanup.avoided", params: { day: "1.44", hour: "0.0600" } }],
    ]);
  });
});
