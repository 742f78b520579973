"use client";

// What next-auth's signOut() does, without next-auth/react: that module alone was about 10 KB
// (gzip) of every page's JS, and no page uses its session provider.
async function signOut() {
  const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  const answer = await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl: "/", json: "true" }),
  });
  window.location.href = ((await answer.json()) as { url?: string }).url ?? "/";
}

export function SignOutButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      className="rounded px-2 py-1 text-sm text-slate-200 hover:bg-slate-700"
      onClick={() => void signOut()}
    >
      {label}
    </button>
  );
}
