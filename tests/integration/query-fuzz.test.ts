// Issue 16 (7): filters read from the address bar — list pages and exports — never reach a 500, whatever the query
// string holds (impossible dates, NUL bytes, bidirectional overrides, huge numbers): each query is parsed by the
// page's own schema and run by its own use case against a real database.
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { testDb } from "@/tests/support/integration-setup";
import { createCity } from "@/tests/factories/routing";
import { listOpdOrders, orderListQuerySchema } from "@/lib/data/orders/list-opd-orders";
import { auditQuerySchema, listAuditLog } from "@/lib/data/admin/audit-log";
import { vendorListQuerySchema, listVendors } from "@/lib/data/admin/vendors/list-vendors";
import { getPublicSpread } from "@/lib/data/public/public-spread";
import { droppedFilters } from "@/lib/validation/query";
import { fixedClock } from "@/lib/clock";

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const nasty = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom("2026-13-45", "2026-12-32", "2026-02-30", "0000-00-00", "9999-99-99", "1e309", "-1", "NaN"),
  fc.constantFrom("a\u0000b", "\u0000", "x\u202eY", "\u001b[31m", "%00", '\'; DROP TABLE "Order"; --'),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);
const queryOf = (keys: string[]) => fc.dictionary(fc.constantFrom(...keys), nasty, { maxKeys: keys.length });

describe("address-bar filters under random input", () => {
  let opdId = "";
  beforeAll(async () => {
    const city = await createCity(testDb(), { opds: 1, vendors: 2, pools: [[0, 1]] });
    opdId = city.opds[0]!.id;
  });

  it("the OPD's order list and its export", async () => {
    await fc.assert(
      fc.asyncProperty(queryOf(["q", "status", "from", "to", "vendor", "page"]), async (raw) => {
        const query = orderListQuerySchema.parse(raw);
        await listOpdOrders(testDb(), { actor: { role: "OPD_STAFF", opdId }, query });
        for (const k of ["from", "to"] as const) if (query[k]) expect(query[k]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (query.q) expect(query.q).not.toMatch(/[\u0000-\u001f\u202a-\u202e]/);
      }),
      { numRuns: RUNS },
    );
    // An impossible date is dropped, and the page can say so.
    const raw = { from: "2026-13-45", to: "2026-12-32", q: "a\u0000b" };
    const query = orderListQuerySchema.parse(raw);
    expect(query).toMatchObject({ from: undefined, to: undefined, q: "ab" });
    expect(droppedFilters(raw, query, ["from", "to", "q"])).toEqual(["from", "to"]);
  });

  it("the audit log, the vendor registry and the public page", async () => {
    await fc.assert(
      fc.asyncProperty(
        queryOf(["user", "action", "entity", "entityId", "from", "to", "page"]),
        queryOf(["q", "status", "kelurahan", "page"]),
        fc.oneof(nasty, fc.constant("custom:2026-02-30..2026-13-01")),
        async (audit, vendors, period) => {
          await listAuditLog(testDb(), { actor: { id: null, role: "ADMIN" }, query: auditQuerySchema.parse(audit) });
          await listVendors(testDb(), {
            clock: fixedClock("2026-06-01T02:00:00Z"),
            actor: { id: null, role: "ADMIN" },
            query: vendorListQuerySchema.parse(vendors),
          });
          await getPublicSpread(testDb(), {
            clock: fixedClock("2026-06-01T02:00:00Z"),
            query: { period, opd: period },
          });
        },
      ),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });
});
