// The e2e portal is reached through this loopback proxy, which passes every request through
// unchanged and appends every text response (HTML, RSC, JSON, event streams) to an NDJSON file, so a
// test can scan what any browser or client of the run was ever sent.
import { createWriteStream } from "node:fs";
import http from "node:http";
import zlib from "node:zlib";

const TEXT_TYPES = /^(text\/|application\/(json|javascript|x-pem-file|x-component))/;

function decoder(encoding) {
  const options = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
  switch (encoding) {
    case undefined:
    case "":
    case "identity":
      return undefined;
    case "gzip":
      return zlib.createGunzip(options);
    case "deflate":
      return zlib.createInflate(options);
    case "br":
      return zlib.createBrotliDecompress({ finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH });
    default:
      return null;
  }
}

export function startRecordingProxy({ port, target, file }) {
  const out = createWriteStream(file, { flags: "a" });
  const targetUrl = new URL(target);
  const server = http.createServer((request, response) => {
    const upstream = http.request(
      {
        hostname: targetUrl.hostname,
        port: targetUrl.port,
        method: request.method,
        path: request.url,
        headers: request.headers,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
        const type = String(answer.headers["content-type"] ?? "");
        if (!TEXT_TYPES.test(type)) {
          answer.pipe(response);
          return;
        }
        const chunks = [];
        let recorded = false;
        const record = (body) => {
          if (recorded) return;
          recorded = true;
          out.write(
            `${JSON.stringify({ method: request.method, url: request.url, status: answer.statusCode, type, body })}\n`,
          );
        };
        const decode = decoder(answer.headers["content-encoding"]);
        if (decode === null) {
          record(`undecodable content-encoding ${answer.headers["content-encoding"]}`);
        } else if (decode) {
          decode.on("data", (chunk) => chunks.push(chunk));
          decode.on("error", () => record(Buffer.concat(chunks).toString("utf8")));
          decode.on("end", () => record(Buffer.concat(chunks).toString("utf8")));
          answer.on("data", (chunk) => decode.write(chunk));
          // An event stream the client drops never ends: keep what arrived.
          answer.on("close", () => decode.end());
        } else {
          answer.on("data", (chunk) => chunks.push(chunk));
          answer.on("close", () => record(Buffer.concat(chunks).toString("utf8")));
        }
        answer.pipe(response);
      },
    );
    upstream.on("error", () => {
      if (!response.headersSent) response.writeHead(502);
      response.end();
    });
    response.on("close", () => upstream.destroy());
    request.pipe(upstream);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () =>
      resolve({
        stop: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => out.end(done));
          }),
      }),
    );
  });
}
