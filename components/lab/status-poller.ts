import type { ModuleStatusView } from "@/lib/lab/views";

type Listener = (status: ModuleStatusView | undefined, refreshing: boolean) => void;

class ModulePoller {
  readonly listeners = new Set<Listener>();
  private last?: ModuleStatusView;
  private inFlight = false;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly moduleId: string,
    private readonly intervalMs: number,
  ) {}

  private readonly onVisibility = () => {
    if (document.visibilityState === "visible") void this.tick();
  };

  start() {
    document.addEventListener("visibilitychange", this.onVisibility);
    void this.tick();
  }

  stop() {
    clearTimeout(this.timer);
    document.removeEventListener("visibilitychange", this.onVisibility);
  }

  add(listener: Listener) {
    this.listeners.add(listener);
    if (this.last) listener(this.last, this.inFlight);
  }

  private notify() {
    this.listeners.forEach((listener) => listener(this.last, this.inFlight));
  }

  private schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), this.intervalMs);
  }

  async tick() {
    if (this.inFlight) return;
    if (document.visibilityState !== "visible") return this.schedule();
    this.inFlight = true;
    this.notify();
    try {
      const response = await fetch(`/api/status/${encodeURIComponent(this.moduleId)}`, {
        cache: "no-store",
      });
      if (response.ok) this.last = (await response.json()) as ModuleStatusView;
    } catch {
      // Keep the last known status; the next tick tries again.
    } finally {
      this.inFlight = false;
      this.notify();
      if (this.listeners.size > 0) this.schedule();
    }
  }
}

const pollers = new Map<string, ModulePoller>();

/** Every panel of one module on the page shares one request loop; hidden tabs don't poll. */
export function subscribeToModuleStatus(
  moduleId: string,
  intervalMs: number,
  listener: Listener,
): () => void {
  let poller = pollers.get(moduleId);
  if (!poller) {
    poller = new ModulePoller(moduleId, intervalMs);
    pollers.set(moduleId, poller);
    poller.add(listener);
    poller.start();
  } else {
    poller.add(listener);
  }
  const active = poller;
  return () => {
    active.listeners.delete(listener);
    if (active.listeners.size === 0) {
      active.stop();
      pollers.delete(moduleId);
    }
  };
}

export function refreshModuleStatus(moduleId: string) {
  void pollers.get(moduleId)?.tick();
}
