// EC2 user data for Amazon Linux 2023. Pure and self-contained: the portal imports it directly.
import { z } from "zod";

export const SERVICE_NAME = "aws101-sample-app";
export const APP_DIRECTORY = "/opt/aws101";
/** EC2 rejects user data over 16 KB (before base64). */
export const EC2_USER_DATA_MAX_BYTES = 16 * 1024;

const inputSchema = z.object({
  portalUrl: z
    .url({ protocol: /^https?$/, error: "portalUrl must be an http(s) URL" })
    .refine((value) => {
      const url = new URL(value);
      return !url.username && !url.password;
    }, "portalUrl must not contain credentials: user data is readable from the instance")
    .transform((value) => {
      const url = new URL(value);
      return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
    }),
  version: z.string().regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, "version must look like 1.2.3"),
  /** Of the bundle the portal serves: the instance installs nothing else. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, "sha256 must be 64 lower-case hex digits"),
});

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

const locationSchema = inputSchema.pick({ portalUrl: true, version: true });

export function bundleUrl(portalUrl: string, version: string): string {
  const input = locationSchema.parse({ portalUrl, version });
  return `${input.portalUrl}/downloads/sample-app/${input.version}.tgz`;
}

export function renderUserData(options: {
  portalUrl: string;
  version: string;
  sha256: string;
}): string {
  const { version, sha256 } = inputSchema.parse(options);
  const url = bundleUrl(options.portalUrl, options.version);
  return `#!/bin/bash
# AWS 101 샘플 앱 설치 (Amazon Linux 2023) / AWS 101 sample app installer
# 진행 기록 / log: /var/log/cloud-init-output.log
set -euo pipefail

readonly APP_VERSION=${shellQuote(version)}
readonly BUNDLE_URL=${shellQuote(url)}
readonly BUNDLE_SHA256=${shellQuote(sha256)}
readonly APP_DIR=${APP_DIRECTORY}
readonly APP_USER=aws101
readonly SERVICE=${SERVICE_NAME}

# The lab's MySQL client (mariadb105 on AL2023) and the tools to unpack the bundle.
dnf install -y mariadb105 tar gzip

# AL2023 ships Node.js as namespaced packages (nodejs20, nodejs22, ...): take the first available.
NODE_BIN=""
for major in 22 24 20; do
  if dnf install -y "nodejs\${major}"; then
    NODE_BIN="/usr/bin/node-\${major}"
    break
  fi
done
if [ -z "$NODE_BIN" ]; then
  echo "Node.js could not be installed" >&2
  exit 1
fi

# A system user without a shell; port 80 comes from a capability, not from root.
id "$APP_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /sbin/nologin "$APP_USER"

workdir="$(mktemp -d)"
curl --fail --silent --show-error --location --retry 5 --retry-delay 3 --retry-all-errors \\
  --output "$workdir/app.tgz" "$BUNDLE_URL"
# Only the bundle the portal built: anything else on the way (a proxy, a swapped file) stops here.
if ! echo "$BUNDLE_SHA256  $workdir/app.tgz" | sha256sum --check --status; then
  echo "The downloaded app does not match the portal's checksum: not installed" >&2
  exit 1
fi
mkdir -p "$APP_DIR"
tar -xzf "$workdir/app.tgz" -C "$APP_DIR" --strip-components=1 --no-same-owner
rm -rf "$workdir"

# The attendee edits config.env as ec2-user (vim or nano), as the lab did with config.py.
if [ ! -f "$APP_DIR/config.env" ]; then
  cp "$APP_DIR/config.env.example" "$APP_DIR/config.env"
fi
chown "ec2-user:$APP_USER" "$APP_DIR/config.env"
chmod 0640 "$APP_DIR/config.env"
ln -sfn "$APP_DIR" /home/ec2-user/aws101

cat > "/etc/systemd/system/$SERVICE.service" <<UNIT
[Unit]
Description=AWS 101 sample sign-up app $APP_VERSION
After=network-online.target
Wants=network-online.target

[Service]
User=$APP_USER
Group=$APP_USER
WorkingDirectory=$APP_DIR
ExecStart=$NODE_BIN $APP_DIR/server.mjs --config $APP_DIR/config.env
ExecReload=/bin/kill -HUP \\$MAINPID
Restart=on-failure
RestartSec=2
Environment=NODE_ENV=production
AmbientCapabilities=CAP_NET_BIND_SERVICE
CapabilityBoundingSet=CAP_NET_BIND_SERVICE
NoNewPrivileges=true
ProtectSystem=strict
ProtectHome=true
PrivateTmp=true

[Install]
WantedBy=multi-user.target
UNIT

systemctl daemon-reload
systemctl enable --now "$SERVICE"
echo "AWS 101 sample app $APP_VERSION is running on port 80 (systemctl status $SERVICE)"
`;
}
