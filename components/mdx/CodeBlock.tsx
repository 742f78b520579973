import { createHighlighter, type Highlighter } from "shiki";
import { CopyButton } from "@/components/ui/CopyButton";
import { getTranslator } from "@/lib/i18n";

const languages = [
  "bash",
  "shell",
  "sql",
  "json",
  "ini",
  "typescript",
  "javascript",
  "html",
  "yaml",
  "text",
];
const HIGHLIGHTED_KEPT = 2_000;

const store = globalThis as {
  __aws101Highlighter?: Promise<Highlighter>;
  __aws101Highlighted?: Map<string, string>;
};

function getHighlighter() {
  return (store.__aws101Highlighter ??= createHighlighter({
    themes: ["github-dark"],
    langs: languages.filter((lang) => lang !== "text"),
  }));
}

/**
 * Highlighting was a tenth of a lab page's rendering: each block is highlighted once per process.
 * Blocks with an attendee's own values (an endpoint, a record name) make the set grow with the
 * class, so the oldest go first past a bound.
 */
async function highlighted(code: string, lang: string): Promise<string> {
  const cache = (store.__aws101Highlighted ??= new Map());
  const key = `${lang}\n${code}`;
  let html = cache.get(key);
  if (html === undefined) {
    html = (await getHighlighter()).codeToHtml(code, { lang, theme: "github-dark" });
    if (cache.size >= HIGHLIGHTED_KEPT) cache.delete(cache.keys().next().value ?? "");
    cache.set(key, html);
  }
  return html;
}

/** With `foldedSummary` the code starts folded behind that line; copying never needs unfolding. */
export async function CodeBlock({
  code,
  language,
  foldedSummary,
}: {
  code: string;
  language?: string;
  foldedSummary?: string;
}) {
  const lang = language && languages.includes(language) ? language : "text";
  const html = await highlighted(code, lang);
  const { t } = await getTranslator();
  const copy = <CopyButton text={code} label={t("common.copy")} copiedLabel={t("common.copied")} />;
  const body = (
    <div
      className="overflow-x-auto p-3 [&_pre]:!bg-transparent"
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
  if (foldedSummary) {
    return (
      <div className="relative my-4 rounded-lg bg-[#24292e] text-sm" data-code-block data-folded>
        <details className="group">
          <summary className="cursor-pointer rounded-lg py-2 pr-24 pl-3 text-slate-200 hover:bg-slate-700 group-open:rounded-b-none group-open:border-b group-open:border-slate-700">
            {foldedSummary}
          </summary>
          {body}
        </details>
        <div className="absolute top-1.5 right-3">{copy}</div>
      </div>
    );
  }
  return (
    <div
      className="group relative my-4 overflow-hidden rounded-lg bg-[#24292e] text-sm"
      data-code-block
    >
      <div className="flex items-center justify-between border-b border-slate-700 px-3 py-1 text-xs text-slate-300">
        <span>{lang}</span>
        {copy}
      </div>
      {body}
    </div>
  );
}
