// Factories shared by tests: each creates exactly what a test needs, with unique natural keys.
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import type { MenuCategory, Role } from "@/lib/generated/prisma/enums";
import { dayAsDate } from "@/lib/format";

const uid = () => randomUUID().slice(0, 8);

export async function createOpd(db: Db, over: Partial<{ code: string; name: string }> = {}) {
  const code = over.code ?? `OPD-${uid()}`.toUpperCase();
  return db.opd.create({ data: { code, name: over.name ?? `Dinas Uji ${code}` } });
}

export async function createVendor(
  db: Db,
  over: Partial<{
    code: string;
    name: string;
    capacity: number;
    categories: MenuCategory[];
    status: "ACTIVE" | "SUSPENDED" | "REMOVED";
  }> = {},
) {
  const code = over.code ?? `UMKM-${uid()}`.toUpperCase();
  return db.vendor.create({
    data: {
      code,
      name: over.name ?? `Dapur Uji ${code}`,
      ownerName: "Pemilik Uji",
      address: "Jl. Uji No. 1",
      kelurahan: "Wates",
      kecamatan: "Magersari",
      whatsapp: "6281200000000",
      dailyCapacityPax: over.capacity ?? 200,
      status: over.status ?? "ACTIVE",
      menuItems: {
        create: (over.categories ?? ["MAKAN", "KUDAPAN"]).map((category) => ({
          category,
          name: `Menu ${category}`,
          pricePerPax: category === "MAKAN" ? 35_000n : 15_000n,
        })),
      },
    },
  });
}

export async function createUser(
  db: Db,
  over: { role: Role; opdId?: string; vendorId?: string; username?: string; password?: string; active?: boolean },
) {
  return db.user.create({
    data: {
      username: over.username ?? `user-${uid()}`,
      name: "Pengguna Uji",
      passwordHash: await hashPassword(over.password ?? "kata-sandi-uji-123"),
      role: over.role,
      opdId: over.opdId ?? null,
      vendorId: over.vendorId ?? null,
      active: over.active ?? true,
    },
  });
}

export async function createBudget(db: Db, opdId: string, fiscalYear: number, pagu: number, committed = 0) {
  return db.budget.create({
    data: {
      opdId,
      fiscalYear,
      accountCode: "5.1.02.01.01.0052",
      accountName: "Belanja Makanan dan Minuman Rapat",
      pagu: BigInt(pagu),
      committed: BigInt(committed),
    },
  });
}

export async function createDecree(
  db: Db,
  opts: {
    effectiveFrom: string;
    pools: { opdId: string; vendorIds: string[] }[];
    status?: "DRAFT" | "IN_FORCE" | "SUPERSEDED";
  },
) {
  return db.decree.create({
    data: {
      number: `SK-UJI-${uid()}`,
      title: "SK uji",
      effectiveFrom: dayAsDate(opts.effectiveFrom),
      status: opts.status ?? "IN_FORCE",
      allocations: { create: opts.pools.flatMap((p) => p.vendorIds.map((vendorId) => ({ opdId: p.opdId, vendorId }))) },
    },
  });
}

export async function createOrder(
  db: Db,
  opts: {
    opdId: string;
    placedById: string;
    budgetId: string;
    vendorId?: string | null;
    status?: "SUBMITTED" | "OFFERED" | "ACCEPTED" | "DELIVERED" | "ESCALATED" | "CANCELLED" | "FAILED";
    deliveryAt: Date;
    pax?: number;
    unitPrice?: number;
  },
) {
  const pax = opts.pax ?? 50;
  const unitPrice = opts.unitPrice ?? 30_000;
  const day = new Date(opts.deliveryAt.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
  return db.order.create({
    data: {
      number: `MM-UJI-${uid()}`,
      opdId: opts.opdId,
      placedById: opts.placedById,
      budgetId: opts.budgetId,
      eventName: "Rapat uji",
      deliveryAt: opts.deliveryAt,
      deliveryDay: dayAsDate(day),
      place: "Aula",
      contactName: "Kontak",
      contactPhone: "6281",
      pax,
      category: "MAKAN",
      unitPrice: BigInt(unitPrice),
      total: BigInt(unitPrice * pax),
      fiscalYear: Number(day.slice(0, 4)),
      accountCode: "5.1.02.01.01.0052",
      method: "PENGADAAN_LANGSUNG",
      status: opts.status ?? "SUBMITTED",
      vendorId: opts.vendorId ?? null,
      cancelReason: opts.status === "CANCELLED" ? "uji" : null,
      idempotencyKey: uid(),
      payloadHash: uid(),
    },
  });
}
