import { describe, expect, it } from "vitest";
import {
  dayAsDate,
  fiscalYearOf,
  fiscalYearRange,
  formatDateTimeWIB,
  formatDateWIB,
  formatPercent,
  formatRupiah,
  formatRupiahShort,
  wibDateTime,
  wibDay,
} from "@/lib/format";

const NBSP = "\u00a0";

describe("formatRupiah", () => {
  it("formats whole rupiah with Indonesian thousands separators and no decimals", () => {
    expect(formatRupiah(1_250_000)).toBe(`Rp${NBSP}1.250.000`);
    expect(formatRupiah(0)).toBe(`Rp${NBSP}0`);
    expect(formatRupiah(49_000n)).toBe(`Rp${NBSP}49.000`);
  });
  it("rounds away fractions instead of printing ,00", () => {
    expect(formatRupiah(1999.6)).toBe(`Rp${NBSP}2.000`);
  });
  it("keeps Indonesian number conventions in the English UI too (en-ID), so amounts read the same on every document", () => {
    expect(formatRupiah(1_250_000, "en")).toBe(formatRupiah(1_250_000, "id"));
  });
  it("abbreviates large amounts in each language", () => {
    expect(formatRupiahShort(1_200_000_000)).toBe(`Rp${NBSP}1,2${NBSP}M`);
    expect(formatRupiahShort(350_000_000)).toBe(`Rp${NBSP}350${NBSP}jt`);
    expect(formatRupiahShort(350_000_000, "en")).toBe(`Rp${NBSP}350${NBSP}m`);
    expect(formatRupiahShort(900)).toBe(`Rp${NBSP}900`);
  });
});

describe("WIB dates", () => {
  it("shows instants in Asia/Jakarta (UTC+7), labelled WIB", () => {
    const d = new Date("2026-11-28T09:34:00Z");
    expect(formatDateTimeWIB(d)).toBe("28 Nov 2026 16.34 WIB");
    expect(formatDateTimeWIB(d, "en")).toBe("28 Nov 2026 16:34 WIB");
  });
  it("rolls the day over at WIB midnight, not UTC midnight", () => {
    const lateEvening = new Date("2026-11-28T17:30:00Z"); // 00:30 WIB on the 29th
    expect(wibDay(lateEvening)).toBe("2026-11-29");
    expect(formatDateWIB(lateEvening)).toBe("29 Nov 2026");
    expect(wibDay(new Date("2026-11-28T16:59:59Z"))).toBe("2026-11-28");
  });
  it("turns a WIB wall-clock time into the right instant and back", () => {
    const at = wibDateTime("2026-12-01", "09:30");
    expect(at.toISOString()).toBe("2026-12-01T02:30:00.000Z");
    expect(wibDay(at)).toBe("2026-12-01");
    expect(() => wibDateTime("2026-12-01", "9.30")).toThrow();
    expect(() => dayAsDate("01/12/2026")).toThrow();
  });
  it("puts New Year's Eve late night WIB in the next fiscal year", () => {
    expect(fiscalYearOf(new Date("2026-12-31T16:59:00Z"))).toBe(2026);
    expect(fiscalYearOf(new Date("2026-12-31T17:00:00Z"))).toBe(2027);
    const r = fiscalYearRange(2026);
    expect(r.start.toISOString()).toBe("2025-12-31T17:00:00.000Z");
    expect(r.end.toISOString()).toBe("2026-12-31T17:00:00.000Z");
  });
  it("formats percentages per locale", () => {
    expect(formatPercent(0.4567)).toBe("45,7%");
    expect(formatPercent(0.05, "id", 0)).toBe("5%");
  });
});
