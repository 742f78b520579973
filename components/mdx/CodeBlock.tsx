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
let highlighter: Promise<Highlighter> | undefined;

function getHighlighter() {
  highlighter ??= createHighlighter({
    themes: ["github-dark"],
    langs: languages.filter((lang) => lang !== "text"),
  });
  return highlighter;
}

export async function CodeBlock({ code, language }: { code: string; language?: string }) {
  const lang = language && languages.includes(language) ? language : "text";
  const html = (await getHighlighter()).codeToHtml(code, { lang, theme: "github-dark" });
  const { t } = await getTranslator();
  return (
    <div
      className="group relative my-4 overflow-hidden rounded-lg bg-[#24292e] text-sm"
      data-code-block
    >
      <div className="flex items-center justify-between border-b border-slate-700 px-3 py-1 text-xs text-slate-300">
        <span>{lang}</span>
        <CopyButton text={code} label={t("common.copy")} copiedLabel={t("common.copied")} />
      </div>
      <div
        className="overflow-x-auto p-3 [&_pre]:!bg-transparent"
        dangerouslySetInnerHTML={{ __html: html }}
      />
    </div>
  );
}
