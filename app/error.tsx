"use client";

import { useEffect } from "react";

// Client error boundaries can't read the server's catalogue, so both languages are shown.
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  useEffect(() => {
    console.error(error.digest ?? "unexpected error");
  }, [error]);
  return (
    <div
      className="mx-auto max-w-md rounded-lg border border-rose-200 bg-white p-6 shadow-sm"
      role="alert"
    >
      <h1 className="text-xl font-bold">문제가 생겼습니다 · Something went wrong</h1>
      <p className="mt-2 text-slate-700">
        잠시 후 다시 시도하세요. 계속되면 강사에게 알려 주세요. · Try again in a moment; if it keeps
        happening, tell your instructor.
      </p>
      {error.digest ? (
        <p className="mt-2 font-mono text-xs text-slate-500">{error.digest}</p>
      ) : null}
      <button
        type="button"
        onClick={reset}
        className="mt-4 rounded-md bg-sky-700 px-4 py-2 font-semibold text-white"
      >
        다시 시도 · Try again
      </button>
    </div>
  );
}
