// Issue 18: the letters' rules — numbers from the admin's pattern, which patterns are refused and why, an NIP as
// typed and as printed, and a BAST's day in words.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  dayInWords,
  DEFAULT_NUMBER_PATTERNS,
  formatDocumentNumber,
  formatNip,
  normalizeNip,
  lettersAt,
  numberPatternIssue,
} from "@/lib/domain/letters";
import { resolveSettings } from "@/lib/domain/settings";
import { ORDER_TRANSITIONS } from "@/lib/domain/order-state";
import { inIndonesian } from "@/tests/support/in-words";

describe("letter numbers", () => {
  it("follow the pattern an admin sets", () => {
    expect(
      formatDocumentNumber("000.3/{seq}/417.{opd}/{year}", { seq: 7, year: 2026, month: 11, opdCode: "DISKOMINFO" }),
    ).toBe("000.3/7/417.DISKOMINFO/2026");
    expect(
      formatDocumentNumber("027/{seq}/BAST/{month}/{year}", { seq: 120, year: 2027, month: 4, opdCode: "X" }),
    ).toBe("027/120/BAST/IV/2027");
  });

  it("refuse a pattern that could repeat or does not say what it means", () => {
    expect(numberPatternIssue(DEFAULT_NUMBER_PATTERNS["surat-pesanan"])).toBeNull();
    expect(inIndonesian(numberPatternIssue("000.3/417/{year}") ?? "")).toMatch(/\{seq\}/);
    expect(inIndonesian(numberPatternIssue("000.3/{seq}/417") ?? "")).toMatch(/\{year\}/);
    expect(inIndonesian(numberPatternIssue("{seq}/{tahun}/{year}") ?? "")).toMatch(/Tidak dikenal: \{tahun\}/);
    expect(inIndonesian(numberPatternIssue("{seq}/{year}/<script>") ?? "")).toMatch(/hanya huruf/);
    // A stored pattern that is not valid falls back to the default.
    expect(resolveSettings({ spNumberPattern: "tanpa nomor" }).spNumberPattern).toBe(
      DEFAULT_NUMBER_PATTERNS["surat-pesanan"],
    );
  });

  it("differ for different running numbers (a valid pattern never repeats a number)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 100_000 }), (a, b) => {
        const n = (seq: number) =>
          formatDocumentNumber("{seq}/417.{opd}/{year}", { seq, year: 2026, month: 1, opdCode: "A" });
        expect(n(a) === n(b)).toBe(a === b);
      }),
    );
  });
});

describe("an official's NIP", () => {
  it("is read however it is typed, and printed in its four groups", () => {
    for (const typed of ["19800101 200501 1 001", "198001012005011001", "19800101.200501.1.001"]) {
      expect(normalizeNip(typed)).toBe("198001012005011001");
    }
    expect(formatNip("198001012005011001")).toBe("19800101 200501 1 001");
  });

  it("is refused when it cannot be one", () => {
    for (const bad of ["12345", "19801301200501 1 001", "198001012005013001", "abc", "1980010120050110011"]) {
      expect(normalizeNip(bad), bad).toBeNull();
    }
  });
});

describe("a day in words", () => {
  it("writes the WIB day as a BAST opens", () => {
    // 30 November 2026, 20:00 WIB is still the 30th in Mojokerto (13:00 UTC).
    expect(dayInWords(new Date("2026-11-30T13:00:00Z"))).toBe(
      "Senin tanggal tiga puluh bulan November tahun dua ribu dua puluh enam",
    );
    // 1 January 2027, 02:00 WIB (still 31 December in UTC).
    expect(dayInWords(new Date("2026-12-31T19:00:00Z"))).toBe(
      "Jumat tanggal satu bulan Januari tahun dua ribu dua puluh tujuh",
    );
  });
});

describe("the letters an order has", () => {
  it("are the Surat Pesanan once a vendor accepted, the BAST too once delivered, none before or after failing", () => {
    const all = Object.keys(ORDER_TRANSITIONS) as (keyof typeof ORDER_TRANSITIONS)[];
    expect(all).toHaveLength(7);
    for (const status of all) {
      const want = status === "DELIVERED" ? ["surat-pesanan", "bast"] : status === "ACCEPTED" ? ["surat-pesanan"] : [];
      expect(lettersAt(status), status).toEqual(want);
    }
  });
});
