const EVENT = "aws101:status-changed";

type Detail = { moduleId: string; source: string };

export function announceStatusChanged(moduleId: string, source: string) {
  window.dispatchEvent(new CustomEvent<Detail>(EVENT, { detail: { moduleId, source } }));
}

export function onStatusChanged(moduleId: string, listener: (source: string) => void): () => void {
  const handler = (event: Event) => {
    const detail = (event as CustomEvent<Detail>).detail;
    if (detail?.moduleId === moduleId) listener(detail.source);
  };
  window.addEventListener(EVENT, handler);
  return () => window.removeEventListener(EVENT, handler);
}
