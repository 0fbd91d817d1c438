// How people in Indonesia type numbers and phone numbers, read once for every form: "20.000" and "Rp 20.000" are
// twenty thousand rupiah (the dot groups thousands; a comma starts the sen), "1.000" portions are a thousand, and
// "0813 3111 2222", "+62 813-3111-2222" and "62813…" are one mobile number. Anything else is left as it was typed,
// so the form's own rule refuses it with its message.

/** Whole number from "20.000", "Rp 20.000", "Rp20.000,00", "20000" or a number; the input unchanged when it is none. */
export function parseIndonesianInteger(raw: unknown): unknown {
  if (typeof raw === "number") return raw;
  if (typeof raw !== "string") return raw;
  let s = raw.replace(/[\s\u00a0]/g, "").replace(/^rp\.?/i, "");
  // ",00" (or ",0") sen: still whole rupiah.
  s = s.replace(/,0{1,2}$/, "");
  if (/^\d+$/.test(s)) return Number(s);
  if (/^\d{1,3}(\.\d{3})+$/.test(s)) return Number(s.replaceAll(".", ""));
  return raw;
}

/**
 * Rupiah in an imported sheet, whole and above zero: as parseIndonesianInteger reads a form ("1.250.000",
 * "Rp 1.250.000", "1250000"), and also grouped with commas ("1,250,000"), as a spreadsheet exported in English writes
 * it; null otherwise ("1.250,50" has sen, "-5000" is not a purchase).
 */
export function parseImportedRupiah(text: string): number | null {
  const t = text.trim();
  const n = parseIndonesianInteger(/^(rp\.?\s*)?\d{1,3}(,\d{3})+$/i.test(t) ? t.replaceAll(",", "") : t);
  return typeof n === "number" && Number.isSafeInteger(n) && n > 0 ? n : null;
}

/**
 * An Indonesian phone number in its local form ("0" and 8–13 digits: 0813…, 031…), from the ways people write it —
 * spaces, dashes, dots, brackets, "+62" or "62" instead of the leading 0, or the 0 left out before an 8.
 * Null when it cannot be one.
 */
export function normalizePhone(raw: string | null | undefined): string | null {
  if (!raw) return null;
  if (!/^[\s\d+().-]+$/.test(raw)) return null;
  let digits = raw.replace(/\D/g, "");
  if (raw.trim().startsWith("+") && !digits.startsWith("62")) return null;
  if (digits.startsWith("62")) digits = `0${digits.slice(2)}`;
  else if (digits.startsWith("8")) digits = `0${digits}`;
  return /^0\d{8,13}$/.test(digits) ? digits : null;
}

/** A mobile number (08…), the kind WhatsApp and SMS reach. */
export function isMobile(local: string): boolean {
  return /^08\d{7,12}$/.test(local);
}

/** A day as typed: 2025-03-31, 31/03/2025, 31-03-2025 or 31.03.2025. */
export function parseDay(text: string): string | null {
  const t = text.trim();
  const isoMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const localMatch = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const iso = isoMatch
    ? t
    : localMatch
      ? `${localMatch[3]}-${localMatch[2]!.padStart(2, "0")}-${localMatch[1]!.padStart(2, "0")}`
      : null;
  if (!iso) return null;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}
