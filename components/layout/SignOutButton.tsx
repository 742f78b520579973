"use client";

import { signOut } from "next-auth/react";

export function SignOutButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      className="rounded px-2 py-1 text-sm text-slate-200 hover:bg-slate-700"
      onClick={() => void signOut({ callbackUrl: "/" })}
    >
      {label}
    </button>
  );
}
