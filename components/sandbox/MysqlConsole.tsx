"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { runSandboxMysqlAction } from "@/app/lab/sandbox/actions";
import type { MysqlConsoleView, MysqlResultView } from "@/lib/lab/sandbox-mysql";

const MAX_SQL_BYTES = 64 * 1024;

export type MysqlConsoleLabels = {
  sql: string;
  run: string;
  running: string;
  invalid: string;
};

/** A result as the mysql client draws it: a boxed table, then the summary line. */
function drawResult(result: MysqlResultView): string {
  const lines = [`mysql> ${result.statement}${/[;]$|\\G$/.test(result.statement) ? "" : ";"}`];
  if (result.columns && result.rows && result.rows.length > 0) {
    const cells = (row: Array<string | null>) => row.map((cell) => cell ?? "NULL");
    const widths = result.columns.map((column, index) =>
      Math.max(column.length, ...result.rows!.map((row) => (row[index] ?? "NULL").length)),
    );
    const rule = `+${widths.map((width) => "-".repeat(width + 2)).join("+")}+`;
    const line = (values: string[]) =>
      `| ${values.map((value, index) => value.padEnd(widths[index] ?? 0)).join(" | ")} |`;
    lines.push(
      rule,
      line(result.columns),
      rule,
      ...result.rows.map((row) => line(cells(row))),
      rule,
    );
  }
  lines.push(result.summary, "");
  return lines.join("\n");
}

export function MysqlConsole({ labels }: { labels: MysqlConsoleLabels }) {
  const [sql, setSql] = useState("");
  const [transcript, setTranscript] = useState<string[]>([]);
  const [status, setStatus] = useState<{ connected: string; database: string }>();
  const [problem, setProblem] = useState<string>();
  const [pending, startTransition] = useTransition();
  const output = useRef<HTMLPreElement>(null);

  // As in a terminal, the newest answer is the one in view.
  useEffect(() => {
    output.current?.scrollTo({ top: output.current.scrollHeight });
  }, [transcript]);

  const show = (view: MysqlConsoleView) => {
    if (view.kind === "refused") {
      setProblem(view.message);
      return;
    }
    setProblem(undefined);
    setStatus({ connected: view.connected, database: view.database });
    setTranscript((before) => [...before, ...view.results.map(drawResult)]);
  };

  const run = () =>
    startTransition(async () => {
      if (!sql.trim()) return;
      if (new Blob([sql]).size > MAX_SQL_BYTES) {
        setProblem(labels.invalid);
        return;
      }
      const result = await runSandboxMysqlAction({ sql });
      if (!result.ok) {
        setProblem(result.error);
        return;
      }
      show(result.data);
      if (result.data.kind === "ran") setSql("");
    });

  return (
    <div className="space-y-2" data-testid="mysql-console">
      {status ? (
        <p className="text-sm text-slate-700" data-testid="mysql-status">
          {status.connected} · {status.database}
        </p>
      ) : null}
      {transcript.length > 0 ? (
        <pre
          ref={output}
          className="max-h-96 overflow-auto rounded bg-slate-950 p-3 text-xs text-slate-100"
          data-testid="mysql-output"
          aria-live="polite"
        >
          {transcript.join("\n")}
        </pre>
      ) : null}
      <label className="block text-sm font-medium" htmlFor="mysql-sql">
        {labels.sql}
      </label>
      <textarea
        id="mysql-sql"
        value={sql}
        onChange={(event) => setSql(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) run();
        }}
        spellCheck={false}
        rows={6}
        className="w-full rounded border border-slate-300 bg-slate-950 p-3 font-mono text-sm text-slate-100"
        data-testid="mysql-sql"
      />
      <div className="flex items-start gap-3">
        <button
          type="button"
          onClick={run}
          disabled={pending}
          className="shrink-0 rounded-md bg-sky-700 px-4 py-2 font-semibold text-white hover:bg-sky-800 disabled:opacity-60"
        >
          {pending ? labels.running : labels.run}
        </button>
        <p aria-live="polite" className="text-rose-700" data-testid="mysql-problem">
          {problem}
        </p>
      </div>
    </div>
  );
}
