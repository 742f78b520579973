import "server-only";
import { readDbInstances } from "@/lib/aws/rds";
import { sandboxDatabaseEnv } from "@/lib/sandbox/database";
import type { InstanceEnvironment } from "@/lib/sandbox/runtime";

/**
 * What an emulated instance gives its app: the emulator as AWS, and the attendee's RDS endpoints
 * leading to their namespace on the local MariaDB (read at each start, as a restart would).
 */
export function instanceEnvironment(options: { emulatorEndpoint: string }): InstanceEnvironment {
  return async ({ accountId, aws }) => {
    const endpoints = (await readDbInstances(aws)).flatMap((db) =>
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
        AWS_ENDPOINT_URL: options.emulatorEndpoint,
        AWS_EC2_METADATA_DISABLED: "true",
        ...sandboxDatabaseEnv(accountId, endpoints),
      },
      close: async () => {},
    };
  };
}
