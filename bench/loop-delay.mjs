// Preloaded into the portal by `npm run bench -- --profile DIR`: how long the event loop stalled,
// and when, written to DIR when the process exits (next to the CPU profile of the same process).
import diagnostics from "node:diagnostics_channel";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";

const dir = process.env.BENCH_PROFILE_DIR;
if (dir) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const stalls = [];
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    if (now - last > 150)
      stalls.push({ at: new Date().toISOString(), ms: Math.round(now - last - 50) });
    last = now;
  }, 50).unref();
  // The status request as the server sees it, from its arrival to its last byte: what the
  // client measures beyond this is the machine's scheduling and the client's own loop.
  const started = new WeakMap();
  const served = [];
  diagnostics.subscribe("http.server.request.start", ({ request }) => {
    if (/^\/api\/status\/[a-z-]+$/.test(request.url ?? "")) started.set(request, performance.now());
  });
  diagnostics.subscribe("http.server.response.finish", ({ request }) => {
    const at = started.get(request);
    if (at !== undefined) served.push(performance.now() - at);
  });
  process.on("exit", () => {
    served.sort((a, b) => a - b);
    const at = (p) =>
      Math.round(served[Math.min(served.length - 1, Math.floor(p * served.length))] ?? 0);
    const ms = (ns) => Math.round(ns / 1e4) / 100;
    writeFileSync(
      path.join(dir, `loop-${process.pid}.json`),
      JSON.stringify(
        {
          p50: ms(histogram.percentile(50)),
          p90: ms(histogram.percentile(90)),
          p99: ms(histogram.percentile(99)),
          max: ms(histogram.max),
          stalls,
          statusServed: { n: served.length, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: at(1) },
        },
        null,
        2,
      ),
    );
  });
}
