// Issue 16 (7, 10): one rule for what text may hold, applied by parseInput to every field.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { hasUnsafeCharacters, isCalendarDay, withoutUnsafeCharacters } from "@/lib/domain/text";
import { parseInput } from "@/lib/validation/parse";
import { orderInputSchema } from "@/lib/validation/order";
import { isAppError } from "@/lib/errors";
import { issuesInIndonesian } from "@/tests/support/in-words";

const issues = (f: () => unknown) => {
  try {
    f();
    return null;
  } catch (e) {
    return isAppError(e) ? issuesInIndonesian(e.details?.issues) : e;
  }
};

describe("text rules", () => {
  it("refuses control characters and bidirectional overrides, keeps every language and line breaks", () => {
    for (const bad of ["a\u0000b", "\u0007", "x\u001by", "\u007f", "Dapur \u202eirS uB", "\u2066x\u2069"])
      expect(hasUnsafeCharacters(bad), JSON.stringify(bad)).toBe(true);
    for (const ok of ["Dapur Bu Sri", "Warung 家 🍚", "baris 1\nbaris 2\r\n\tindent", "Café Müller", "مطعم"])
      expect(hasUnsafeCharacters(ok), ok).toBe(false);
    expect(withoutUnsafeCharacters("a\u0000b\u202ec")).toBe("abc");
  });

  it("knows which days exist", () => {
    expect(isCalendarDay("2028-02-29")).toBe(true);
    for (const d of ["2026-02-29", "2026-13-45", "2026-12-32", "2026-00-10", "26-01-01", "2026-1-1"])
      expect(isCalendarDay(d), d).toBe(false);
  });

  it("parseInput refuses such text in any field, nested too, naming the field", () => {
    const schema = z.object({ name: z.string(), items: z.array(z.object({ note: z.string() })) });
    expect(issues(() => parseInput(schema, { name: "ok", items: [{ note: "a\u0000" }] }))).toEqual({
      "items.0.note": [expect.stringContaining("karakter")],
    });
    expect(issues(() => parseInput(schema, { name: "Sri \u202e", items: [] }))).toHaveProperty("name");
  });

  it("an order's portions are digits, not 1e3", () => {
    const base = {
      idempotencyKey: "kunci-12345",
      eventName: "Rapat",
      deliveryAt: "2026-12-01T03:00:00Z",
      place: "Aula",
      contactName: "Bu Ani",
      contactPhone: "0812 3456 7890",
      category: "MAKAN",
      unitPrice: "20.000",
      accountCode: "5.1.02.01.01.0052",
      method: "PENGADAAN_LANGSUNG",
    };
    expect(issues(() => parseInput(orderInputSchema, { ...base, pax: "1e3" }))).toHaveProperty("pax");
    expect(parseInput(orderInputSchema, { ...base, pax: "1.000" }).pax).toBe(1000);
  });
});

describe("unusually large orders", () => {
  it("are questioned from Rp 10 juta when over a quarter of the pagu or five times the usual order", async () => {
    const { unusuallyLarge } = await import("@/lib/domain/order-size");
    expect(unusuallyLarge({ total: 9_999_999, pagu: 10_000_000, medianTotal: 100, ordersCounted: 50 })).toBeNull();
    expect(unusuallyLarge({ total: 80_000_000, pagu: 200_000_000, medianTotal: null, ordersCounted: 0 })).toMatchObject(
      {
        reason: "BUDGET",
      },
    );
    expect(
      unusuallyLarge({ total: 80_000_000, pagu: 1_000_000_000, medianTotal: 2_000_000, ordersCounted: 5 }),
    ).toMatchObject({ reason: "HISTORY", times: 40 });
    // Too little history to judge, and a normal share of the pagu: not questioned.
    expect(
      unusuallyLarge({ total: 80_000_000, pagu: 1_000_000_000, medianTotal: 2_000_000, ordersCounted: 4 }),
    ).toBeNull();
    expect(
      unusuallyLarge({ total: 12_000_000, pagu: 1_000_000_000, medianTotal: 3_000_000, ordersCounted: 20 }),
    ).toBeNull();
  });
});

describe("durations", () => {
  it("read as people say them", async () => {
    const { formatDuration } = await import("@/lib/format");
    const min = 60_000;
    expect(formatDuration((10 * 24 * 60 + 12 * 60 + 5) * min)).toBe("10 hari 12 jam");
    expect(formatDuration(3 * 24 * 60 * min)).toBe("3 hari");
    expect(formatDuration((2 * 60 + 5) * min + 30_000)).toBe("2 jam 5 menit");
    expect(formatDuration(45 * min)).toBe("45 menit");
    expect(formatDuration(-5)).toBe("0 menit");
    expect(formatDuration(25 * 60 * min, "en")).toBe("1 day 1 h");
  });
});
