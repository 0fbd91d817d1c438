// What text people may type into the portal: any language's letters, digits and punctuation, spaces, tabs and line
// breaks — but no control characters (a NUL byte cannot even be stored by PostgreSQL) and no bidirectional
// overrides or isolates (U+202A–U+202E, U+2066–U+2069), which make a name display as something it is not
// ("Dapur Bu Sri" shown for a name that reads otherwise). One rule for every text field (lib/validation/parse.ts)
// and for the filters read from the address bar (stripped there, lib/validation/query.ts).
import { vm } from "@/lib/domain/validation-message";

const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, "g");

/** True when `text` holds a character no field accepts. */
export function hasUnsafeCharacters(text: string): boolean {
  return UNSAFE.test(text);
}

/** `text` without the characters no field accepts (for lenient filters, never for what is stored). */
export function withoutUnsafeCharacters(text: string): string {
  return text.replace(UNSAFE_ALL, "");
}

/** The message shown for such a field. */
export const UNSAFE_TEXT_MESSAGE = vm("common.unsafeText");

/** True when `day` (YYYY-MM-DD) is a date that exists on the calendar (not 2026-13-45 or 2026-02-30). */
export function isCalendarDay(day: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
