"use client";
// Time left to a deadline, ticking each second. Server-rendered with the minutes left, so it reads right
// before (or without) JavaScript; the client only refines it.
import { useEffect, useState } from "react";
import { formatDuration, type Locale } from "@/lib/format";

// An hour or more as words ("10 hari 12 jam"); the last hour ticking by the second.
function format(ms: number, expired: string, locale: Locale): string {
  if (ms <= 0) return expired;
  if (ms >= 3_600_000) return formatDuration(ms, locale);
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${pad(m)}:${pad(sec)}` : `${pad(m)}:${pad(sec)}`;
}

export function Countdown({
  deadline,
  initial,
  expired,
  locale = "id",
}: {
  deadline: string;
  initial: string;
  expired: string;
  locale?: Locale;
}) {
  const [text, setText] = useState(initial);
  useEffect(() => {
    const end = new Date(deadline).getTime();
    const tick = () => setText(format(end - Date.now(), expired, locale));
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [deadline, expired, locale]);
  return (
    <span className="tabular-nums" suppressHydrationWarning>
      {text}
    </span>
  );
}
