import { describe, expect, it } from "vitest";
import { ekatalogStatusOf, type EkatalogChecklist } from "@/lib/domain/vendor";
import { ROLE_HOME, isRole } from "@/lib/auth/roles";
import { prng, demoLogins } from "@/prisma/seed/seed-demo";
import { OPDS, UMKM } from "@/prisma/seed/mojokerto";
import { fixedClock } from "@/lib/clock";
import { rp } from "@/lib/domain/money";

const none: EkatalogChecklist = {
  ekHasNib: false,
  ekHasNpwp: false,
  ekHasPirt: false,
  ekHasHalal: false,
  kbliCode: null,
  ekInaprocAccount: false,
  ekProductLive: false,
  ekatalogUrl: null,
};

describe("e-Katalog checklist → status", () => {
  it("is BELUM with nothing done, PROSES once anything is, TAYANG only when live with a link", () => {
    expect(ekatalogStatusOf(none)).toBe("BELUM");
    expect(ekatalogStatusOf({ ...none, ekHasNib: true })).toBe("PROSES");
    expect(ekatalogStatusOf({ ...none, kbliCode: "56210" })).toBe("PROSES");
    expect(ekatalogStatusOf({ ...none, ekProductLive: true })).toBe("BELUM");
    expect(ekatalogStatusOf({ ...none, ekProductLive: true, ekatalogUrl: "https://x" })).toBe("TAYANG");
  });
});

describe("roles", () => {
  it("sends each role to its own home", () => {
    expect(ROLE_HOME).toEqual({ ADMIN: "/admin", MAYOR: "/mayor", OPD_STAFF: "/opd", VENDOR: "/vendor" });
    expect(isRole("ADMIN")).toBe(true);
    expect(isRole("admin")).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});

describe("demo seed data", () => {
  it("has the 26 OPDs and 23 UMKM the issue names, with the documented logins", () => {
    expect(OPDS).toHaveLength(26);
    expect(new Set(OPDS.map((o) => o.code)).size).toBe(26);
    expect(UMKM).toHaveLength(23);
    const logins = demoLogins().map((l) => l.username);
    expect(logins).toContain("admin");
    expect(logins).toContain("walikota");
    expect(logins).toContain("opd-diskominfo");
    expect(logins).toContain("umkm-01");
    expect(logins).toContain("umkm-23");
    expect(new Set(logins).size).toBe(logins.length);
    for (const l of logins) expect(l).toMatch(/^[a-z0-9][a-z0-9._-]{1,62}$/);
  });
  it("uses a deterministic generator", () => {
    const a = prng(7);
    const b = prng(7);
    expect([a.next(), a.next(), a.int(1, 6)]).toEqual([b.next(), b.next(), b.int(1, 6)]);
  });
});

describe("clock and money", () => {
  it("fixed clocks move only when told", () => {
    const c = fixedClock("2026-01-01T00:00:00Z");
    expect(c.now().toISOString()).toBe("2026-01-01T00:00:00.000Z");
    c.advance(60_000);
    expect(c.now().toISOString()).toBe("2026-01-01T00:01:00.000Z");
  });
  it("converts rupiah bigints exactly and refuses unsafe ones", () => {
    expect(rp(1_234_567_890n)).toBe(1_234_567_890);
    expect(rp(null)).toBe(0);
    expect(() => rp(2n ** 60n)).toThrow(RangeError);
  });
});

describe("the enum lists the forms show", () => {
  it("are the database's enums, value for value (a new category or status must reach every form)", async () => {
    const { MenuCategory, EkatalogStatus, DocumentType } = await import("@/lib/generated/prisma/enums");
    const { MENU_CATEGORIES, EKATALOG_STATUSES, DOCUMENT_TYPES } = await import("@/lib/domain/vendor");
    expect([...MENU_CATEGORIES].sort()).toEqual(Object.values(MenuCategory).sort());
    expect([...DOCUMENT_TYPES].sort()).toEqual(Object.values(DocumentType).sort());
    expect([...EKATALOG_STATUSES].sort()).toEqual(Object.values(EkatalogStatus).sort());
  });
});

describe("a document's expiry warning", () => {
  it("reaches 30 days past today in WIB (just after midnight WIB is already the next day)", async () => {
    const { expiryLimit, EXPIRY_WARNING_DAYS } = await import("@/lib/domain/vendor");
    expect(EXPIRY_WARNING_DAYS).toBe(30);
    expect(expiryLimit(new Date("2026-11-30T16:59:00Z")).toISOString()).toBe("2026-12-30T00:00:00.000Z");
    expect(expiryLimit(new Date("2026-11-30T17:01:00Z")).toISOString()).toBe("2026-12-31T00:00:00.000Z");
  });
});
