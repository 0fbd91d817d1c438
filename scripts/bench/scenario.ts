// The routing benchmark's scenario format (../shared/bench/README.md), validated, and loaded into a
// database as the product's own rows: OPDs with budgets and staff, vendors with menus, one decree in force.
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { dayAsDate } from "@/lib/format";
import { MENU_CATEGORIES } from "@/lib/domain/vendor";

const category = z.enum(MENU_CATEGORIES);
export const scenarioSchema = z.object({
  name: z.string().min(1),
  fiscalYear: z.number().int().min(2000).max(2100),
  priceCeilings: z.partialRecord(category, z.number().int().positive()),
  opds: z
    .array(z.object({ code: z.string().min(1), name: z.string().min(1), budget: z.number().int().nonnegative() }))
    .min(1),
  vendors: z
    .array(
      z.object({
        code: z.string().min(1),
        name: z.string().min(1),
        categories: z.array(category).min(1),
        dailyCapacityPax: z.number().int().nonnegative(),
        ekatalog: z.enum(["BELUM", "PROSES", "TAYANG"]),
      }),
    )
    .min(1),
  allocations: z.array(
    z.object({ opd: z.string(), vendor: z.string(), weight: z.number().int().positive().optional() }),
  ),
  orders: z.array(
    z.object({
      ref: z.string().min(1),
      opd: z.string(),
      submitAt: z.string().datetime(),
      deliverAt: z.string().datetime(),
      category,
      pax: z.number().int().positive(),
      unitPrice: z.number().int().positive(),
      method: z.enum(["PENGADAAN_LANGSUNG", "E_PURCHASING"]),
    }),
  ),
  responses: z
    .array(z.object({ order: z.string(), vendor: z.string(), response: z.enum(["DECLINE", "EXPIRE"]) }))
    .default([]),
  failures: z
    .array(z.object({ order: z.string(), type: z.enum(["NOT_DELIVERED", "LATE", "SHORT_QUANTITY"]) }))
    .default([]),
});
export type Scenario = z.infer<typeof scenarioSchema>;

export const BENCH_ACCOUNT = "5.1.02.01.01.0052";

export interface LoadedScenario {
  opdStaff: Map<string, { userId: string; opdId: string }>;
  vendorIds: Map<string, string>;
  vendorUsers: Map<string, string>;
  adminId: string;
}

export async function loadScenario(db: Db, s: Scenario): Promise<LoadedScenario> {
  const opdCodes = new Set(s.opds.map((o) => o.code));
  const vendorCodes = new Set(s.vendors.map((v) => v.code));
  for (const a of s.allocations) {
    if (!opdCodes.has(a.opd) || !vendorCodes.has(a.vendor))
      throw new Error(`allocation ${a.opd}/${a.vendor} names an unknown OPD or vendor`);
  }
  const noLogin = "bench-account-without-login";
  await db.priceCeiling.createMany({
    data: Object.entries(s.priceCeilings).map(([c, max]) => ({
      category: c as z.infer<typeof category>,
      fiscalYear: s.fiscalYear,
      maxPerPax: BigInt(max),
    })),
  });
  await db.opd.createMany({ data: s.opds.map((o) => ({ code: o.code, name: o.name })) });
  const opds = new Map((await db.opd.findMany({ select: { id: true, code: true } })).map((o) => [o.code, o.id]));
  await db.budget.createMany({
    data: s.opds.map((o) => ({
      opdId: opds.get(o.code)!,
      fiscalYear: s.fiscalYear,
      accountCode: BENCH_ACCOUNT,
      accountName: "Belanja Makanan dan Minuman Rapat",
      pagu: BigInt(o.budget),
    })),
  });
  await db.vendor.createMany({
    data: s.vendors.map((v) => ({
      code: v.code,
      name: v.name,
      ownerName: v.name,
      address: "-",
      kelurahan: "-",
      kecamatan: "-",
      whatsapp: "-",
      dailyCapacityPax: v.dailyCapacityPax,
      ekatalogStatus: v.ekatalog,
      ekProductLive: v.ekatalog === "TAYANG",
      ekatalogUrl: v.ekatalog === "TAYANG" ? `https://katalog.example/${v.code}` : null,
    })),
  });
  const vendorIds = new Map(
    (await db.vendor.findMany({ select: { id: true, code: true } })).map((v) => [v.code, v.id]),
  );
  await db.vendorMenuItem.createMany({
    data: s.vendors.flatMap((v) =>
      v.categories.map((c) => ({
        vendorId: vendorIds.get(v.code)!,
        category: c,
        name: c,
        pricePerPax: BigInt(s.priceCeilings[c] ?? 10_000),
      })),
    ),
  });
  await db.user.createMany({
    data: [
      { username: "bench-admin", name: "Bench admin", passwordHash: noLogin, role: "ADMIN" as const },
      ...s.opds.map((o, i) => ({
        username: `bench-opd-${i}`,
        name: o.name,
        passwordHash: noLogin,
        role: "OPD_STAFF" as const,
        opdId: opds.get(o.code)!,
      })),
      ...s.vendors.map((v, i) => ({
        username: `bench-vendor-${i}`,
        name: v.name,
        passwordHash: noLogin,
        role: "VENDOR" as const,
        vendorId: vendorIds.get(v.code)!,
      })),
    ],
  });
  const users = await db.user.findMany({ select: { id: true, opdId: true, vendorId: true, role: true } });
  const decree = await db.decree.create({
    data: {
      number: `BENCH-${s.name}`,
      title: s.name,
      effectiveFrom: dayAsDate(`${s.fiscalYear}-01-01`),
      status: "IN_FORCE",
    },
  });
  await db.allocation.createMany({
    data: s.allocations.map((a) => ({
      decreeId: decree.id,
      opdId: opds.get(a.opd)!,
      vendorId: vendorIds.get(a.vendor)!,
      weight: a.weight ?? 1,
    })),
    skipDuplicates: true,
  });
  const opdCodeById = new Map([...opds].map(([code, id]) => [id, code]));
  const vendorCodeById = new Map([...vendorIds].map(([code, id]) => [id, code]));
  return {
    opdStaff: new Map(
      users.filter((u) => u.opdId).map((u) => [opdCodeById.get(u.opdId!)!, { userId: u.id, opdId: u.opdId! }]),
    ),
    vendorIds,
    vendorUsers: new Map(users.filter((u) => u.vendorId).map((u) => [vendorCodeById.get(u.vendorId!)!, u.id])),
    adminId: users.find((u) => u.role === "ADMIN")!.id,
  };
}
