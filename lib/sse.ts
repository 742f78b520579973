import "server-only";
import { log } from "@/lib/log";

const KEEP_ALIVE_MS = 15_000;

/**
 * A server-sent event stream that polls: `next` runs every `intervalMs` and whatever it returns
 * (other than undefined) is sent. Stops when the client hangs up.
 */
export function pollingStream(
  request: Request,
  intervalMs: number,
  next: () => Promise<unknown>,
): Response {
  const encoder = new TextEncoder();
  let stop: (() => void) | undefined;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      let running = false;
      const tick = async () => {
        if (running || closed) return;
        running = true;
        try {
          const value = await next();
          if (value !== undefined && !closed) {
            controller.enqueue(encoder.encode(`data: ${JSON.stringify(value)}\n\n`));
          }
        } catch (error) {
          // The next tick tries again; the client keeps what it has meanwhile.
          log().warn({ err: error }, "event stream poll failed");
        } finally {
          running = false;
        }
      };
      void tick();
      const poll = setInterval(() => void tick(), intervalMs);
      const keepAlive = setInterval(() => {
        if (!closed) controller.enqueue(encoder.encode(": keep-alive\n\n"));
      }, KEEP_ALIVE_MS);
      stop = () => {
        closed = true;
        clearInterval(poll);
        clearInterval(keepAlive);
      };
      request.signal.addEventListener("abort", () => {
        stop?.();
        controller.close();
      });
    },
    cancel() {
      stop?.();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store, no-transform",
      connection: "keep-alive",
    },
  });
}
