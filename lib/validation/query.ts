// Filters read from the address bar (list pages, exports): lenient — a bad value is dropped, never an error page —
// but never passed on unsafe: text loses control characters (lib/domain/text.ts), and a date must exist on the
// calendar (2026-13-45 is dropped, not sent to PostgreSQL). `droppedFilters` tells the page which values it ignored,
// so it can say so.
import { z } from "zod";
import { isCalendarDay, withoutUnsafeCharacters } from "@/lib/domain/text";

/** A search text: trimmed, at most `max` characters, without control characters; undefined when empty or bad. */
export function filterText(max = 100) {
  return z
    .string()
    .transform((s) => withoutUnsafeCharacters(s).trim())
    .pipe(z.string().max(max))
    .transform((s) => s || undefined)
    .optional()
    .catch(undefined);
}

/** A calendar day (YYYY-MM-DD) that exists; undefined otherwise. */
export const filterDay = z.string().refine(isCalendarDay).optional().catch(undefined);

/** The filters of `raw` that were given but did not survive parsing (to tell the user they were ignored). */
export function droppedFilters<K extends string>(
  raw: Partial<Record<K, string | string[] | undefined>>,
  parsed: Partial<Record<K, unknown>>,
  keys: readonly K[],
): K[] {
  return keys.filter((k) => {
    const v = raw[k];
    return typeof v === "string" && v.trim() !== "" && parsed[k] === undefined;
  });
}
