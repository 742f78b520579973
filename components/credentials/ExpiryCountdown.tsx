"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

function format(ms: number) {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return `${hours}:${String(minutes).padStart(2, "0")}:${String(seconds).padStart(2, "0")}`;
}

export function ExpiryCountdown({
  expiresAt,
  expiredLabel,
}: {
  expiresAt: string;
  expiredLabel: string;
}) {
  const router = useRouter();
  const [now, setNow] = useState<number>();
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    const first = setTimeout(() => setNow(Date.now()), 0);
    return () => {
      clearInterval(timer);
      clearTimeout(first);
    };
  }, []);
  const remaining = new Date(expiresAt).getTime() - (now ?? 0);
  useEffect(() => {
    if (now !== undefined && remaining <= 0) router.refresh();
  }, [now, remaining, router]);
  if (now === undefined)
    return <time dateTime={expiresAt}>{new Date(expiresAt).toISOString().slice(11, 16)} UTC</time>;
  return (
    <time
      dateTime={expiresAt}
      data-testid="expiry-countdown"
      className={remaining < 10 * 60 * 1000 ? "text-rose-700" : undefined}
    >
      {remaining > 0 ? format(remaining) : expiredLabel}
    </time>
  );
}
