import "server-only";
import { readInstances } from "@/lib/aws/ec2";
import { readDbInstances } from "@/lib/aws/rds";
import { sandboxDatabaseEnv } from "@/lib/sandbox/database";
import { startInstanceMetadata } from "@/lib/sandbox/instance-metadata";
import { DESCRIBE_REUSE_MS } from "@/lib/sandbox/timing";
import type { LoopbackServer } from "@/lib/sandbox/loopback";
import { RoleSessionRegistry } from "@/lib/sandbox/role-sessions";
import type { InstanceEnvironment } from "@/lib/sandbox/runtime";
import { startS3Gate } from "@/lib/sandbox/s3-gate";

/**
 * What an emulated instance gives its app, as EC2 would: role credentials from its own instance
 * metadata service (none without an instance profile), S3 through the gate that applies the role's
 * and the bucket's policies, and the attendee's RDS endpoints leading to their namespace on the
 * local MariaDB (read at each start, as a restart would).
 */
export function createInstanceEnvironment(options: { emulatorEndpoint: string }): {
  environment: InstanceEnvironment;
  close: () => Promise<void>;
} {
  const sessions = new RoleSessionRegistry();
  let gate: Promise<LoopbackServer> | undefined;
  const sharedGate = () =>
    (gate ??= startS3Gate({ emulatorEndpoint: options.emulatorEndpoint, sessions }));

  const environment: InstanceEnvironment = async ({ accountId, instance, aws }) => {
    let seen:
      { at: number; profile: Promise<{ instanceProfileArn?: string } | undefined> } | undefined;
    const describe = () => {
      if (!seen || Date.now() - seen.at > DESCRIBE_REUSE_MS) {
        seen = {
          at: Date.now(),
          profile: readInstances(aws).then((instances) => {
            const current = instances.find((candidate) => candidate.id === instance.id);
            return current ? { instanceProfileArn: current.instanceProfileArn } : undefined;
          }),
        };
      }
      return seen.profile;
    };
    const [metadata, s3, databases] = await Promise.all([
      startInstanceMetadata({ instanceId: instance.id, accountId, aws, describe, sessions }),
      sharedGate(),
      readDbInstances(aws),
    ]);
    const endpoints = databases.flatMap((db) =>
      db.endpoint
        ? [
            db.endpoint.port === 3306
              ? db.endpoint.address
              : `${db.endpoint.address}:${db.endpoint.port}`,
          ]
        : [],
    );
    return {
      env: {
        AWS_ENDPOINT_URL: s3.url,
        AWS_EC2_METADATA_SERVICE_ENDPOINT: metadata.url,
        // Nothing but the instance's role: no keys or profiles from files either.
        AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/credentials",
        AWS_CONFIG_FILE: "/nonexistent/config",
        ...sandboxDatabaseEnv(accountId, endpoints),
      },
      close: () => metadata.close(),
    };
  };

  return {
    environment,
    close: async () => {
      if (gate) await (await gate).close();
    },
  };
}
