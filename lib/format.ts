// Rupiah and WIB (Asia/Jakarta, UTC+7, no daylight saving) formatting. Both UI languages keep
// Indonesian number conventions (en-ID: 1.250.000), so an amount reads the same on every screen and document.
export const TIME_ZONE = "Asia/Jakarta";
export type Locale = "id" | "en";

const intlLocale = (l: Locale) => (l === "en" ? "en-ID" : "id-ID");

// Intl formatters are costly to build (more than the formatting itself): each is built once per key and reused.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function reused<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
  let f = formatters.get(key) as F | undefined;
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}

/** `style` names the options: one formatter per locale and style. */
function numberFormatter(locale: Locale, style: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return reused(`number|${locale}|${style}`, () => new Intl.NumberFormat(intlLocale(locale), options));
}

/** "Rp 1.250.000" — whole rupiah, never decimals. Accepts number or bigint. */
export function formatRupiah(amount: number | bigint, locale: Locale = "id"): string {
  const f = numberFormatter(locale, "rupiah", {
    style: "currency",
    currency: "IDR",
    minimumFractionDigits: 0,
    maximumFractionDigits: 0,
  });
  // Intl puts a no-break space after "Rp"; keep it (it must not wrap) but normalise the narrow one.
  return f.format(amount).replace(/\u202f/g, "\u00a0");
}

/** Compact amounts for dashboards: "Rp 1,2 M" (miliar), "Rp 350 jt" (juta). */
export function formatRupiahShort(amount: number, locale: Locale = "id"): string {
  const abs = Math.abs(amount);
  const units: [number, string, string][] = [
    [1e12, "T", "tn"],
    [1e9, "M", "bn"],
    [1e6, "jt", "m"],
    [1e3, "rb", "k"],
  ];
  for (const [size, id, en] of units) {
    if (abs >= size) {
      const n = numberFormatter(locale, "short", { maximumFractionDigits: 1 }).format(amount / size);
      return `Rp\u00a0${n}\u00a0${locale === "en" ? en : id}`;
    }
  }
  return formatRupiah(amount, locale);
}

export function formatNumber(n: number, locale: Locale = "id", fractionDigits = 0): string {
  return numberFormatter(locale, `number|${fractionDigits}`, {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(n);
}

export function formatPercent(ratio: number, locale: Locale = "id", fractionDigits = 1): string {
  return numberFormatter(locale, `percent|${fractionDigits}`, {
    style: "percent",
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(ratio);
}

function dateFormatter(locale: Locale, withTime: boolean): Intl.DateTimeFormat {
  return reused(
    `date|${locale}|${withTime}`,
    () =>
      new Intl.DateTimeFormat(intlLocale(locale), {
        timeZone: TIME_ZONE,
        day: "numeric",
        month: "short",
        year: "numeric",
        ...(withTime ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } : {}),
      }),
  );
}

/** "28 Nov 2026" in WIB. */
export function formatDateWIB(d: Date, locale: Locale = "id"): string {
  return dateFormatter(locale, false).format(d);
}

/** "28 Nov 2026 16.34 WIB" — always labelled, so nobody wonders which zone. */
export function formatDateTimeWIB(d: Date, locale: Locale = "id"): string {
  const parts = dateFormatter(locale, true).formatToParts(d);
  const get = (t: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === t)?.value ?? "";
  const sep = locale === "en" ? ":" : ".";
  return `${get("day")} ${get("month")} ${get("year")} ${get("hour")}${sep}${get("minute")} WIB`;
}

const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The calendar day in WIB of an instant, as "YYYY-MM-DD". */
export function wibDay(d: Date): string {
  return new Date(d.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

/** The wall-clock time in WIB of an instant, as "HH:MM". */
export function wibTime(d: Date): string {
  return new Date(d.getTime() + WIB_OFFSET_MS).toISOString().slice(11, 16);
}

/** A WIB calendar day as the UTC-midnight Date that PostgreSQL DATE columns round-trip through. */
export function dayAsDate(day: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`not a YYYY-MM-DD day: ${day}`);
  return new Date(`${day}T00:00:00.000Z`);
}

/** A wall-clock time in WIB ("2026-11-28", "09:30") as an instant. */
export function wibDateTime(day: string, time: string): Date {
  if (!/^\d{2}:\d{2}$/.test(time)) throw new Error(`not an HH:MM time: ${time}`);
  return new Date(
    dayAsDate(day).getTime() + Number(time.slice(0, 2)) * 3600_000 + Number(time.slice(3)) * 60_000 - WIB_OFFSET_MS,
  );
}

/** The fiscal year (Indonesia: the calendar year) of an instant, in WIB. */
export function fiscalYearOf(d: Date): number {
  return Number(wibDay(d).slice(0, 4));
}

/** Instants bounding a WIB fiscal year: [start, end). */
export function fiscalYearRange(year: number): { start: Date; end: Date } {
  return { start: wibDateTime(`${year}-01-01`, "00:00"), end: wibDateTime(`${year + 1}-01-01`, "00:00") };
}

/** next-intl's locale string as one of ours. */
export function toLocaleTag(locale: string): Locale {
  return locale === "en" ? "en" : "id";
}

/** "Sabtu, 28 November 2026" in WIB — the long form official letters use (weekday optional). */
export function formatLongDateWIB(d: Date, locale: Locale = "id", withWeekday = false): string {
  const f = reused(
    `long|${locale}|${withWeekday}`,
    () =>
      new Intl.DateTimeFormat(intlLocale(locale), {
        timeZone: TIME_ZONE,
        day: "numeric",
        month: "long",
        year: "numeric",
        ...(withWeekday ? { weekday: "long" } : {}),
      }),
  );
  return f.format(d);
}

/**
 * A duration as people say it: "10 hari 12 jam", "2 jam 5 menit", "45 menit" (English: "10 days 12 h", "2 h 5 min").
 * The two largest units only; rounded down to the minute.
 */
export function formatDuration(ms: number, locale: Locale = "id"): string {
  const total = Math.max(0, Math.floor(ms / 60_000));
  const d = Math.floor(total / 1440);
  const h = Math.floor((total % 1440) / 60);
  const m = total % 60;
  const en = locale === "en";
  const day = (n: number) => `${n} ${en ? (n === 1 ? "day" : "days") : "hari"}`;
  const hour = (n: number) => `${n} ${en ? "h" : "jam"}`;
  const min = (n: number) => `${n} ${en ? "min" : "menit"}`;
  if (d > 0) return h > 0 ? `${day(d)} ${hour(h)}` : day(d);
  if (h > 0) return m > 0 ? `${hour(h)} ${min(m)}` : hour(h);
  return min(m);
}

/** The twelve months' short names in the reader's language, January first ("Jan", "Feb", … / "Mei", "Agu", …). */
export function monthNames(locale: Locale = "id"): string[] {
  const f = reused(
    `month|${locale}`,
    () => new Intl.DateTimeFormat(intlLocale(locale), { month: "short", timeZone: "UTC" }),
  );
  return Array.from({ length: 12 }, (_, i) => f.format(new Date(Date.UTC(2026, i, 15))));
}
