import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { AwsCredentialIdentity } from "@aws-sdk/types";

/**
 * A loopback stand-in for the EC2 instance metadata service (IMDSv2 only: a token is required).
 * `role` is what "attach an IAM role to the instance" changes.
 */
export class FakeImds {
  private server: Server | null = null;
  readonly tokens = new Set<string>();
  requests = 0;
  role: { name: string; credentials: AwsCredentialIdentity } | null = null;

  constructor(readonly instanceId = "i-0123456789abcdef0") {}

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      this.requests += 1;
      if (request.method === "PUT" && request.url === "/latest/api/token") {
        const token = `token-${this.tokens.size + 1}`;
        this.tokens.add(token);
        response.end(token);
        return;
      }
      const token = request.headers["x-aws-ec2-metadata-token"];
      if (typeof token !== "string" || !this.tokens.has(token)) {
        response.writeHead(401).end();
        return;
      }
      const send = (body: string) => response.end(body);
      const rolePath = "/latest/meta-data/iam/security-credentials/";
      if (request.url === "/latest/meta-data/instance-id") return send(this.instanceId);
      if (request.url === rolePath && this.role) return send(this.role.name);
      if (this.role && request.url === `${rolePath}${this.role.name}`) {
        const { credentials } = this.role;
        return send(
          JSON.stringify({
            Code: "Success",
            AccessKeyId: credentials.accessKeyId,
            SecretAccessKey: credentials.secretAccessKey,
            Token: credentials.sessionToken,
            Expiration: new Date(Date.now() + 3_600_000).toISOString(),
          }),
        );
      }
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", () => resolve()));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }
}
