import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { offerTiming, quietHoursEnd } from "@/lib/domain/quiet-hours";
import { wibDateTime } from "@/lib/format";

const Q = { quietHoursStart: "21:00", quietHoursEnd: "06:00" };
const S = { ...Q, responseWindowMinutes: 120, minLeadMinutes: 120 };
const at = (day: string, time: string) => wibDateTime(day, time);

describe("quiet hours", () => {
  it("knows when the night ends, across midnight, and that the day is not quiet", () => {
    expect(quietHoursEnd(at("2026-06-01", "21:54"), Q)).toEqual(at("2026-06-02", "06:00"));
    expect(quietHoursEnd(at("2026-06-02", "02:10"), Q)).toEqual(at("2026-06-02", "06:00"));
    expect(quietHoursEnd(at("2026-06-02", "06:00"), Q)).toBeNull();
    expect(quietHoursEnd(at("2026-06-02", "20:59"), Q)).toBeNull();
    expect(quietHoursEnd(at("2026-06-02", "12:30"), { quietHoursStart: "12:00", quietHoursEnd: "13:00" })).toEqual(
      at("2026-06-02", "13:00"),
    );
    expect(quietHoursEnd(at("2026-06-02", "23:00"), { quietHoursStart: "00:00", quietHoursEnd: "00:00" })).toBeNull();
  });

  it("sends a night offer in the morning with its whole answer window, unless the morning is too late", () => {
    // 21:54 for lunch in two days: sent at 06:00, answered by 08:00 (not by 23:54).
    expect(offerTiming(at("2026-06-01", "21:54"), at("2026-06-03", "12:00"), S, 15)).toEqual({
      sendAt: at("2026-06-02", "06:00"),
      expiresAt: at("2026-06-02", "08:00"),
    });
    // For 07:30 next morning (lead 2 h: answer by 05:30): waiting for 06:00 would be too late — sent now, with the
    // usual two hours.
    expect(offerTiming(at("2026-06-01", "22:00"), at("2026-06-02", "07:30"), S, 15)).toEqual({
      sendAt: at("2026-06-01", "22:00"),
      expiresAt: at("2026-06-02", "00:00"),
    });
    // In the day: at once, as before.
    expect(offerTiming(at("2026-06-01", "10:00"), at("2026-06-03", "12:00"), S, 15)).toEqual({
      sendAt: at("2026-06-01", "10:00"),
      expiresAt: at("2026-06-01", "12:00"),
    });
    expect(offerTiming(at("2026-06-01", "10:00"), at("2026-06-01", "11:00"), S, 15)).toBeNull();
  });

  it("never lets an offer run past the lead time, nor start before it is made", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 7 * 24 * 60 }),
        fc.integer({ min: 0, max: 10 * 24 * 60 }),
        (nowMin, aheadMin) => {
          const now = new Date(Date.UTC(2026, 5, 1) + nowMin * 60_000);
          const delivery = new Date(now.getTime() + aheadMin * 60_000);
          const t = offerTiming(now, delivery, S, 15);
          if (!t) return aheadMin <= S.minLeadMinutes;
          return (
            t.sendAt.getTime() >= now.getTime() &&
            t.expiresAt.getTime() > t.sendAt.getTime() - 1 &&
            t.expiresAt.getTime() <= delivery.getTime() - S.minLeadMinutes * 60_000
          );
        },
      ),
    );
  });
});
