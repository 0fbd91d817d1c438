// Quiet hours (issue 17, item 3): an offer made at night is sent to the vendor's phone in the morning, and its
// answer window starts then — a caterer is not woken at 22:00 and does not lose an order to a deadline that ran out
// while it slept. Never past the lead time before delivery: when waiting for the morning would leave too little
// time to answer, the offer goes out at once. Times are WIB wall-clock "HH:MM"; start = end turns quiet hours off;
// a span may wrap midnight (21:00–06:00) or not (12:00–13:00).
import { wibDateTime, wibDay, wibTime } from "@/lib/format";

export interface QuietHours {
  quietHoursStart: string;
  quietHoursEnd: string;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** When the quiet hours `at` falls in end (the next "end" time), or null when `at` is not in quiet hours. */
export function quietHoursEnd(at: Date, q: QuietHours): Date | null {
  const start = minutesOf(q.quietHoursStart);
  const end = minutesOf(q.quietHoursEnd);
  if (start === end) return null;
  const now = minutesOf(wibTime(at));
  const inQuiet = start < end ? now >= start && now < end : now >= start || now < end;
  if (!inQuiet) return null;
  const today = wibDateTime(wibDay(at), q.quietHoursEnd);
  return today.getTime() > at.getTime() ? today : new Date(today.getTime() + 86_400_000);
}

/**
 * When an offer made at `now` is sent and until when it may be answered: the answer window starts when it is sent
 * (after the quiet hours, unless the morning would leave less than `minAnswerMinutes` before the lead time) and ends
 * no later than the lead time before delivery. Null when it is too late to ask anyone.
 */
export function offerTiming(
  now: Date,
  deliveryAt: Date,
  s: QuietHours & { responseWindowMinutes: number; minLeadMinutes: number },
  minAnswerMinutes: number,
): { sendAt: Date; expiresAt: Date } | null {
  const latest = deliveryAt.getTime() - s.minLeadMinutes * 60_000;
  if (latest <= now.getTime()) return null;
  const morning = quietHoursEnd(now, s);
  const sendAt = morning && morning.getTime() + minAnswerMinutes * 60_000 <= latest ? morning : now;
  return { sendAt, expiresAt: new Date(Math.min(sendAt.getTime() + s.responseWindowMinutes * 60_000, latest)) };
}
