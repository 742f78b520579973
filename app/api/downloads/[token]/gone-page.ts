import type { Locale, Translator } from "@/messages";

const htmlEscapes: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => htmlEscapes[character] ?? character);
}

/**
 * The attendee opened a key link a second time (or too late). A route handler can answer with 410,
 * which a page cannot, so this small page is written here rather than rendered by the app. Its
 * style carries the response's CSP nonce (proxy.ts).
 */
export function downloadGonePage(locale: Locale, t: Translator, nonce: string): string {
  const text = (key: Parameters<Translator>[0]) => escapeHtml(t(key));
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text("download.gone.title")} · ${text("app.name")}</title>
<link rel="icon" href="/icon.svg" type="image/svg+xml">
<style nonce="${escapeHtml(nonce)}">
body{font-family:system-ui,sans-serif;line-height:1.6;color:#0f172a;background:#f8fafc;margin:0}
main{max-width:40rem;margin:3rem auto;padding:1.5rem;background:#fff;border:1px solid #e2e8f0;border-radius:.5rem}
h1{font-size:1.4rem;margin-top:0}
a{color:#0369a1}
</style>
</head>
<body>
<main data-testid="download-gone">
<h1>${text("download.gone.title")}</h1>
<p>${text("download.gone.once")}</p>
<h2>${text("download.gone.whatNow")}</h2>
<ul>
<li>${text("download.gone.keepFile")}</li>
<li>${text("download.gone.newKeyPair")}</li>
<li>${text("download.gone.instanceConnect")}</li>
</ul>
<p><a href="/lab">${text("download.gone.backToLab")}</a></p>
</main>
</body>
</html>
`;
}
