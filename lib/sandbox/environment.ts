import "server-only";
import type { InstanceEnvironment } from "@/lib/sandbox/runtime";

/** What an emulated instance gives its app: the emulator as AWS, and no instance metadata yet. */
export function instanceEnvironment(options: { emulatorEndpoint: string }): InstanceEnvironment {
  return async () => ({
    env: { AWS_ENDPOINT_URL: options.emulatorEndpoint, AWS_EC2_METADATA_DISABLED: "true" },
    close: async () => {},
  });
}
