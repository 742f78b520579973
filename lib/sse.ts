import "server-only";
import { log } from "@/lib/log";

const KEEP_ALIVE_MS = 15_000;

/**
 * A server-sent event stream: `open` gets a `send` (each value as one `data:` event) and returns
 * what to stop when the client hangs up. Keep-alive comments hold proxies open meanwhile.
 */
export function eventStream(
  request: Request,
  open: (send: (value: unknown) => void) => () => void,
): Response {
  const encoder = new TextEncoder();
  let stop: (() => void) | undefined;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const write = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const close = open((value) => write(`data: ${JSON.stringify(value)}\n\n`));
      const keepAlive = setInterval(() => write(": keep-alive\n\n"), KEEP_ALIVE_MS);
      stop = () => {
        if (closed) return;
        closed = true;
        clearInterval(keepAlive);
        close();
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

/**
 * A server-sent event stream that polls: `next` runs every `intervalMs` and whatever it returns
 * (other than undefined) is sent. Stops when the client hangs up.
 */
export function pollingStream(
  request: Request,
  intervalMs: number,
  next: () => Promise<unknown>,
): Response {
  return eventStream(request, (send) => {
    let running = false;
    const tick = async () => {
      if (running) return;
      running = true;
      try {
        const value = await next();
        if (value !== undefined) send(value);
      } catch (error) {
        // The next tick tries again; the client keeps what it has meanwhile.
        log().warn({ err: error }, "event stream poll failed");
      } finally {
        running = false;
      }
    };
    void tick();
    const poll = setInterval(() => void tick(), intervalMs);
    return () => clearInterval(poll);
  });
}
