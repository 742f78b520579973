import "server-only";
import { DescribeDBInstancesCommand } from "@aws-sdk/client-rds";
import type { AwsClients } from "@/lib/aws/client";
import { awsCall } from "@/lib/aws/errors";
import type { DbInstanceSummary } from "@/lib/aws/types";

export async function readDbInstances(aws: AwsClients): Promise<DbInstanceSummary[]> {
  const result = await awsCall("rds:DescribeDBInstances", () =>
    aws.rds().send(new DescribeDBInstancesCommand({})),
  );
  return (result.DBInstances ?? []).flatMap((db): DbInstanceSummary[] =>
    db.DBInstanceIdentifier
      ? [
          {
            id: db.DBInstanceIdentifier,
            engine: db.Engine,
            engineVersion: db.EngineVersion,
            instanceClass: db.DBInstanceClass,
            status: db.DBInstanceStatus,
            multiAz: db.MultiAZ === true,
            publiclyAccessible: db.PubliclyAccessible === true,
            storageType: db.StorageType,
            allocatedStorageGiB: db.AllocatedStorage,
            maxAllocatedStorageGiB: db.MaxAllocatedStorage,
            securityGroupIds: (db.VpcSecurityGroups ?? []).flatMap((group) =>
              group.VpcSecurityGroupId ? [group.VpcSecurityGroupId] : [],
            ),
            subnetGroup: db.DBSubnetGroup?.DBSubnetGroupName,
            masterUsername: db.MasterUsername,
            endpoint:
              db.Endpoint?.Address && db.Endpoint.Port
                ? { address: db.Endpoint.Address, port: db.Endpoint.Port }
                : undefined,
            tags: Object.fromEntries(
              (db.TagList ?? []).flatMap((tag) => (tag.Key ? [[tag.Key, tag.Value ?? ""]] : [])),
            ),
          },
        ]
      : [],
  );
}
