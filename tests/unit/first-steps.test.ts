import { describe, expect, it } from "vitest";
import { firstSteps, firstStepsPending } from "@/lib/domain/first-steps";

describe("a vendor's first steps", () => {
  const fresh = { passwordChanged: false, activeMenuItems: 0, whatsapp: "12", email: null, daysOff: 0 };
  it("lists every step, and stays until the required ones are done (days off are optional)", () => {
    expect(
      firstSteps(fresh)
        .filter((s) => !s.done)
        .map((s) => s.step),
    ).toEqual(["password", "menu", "whatsapp", "email", "daysOff"]);
    expect(firstStepsPending(fresh)).toBe(true);
    const ready = {
      passwordChanged: true,
      activeMenuItems: 2,
      whatsapp: "0812 3456 7890",
      email: "a@b.id",
      daysOff: 0,
    };
    expect(firstStepsPending(ready)).toBe(false);
    expect(firstStepsPending({ ...ready, whatsapp: "+62 812" })).toBe(true);
    expect(firstStepsPending({ ...ready, email: "bukan-email" })).toBe(true);
  });
});

describe("the decree's UMKM routing cannot offer everything to", () => {
  it("names those without a menu, without a priced category, and those not TAYANG when e-purchasing needs it", async () => {
    const { offerGaps } = await import("@/lib/domain/pool-health");
    const v = (id: string, over: Record<string, unknown> = {}) => ({
      id,
      code: id,
      name: id,
      status: "ACTIVE" as const,
      suspended: false,
      categories: ["MAKAN"] as const,
      ekatalogStatus: "TAYANG" as const,
      awardedValue: 0,
      weight: 1,
      ...over,
    });
    const vendors = [
      v("ok"),
      v("no-menu", { categories: [] }),
      v("drinks-only", { categories: ["MINUMAN"] }),
      v("not-live", { ekatalogStatus: "BELUM" }),
      v("suspended", { categories: [], suspended: true }),
      v("outside", { categories: [] }),
    ] as Parameters<typeof offerGaps>[0] extends Iterable<infer T> ? T[] : never;
    const allocated = new Set(["ok", "no-menu", "drinks-only", "not-live", "suspended"]);
    expect(offerGaps(vendors, allocated, ["MAKAN", "KUDAPAN", "E_PURCHASING"], true)).toEqual([
      { vendorId: "no-menu", gap: "NO_MENU" },
      { vendorId: "drinks-only", gap: "NO_PRICED_CATEGORY" },
      { vendorId: "not-live", gap: "NOT_TAYANG" },
    ]);
    expect(offerGaps(vendors, allocated, ["MAKAN", "KUDAPAN", "E_PURCHASING"], false).map((g) => g.vendorId)).toEqual([
      "no-menu",
      "drinks-only",
    ]);
  });
});
