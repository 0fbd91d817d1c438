// Reporting periods: a month, a quarter, a fiscal year or a custom range of WIB days. Pure.
import { isCalendarDay } from "@/lib/domain/text";
export type PeriodKind = "month" | "quarter" | "year" | "custom";

export interface Period {
  kind: PeriodKind;
  /** Inclusive WIB days, "YYYY-MM-DD". */
  from: string;
  to: string;
  /** The canonical text form, e.g. "month:2026-11", "quarter:2026-Q4", "year:2026", "custom:2026-01-05..2026-02-10". */
  key: string;
}

const pad = (n: number) => String(n).padStart(2, "0");
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Parses a period key; null when it is not one. */
export function parsePeriod(key: string): Period | null {
  let m = /^month:(\d{4})-(\d{2})$/.exec(key);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return null;
    return { kind: "month", from: `${y}-${pad(mo)}-01`, to: `${y}-${pad(mo)}-${pad(lastDay(y, mo))}`, key };
  }
  m = /^quarter:(\d{4})-Q([1-4])$/.exec(key);
  if (m) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    const end = q * 3;
    return { kind: "quarter", from: `${y}-${pad(end - 2)}-01`, to: `${y}-${pad(end)}-${pad(lastDay(y, end))}`, key };
  }
  m = /^year:(\d{4})$/.exec(key);
  if (m) return { kind: "year", from: `${m[1]}-01-01`, to: `${m[1]}-12-31`, key };
  m = /^custom:(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(key);
  if (m && isCalendarDay(m[1]!) && isCalendarDay(m[2]!) && m[1]! <= m[2]!)
    return { kind: "custom", from: m[1]!, to: m[2]!, key };
  return null;
}

/** The month of a WIB day ("2026-11-28" → "month:2026-11"). */
export function monthOf(day: string): Period {
  return parsePeriod(`month:${day.slice(0, 7)}`)!;
}

/** The twelve months of a fiscal year. */
export function monthsOf(year: number): Period[] {
  return Array.from({ length: 12 }, (_, i) => parsePeriod(`month:${year}-${pad(i + 1)}`)!);
}

/** Lorenz curve points (cumulative share of vendors, cumulative share of value), from (0,0) to (1,1). */
export function lorenzPoints(values: readonly number[]): { vendors: number; value: number }[] {
  const sorted = [...values].sort((a, b) => a - b);
  const total = sorted.reduce((s, v) => s + v, 0);
  const n = sorted.length;
  const points = [{ vendors: 0, value: 0 }];
  let cum = 0;
  sorted.forEach((v, i) => {
    cum += v;
    points.push({ vendors: (i + 1) / n, value: total === 0 ? (i + 1) / n : cum / total });
  });
  return points;
}

/**
 * The period a page's query asks for: a custom range when both days are given and valid, else a period key,
 * else the fiscal year of `today` (a WIB day).
 */
export function periodFromQuery(q: { period?: string; from?: string; to?: string }, today: string): Period {
  const custom = q.from && q.to ? parsePeriod(`custom:${q.from}..${q.to}`) : null;
  return custom ?? parsePeriod(q.period ?? "") ?? parsePeriod(`year:${today.slice(0, 4)}`)!;
}

/** The period presets pages offer, newest first: this year, this quarter, this month, last month, last year. */
export function periodPresets(today: string): string[] {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const q = Math.ceil(m / 3);
  const prevMonth = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
  return [`year:${y}`, `quarter:${y}-Q${q}`, `month:${today.slice(0, 7)}`, `month:${prevMonth}`, `year:${y - 1}`];
}
