// Letters officials sign (issue 18), the rules once: how a letter's number is written from the pattern an admin sets
// per kind (e.g. "000.3/{seq}/417.{opd}/{year}"), what a valid pattern is, how an official's NIP is typed and printed,
// and a day written out in words as a BAST opens ("Pada hari ini Senin tanggal tiga puluh bulan November tahun dua
// ribu dua puluh enam").
import { terbilang } from "@/lib/domain/terbilang";
import { vm } from "@/lib/domain/validation-message";
import type { OrderStatus } from "@/lib/generated/prisma/enums";

/** The letters that carry a number of the OPD's own. */
export const NUMBERED_KINDS = ["surat-pesanan", "bast"] as const;
export type NumberedKind = (typeof NUMBERED_KINDS)[number];

/**
 * The letters an order has at its status: the Surat Pesanan once a vendor accepted it, the BAST too once it was
 * delivered. The order page lists them and the document route serves only these.
 */
export function lettersAt(status: OrderStatus): NumberedKind[] {
  if (status === "DELIVERED") return ["surat-pesanan", "bast"];
  return status === "ACCEPTED" ? ["surat-pesanan"] : [];
}

/** What a pattern may say: the running number, the year, the month (Roman, as letters are numbered), the OPD's code. */
export const NUMBER_PLACEHOLDERS = ["{seq}", "{year}", "{month}", "{opd}"] as const;

/** Defaults (Kota Mojokerto's area code 417, the archive classification 000.3 for procurement). */
export const DEFAULT_NUMBER_PATTERNS: Record<NumberedKind, string> = {
  "surat-pesanan": "000.3/{seq}/417.{opd}/{year}",
  bast: "000.3/{seq}/BAST/417.{opd}/{year}",
};

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

/** Why a pattern cannot number letters, in words, or null: it needs {seq}, knows only its placeholders, stays short. */
export function numberPatternIssue(pattern: string): string | null {
  const p = pattern.trim();
  if (!p.includes("{seq}")) return vm("letters.patternNeedsSeq", { seq: "{seq}" });
  if (!p.includes("{year}")) return vm("letters.patternNeedsYear", { year: "{year}" });
  const unknown = (p.match(/\{[^}]*\}/g) ?? []).filter((x) => !(NUMBER_PLACEHOLDERS as readonly string[]).includes(x));
  if (unknown.length > 0)
    return vm("letters.patternUnknown", { unknown: unknown.join(", "), known: NUMBER_PLACEHOLDERS.join(", ") });
  if (p.length > 80) return vm("letters.patternLong");
  if (!/^[A-Za-z0-9./\-{} ]+$/.test(p)) return vm("letters.patternCharacters");
  return null;
}

/** The number of the `seq`-th letter of its kind in `year` for the OPD `opdCode`, issued in `month` (1–12). */
export function formatDocumentNumber(
  pattern: string,
  v: { seq: number; year: number; month: number; opdCode: string },
): string {
  return pattern
    .trim()
    .replaceAll("{seq}", String(v.seq))
    .replaceAll("{year}", String(v.year))
    .replaceAll("{month}", ROMAN[v.month - 1] ?? String(v.month))
    .replaceAll("{opd}", v.opdCode);
}

/** An NIP as typed ("19800101 200501 1 001", with dots or dashes): its 18 digits, or null when it is not one. */
export function normalizeNip(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const digits = raw.replace(/[\s.-]/g, "");
  if (!/^\d{18}$/.test(digits)) return null;
  // Born (YYYYMMDD), appointed (YYYYMM), sex (1 or 2), serial: the dates must be dates.
  const born = digits.slice(0, 8);
  const month = Number(digits.slice(4, 6));
  const day = Number(digits.slice(6, 8));
  const appointedMonth = Number(digits.slice(12, 14));
  if (month < 1 || month > 12 || day < 1 || day > 31 || appointedMonth < 1 || appointedMonth > 12) return null;
  if (!["1", "2"].includes(digits[14]!)) return null;
  return Number(born.slice(0, 4)) >= 1940 ? digits : null;
}

/** An NIP as letters print it: "19800101 200501 1 001". */
export function formatNip(nip: string): string {
  return `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`;
}

const DAYS = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"];
const MONTHS = [
  "Januari",
  "Februari",
  "Maret",
  "April",
  "Mei",
  "Juni",
  "Juli",
  "Agustus",
  "September",
  "Oktober",
  "November",
  "Desember",
];

/** A WIB day written out: "Senin tanggal tiga puluh bulan November tahun dua ribu dua puluh enam". */
export function dayInWords(d: Date): string {
  const wib = new Date(d.getTime() + 7 * 3_600_000);
  const words = (n: number) => terbilang(n).toLowerCase();
  return `${DAYS[wib.getUTCDay()]} tanggal ${words(wib.getUTCDate())} bulan ${MONTHS[wib.getUTCMonth()]} tahun ${words(
    wib.getUTCFullYear(),
  )}`;
}
