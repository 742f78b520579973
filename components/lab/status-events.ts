const EVENT = "aws101:status-changed";

export function announceStatusChanged(moduleId: string) {
  window.dispatchEvent(new CustomEvent(EVENT, { detail: { moduleId } }));
}

export function onStatusChanged(moduleId: string, listener: () => void): () => void {
  const handler = (event: Event) => {
    if ((event as CustomEvent<{ moduleId: string }>).detail?.moduleId === moduleId) listener();
  };
  window.addEventListener(EVENT, handler);
  return () => window.removeEventListener(EVENT, handler);
}
