// A small city for routing tests: OPDs with budgets, vendors, a decree in force, ceilings and staff.
import type { Db } from "@/lib/db/client";
import { createBudget, createDecree, createOpd, createUser, createVendor } from "@/tests/factories";
import type { MenuCategory } from "@/lib/generated/prisma/enums";
import { SETTINGS_KEY, type RoutingSettings } from "@/lib/domain/settings";

export interface City {
  opds: { id: string; code: string; staffId: string; budgetId: string }[];
  vendors: { id: string; code: string; userId: string }[];
  decreeId: string;
}

/** pools[i] lists the vendor indexes allocated to OPD i. */
export async function createCity(
  db: Db,
  opts: {
    opds: number;
    vendors: number;
    pools: number[][];
    capacity?: number;
    budget?: number;
    fiscalYear?: number;
    categories?: MenuCategory[];
    weights?: Record<string, number>;
  },
): Promise<City> {
  const fiscalYear = opts.fiscalYear ?? 2026;
  await db.priceCeiling.createMany({
    data: [
      { category: "MAKAN", fiscalYear, maxPerPax: 49_000n },
      { category: "KUDAPAN", fiscalYear, maxPerPax: 23_000n },
    ],
    skipDuplicates: true,
  });
  const vendors: City["vendors"] = [];
  for (let i = 0; i < opts.vendors; i++) {
    const v = await createVendor(db, { capacity: opts.capacity ?? 1000, categories: opts.categories });
    const u = await createUser(db, { role: "VENDOR", vendorId: v.id });
    vendors.push({ id: v.id, code: v.code, userId: u.id });
  }
  const opds: City["opds"] = [];
  for (let i = 0; i < opts.opds; i++) {
    const o = await createOpd(db);
    const staff = await createUser(db, { role: "OPD_STAFF", opdId: o.id });
    const b = await createBudget(db, o.id, fiscalYear, opts.budget ?? 10_000_000_000);
    opds.push({ id: o.id, code: o.code, staffId: staff.id, budgetId: b.id });
  }
  // One decree is in force city-wide: later cities in the same database join it.
  const pools = opts.pools.map((idx, i) => ({ opdId: opds[i]!.id, vendorIds: idx.map((k) => vendors[k]!.id) }));
  const existing = await db.decree.findFirst({
    where: { status: "IN_FORCE", effectiveFrom: new Date(`${fiscalYear}-01-01T00:00:00Z`) },
  });
  const decree = existing ?? (await createDecree(db, { effectiveFrom: `${fiscalYear}-01-01`, pools: [] }));
  await db.allocation.createMany({
    data: pools.flatMap((p) => p.vendorIds.map((vendorId) => ({ decreeId: decree.id, opdId: p.opdId, vendorId }))),
  });
  if (opts.weights) {
    for (const [k, w] of Object.entries(opts.weights)) {
      await db.allocation.updateMany({
        where: { decreeId: decree.id, vendorId: vendors[Number(k)]!.id },
        data: { weight: w },
      });
    }
  }
  return { opds, vendors, decreeId: decree.id };
}

let seq = 0;
export function orderInput(over: Partial<Record<string, unknown>> = {}) {
  seq += 1;
  return {
    idempotencyKey: `key-${Date.now()}-${seq}-${Math.random().toString(36).slice(2)}`,
    eventName: "Rapat koordinasi",
    deliveryAt: new Date("2026-06-10T03:00:00Z"),
    place: "Aula",
    contactName: "Bu Ani",
    contactPhone: "081234567890",
    pax: 50,
    category: "MAKAN",
    unitPrice: 40_000,
    accountCode: "5.1.02.01.01.0052",
    method: "PENGADAAN_LANGSUNG",
    ...over,
  };
}

/** Runs `fn` with some routing settings overridden (stored as an admin would), then removes the override. */
export async function withSettings<T>(db: Db, overrides: Partial<RoutingSettings>, fn: () => Promise<T>): Promise<T> {
  await db.setting.upsert({
    where: { key: SETTINGS_KEY },
    create: { key: SETTINGS_KEY, value: overrides },
    update: { value: overrides },
  });
  try {
    return await fn();
  } finally {
    await db.setting.deleteMany({ where: { key: SETTINGS_KEY } });
  }
}

/** The i-th OPD's staff member as the actor of an order. */
export const staffActor = (c: Pick<City, "opds">, i = 0) => ({
  id: c.opds[i]!.staffId,
  role: "OPD_STAFF" as const,
  opdId: c.opds[i]!.id,
});

/** A vendor's owner as the actor of an answer. */
export const vendorActor = (c: Pick<City, "vendors">, vendorId: string) => ({
  id: c.vendors.find((v) => v.id === vendorId)!.userId,
  role: "VENDOR" as const,
  vendorId,
});
