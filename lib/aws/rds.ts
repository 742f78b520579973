import "server-only";
import {
  CreateDBInstanceCommand,
  DescribeDBInstancesCommand,
  DescribeEventsCommand,
  ModifyDBInstanceCommand,
  RebootDBInstanceCommand,
  type DBInstance,
} from "@aws-sdk/client-rds";
import type { AwsClients } from "@/lib/aws/client";
import { awsCall } from "@/lib/aws/errors";
import type { DbEventSummary, DbInstanceSummary, ResourceTags } from "@/lib/aws/types";

/** The portal's view of one DescribeDBInstances entry. */
export function toDbInstanceSummary(db: DBInstance): DbInstanceSummary | undefined {
  if (!db.DBInstanceIdentifier) return undefined;
  return {
    id: db.DBInstanceIdentifier,
    engine: db.Engine,
    engineVersion: db.EngineVersion,
    instanceClass: db.DBInstanceClass,
    status: db.DBInstanceStatus,
    multiAz: db.MultiAZ === true,
    ...(db.PendingModifiedValues?.MultiAZ !== undefined
      ? { pendingMultiAz: db.PendingModifiedValues.MultiAZ }
      : {}),
    publiclyAccessible: db.PubliclyAccessible === true,
    storageType: db.StorageType,
    allocatedStorageGiB: db.AllocatedStorage,
    maxAllocatedStorageGiB: db.MaxAllocatedStorage,
    securityGroupIds: (db.VpcSecurityGroups ?? []).flatMap((group) =>
      group.VpcSecurityGroupId ? [group.VpcSecurityGroupId] : [],
    ),
    subnetGroup: db.DBSubnetGroup?.DBSubnetGroupName,
    vpcId: db.DBSubnetGroup?.VpcId,
    masterUsername: db.MasterUsername,
    endpoint:
      db.Endpoint?.Address && db.Endpoint.Port
        ? { address: db.Endpoint.Address, port: db.Endpoint.Port }
        : undefined,
    availabilityZone: db.AvailabilityZone,
    secondaryAvailabilityZone: db.SecondaryAvailabilityZone,
    createdAt: db.InstanceCreateTime ? new Date(db.InstanceCreateTime).toISOString() : undefined,
    tags: Object.fromEntries(
      (db.TagList ?? []).flatMap((tag) => (tag.Key ? [[tag.Key, tag.Value ?? ""]] : [])),
    ),
  };
}

export async function readDbInstances(aws: AwsClients): Promise<DbInstanceSummary[]> {
  const result = await awsCall("rds:DescribeDBInstances", () =>
    aws.rds().send(new DescribeDBInstancesCommand({})),
  );
  return (result.DBInstances ?? []).flatMap((db) => toDbInstanceSummary(db) ?? []);
}

/** RDS keeps events for 14 days; a workshop day is enough. */
const EVENT_WINDOW_MINUTES = 24 * 60;

/** The instance's events of the last day, oldest first: one call. */
export async function readDbEvents(
  aws: AwsClients,
  dbInstanceId: string,
): Promise<DbEventSummary[]> {
  const result = await awsCall("rds:DescribeEvents", () =>
    aws.rds().send(
      new DescribeEventsCommand({
        SourceType: "db-instance",
        SourceIdentifier: dbInstanceId,
        Duration: EVENT_WINDOW_MINUTES,
      }),
    ),
  );
  return (result.Events ?? [])
    .flatMap((event): DbEventSummary[] =>
      event.Date
        ? [
            {
              date: new Date(event.Date).toISOString(),
              message: event.Message ?? "",
              categories: event.EventCategories ?? [],
            },
          ]
        : [],
    )
    .sort((a, b) => a.date.localeCompare(b.date));
}

export type NewDbInstance = {
  id: string;
  engineVersion: string;
  instanceClass: string;
  allocatedStorageGiB: number;
  maxAllocatedStorageGiB: number;
  storageType: string;
  masterUsername: string;
  masterPassword: string;
  securityGroupId: string;
  tags: ResourceTags;
};

/**
 * A Multi-AZ (one standby) MySQL instance in the default VPC, not publicly accessible. No subnet
 * group is named, so RDS uses the default VPC's, as the console's "default" does.
 */
export async function createDbInstance(aws: AwsClients, input: NewDbInstance) {
  await awsCall("rds:CreateDBInstance", () =>
    aws.rds().send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: input.id,
        Engine: "mysql",
        EngineVersion: input.engineVersion,
        DBInstanceClass: input.instanceClass,
        AllocatedStorage: input.allocatedStorageGiB,
        MaxAllocatedStorage: input.maxAllocatedStorageGiB,
        StorageType: input.storageType,
        MultiAZ: true,
        PubliclyAccessible: false,
        MasterUsername: input.masterUsername,
        MasterUserPassword: input.masterPassword,
        VpcSecurityGroupIds: [input.securityGroupId],
        DeletionProtection: false,
        Tags: Object.entries(input.tags).map(([Key, Value]) => ({ Key, Value })),
      }),
    ),
  );
}

export type DbChange = {
  multiAz?: boolean;
  publiclyAccessible?: boolean;
  securityGroupIds?: string[];
};

/** Applied at once, not in the next maintenance window: the attendee is waiting for it. */
export async function modifyDbInstance(aws: AwsClients, dbInstanceId: string, change: DbChange) {
  await awsCall("rds:ModifyDBInstance", () =>
    aws.rds().send(
      new ModifyDBInstanceCommand({
        DBInstanceIdentifier: dbInstanceId,
        ApplyImmediately: true,
        ...(change.multiAz !== undefined ? { MultiAZ: change.multiAz } : {}),
        ...(change.publiclyAccessible !== undefined
          ? { PubliclyAccessible: change.publiclyAccessible }
          : {}),
        ...(change.securityGroupIds ? { VpcSecurityGroupIds: change.securityGroupIds } : {}),
      }),
    ),
  );
}

/** The console's "Reboot with failover": the standby becomes the primary. */
export async function rebootWithFailover(aws: AwsClients, dbInstanceId: string) {
  await awsCall("rds:RebootDBInstance", () =>
    aws
      .rds()
      .send(
        new RebootDBInstanceCommand({ DBInstanceIdentifier: dbInstanceId, ForceFailover: true }),
      ),
  );
}
