import type { Tx } from "@/lib/db/client";
import { requireAdmin } from "@/lib/data/authorise";
import type { Actor } from "@/lib/data/audit";
import type { Clock } from "@/lib/clock";
import { rp } from "@/lib/domain/money";
import { findDecreeInForce } from "@/lib/data/decree/find-decree-in-force";
import { dayAsDate, fiscalYearOf, wibDay } from "@/lib/format";
import { getDaysToPay, type DaysToPay } from "@/lib/data/dashboard/get-days-to-pay";
import { getSettings } from "@/lib/data/settings/get-settings";
import { parsePeriod } from "@/lib/domain/period";
import type { EkatalogStatus, SanctionLevel, VendorStatus } from "@/lib/generated/prisma/enums";

export interface AdminHome {
  ekatalog: Record<EkatalogStatus, number>;
  vendorStatus: Record<VendorStatus, number>;
  totalVendors: number;
  escalations: {
    id: string;
    number: string;
    opdName: string;
    eventName: string;
    deliveryAt: Date;
    total: number;
    escalatedAt: Date | null;
  }[];
  sanctionProposals: {
    id: string;
    vendorName: string;
    level: SanctionLevel;
    cause: string;
    proposedAt: Date;
    orderNumber: string | null;
  }[];
  decree: { number: string; effectiveFrom: Date; allocations: number; opds: number } | null;
  documentsExpiringSoon: number;
  /** This fiscal year's days to pay, what is owed now and the oldest overdue deliveries (issue 20). */
  payments: DaysToPay;
}

/** The admins' home: what waits for them today (admins only). */
export async function getAdminHome(tx: Tx, opts: { clock: Clock; actor: Actor }): Promise<AdminHome> {
  requireAdmin(opts.actor);
  const { clock } = opts;
  const now = clock.now();
  const today = wibDay(now);
  const in30 = new Date(dayAsDate(today).getTime() + 30 * 86_400_000);
  const [ek, st, escalations, proposals, decree, expiring, payments] = await Promise.all([
    tx.vendor.groupBy({ by: ["ekatalogStatus"], where: { status: { not: "REMOVED" } }, _count: true }),
    tx.vendor.groupBy({ by: ["status"], _count: true }),
    tx.order.findMany({
      where: { status: "ESCALATED" },
      orderBy: [{ escalatedAt: "asc" }, { createdAt: "asc" }],
      take: 10,
      select: {
        id: true,
        number: true,
        eventName: true,
        deliveryAt: true,
        total: true,
        escalatedAt: true,
        opd: { select: { name: true } },
      },
    }),
    tx.sanction.findMany({
      where: { status: "PROPOSED" },
      orderBy: { proposedAt: "asc" },
      take: 10,
      select: {
        id: true,
        level: true,
        cause: true,
        proposedAt: true,
        vendor: { select: { name: true } },
        order: { select: { number: true } },
      },
    }),
    findDecreeInForce(tx, today),
    tx.vendorDocument.count({ where: { expiresOn: { lte: in30 }, vendor: { status: { not: "REMOVED" } } } }),
    getSettings(tx).then((settings) =>
      getDaysToPay(tx, {
        clock,
        period: parsePeriod(`year:${fiscalYearOf(now)}`)!,
        opdId: null,
        targetDays: settings.paymentTargetDays,
        listLimit: 5,
      }),
    ),
  ]);
  const ekatalog: Record<EkatalogStatus, number> = { BELUM: 0, PROSES: 0, TAYANG: 0 };
  for (const g of ek) ekatalog[g.ekatalogStatus] = g._count;
  const vendorStatus: Record<VendorStatus, number> = { ACTIVE: 0, SUSPENDED: 0, REMOVED: 0 };
  for (const g of st) vendorStatus[g.status] = g._count;
  let decreeSummary: AdminHome["decree"] = null;
  if (decree) {
    const allocs = await tx.allocation.findMany({ where: { decreeId: decree.id }, select: { opdId: true } });
    decreeSummary = {
      number: decree.number,
      effectiveFrom: decree.effectiveFrom,
      allocations: allocs.length,
      opds: new Set(allocs.map((a) => a.opdId)).size,
    };
  }
  return {
    ekatalog,
    vendorStatus,
    totalVendors: Object.values(vendorStatus).reduce((s, n) => s + n, 0),
    escalations: escalations.map((o) => ({
      id: o.id,
      number: o.number,
      opdName: o.opd.name,
      eventName: o.eventName,
      deliveryAt: o.deliveryAt,
      total: rp(o.total),
      escalatedAt: o.escalatedAt,
    })),
    sanctionProposals: proposals.map((s) => ({
      id: s.id,
      vendorName: s.vendor.name,
      level: s.level,
      cause: s.cause,
      proposedAt: s.proposedAt,
      orderNumber: s.order?.number ?? null,
    })),
    decree: decreeSummary,
    documentsExpiringSoon: expiring,
    payments,
  };
}
