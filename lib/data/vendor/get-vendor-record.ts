// A vendor's own record for the fiscal year: orders and value, on-time rate, failures, sanctions and its
// place in the city-wide spread (how far below or above the even share). Scoped by its own vendorId.
import type { Role } from "@/lib/generated/prisma/enums";
import { requireOwnVendorId } from "@/lib/data/authorise";
import type { Tx } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { rp } from "@/lib/domain/money";
import { vendorValuesOfYear } from "@/lib/data/spread/vendor-values";
import { fiscalYearOf, fiscalYearRange } from "@/lib/format";
import type { FailureType, SanctionLevel, SanctionStatus } from "@/lib/generated/prisma/enums";

export interface VendorRecord {
  fiscalYear: number;
  deliveredOrders: number;
  deliveredValue: number;
  acceptedOrders: number;
  acceptedValue: number;
  /** Delivered on time ÷ all settled (delivered or failed); null before the first settlement. */
  onTimeRate: number | null;
  settled: number;
  failures: { orderNumber: string; eventName: string; type: FailureType | null; at: Date; evidence: string | null }[];
  sanctions: {
    id: string;
    level: SanctionLevel;
    status: SanctionStatus;
    cause: string;
    decisionReason: string | null;
    startsAt: Date | null;
    endsAt: Date | null;
    proposedAt: Date;
    vendorClarification: string | null;
    clarifiedAt: Date | null;
  }[];
  spread: {
    /** This vendor's awarded value (accepted + delivered). */
    value: number;
    /** The city-wide mean over the UMKM of the decree in force. */
    evenShare: number;
    /** 1 = largest value; ties share a rank. */
    rank: number;
    of: number;
  };
}

export async function getVendorRecord(
  tx: Tx,
  opts: { clock: Clock; actor: { role: Role | null; vendorId?: string | null } },
): Promise<VendorRecord> {
  const vendorId = requireOwnVendorId(opts.actor);
  const { clock } = opts;
  const now = clock.now();
  const fiscalYear = fiscalYearOf(now);
  const { start, end } = fiscalYearRange(fiscalYear);
  const inYear = { gte: start, lt: end };
  const [byStatus, fulfilments, failures, sanctions, spread] = await Promise.all([
    tx.order.groupBy({
      by: ["status"],
      where: { vendorId, status: { in: ["ACCEPTED", "DELIVERED"] }, deliveryAt: inYear },
      _sum: { total: true },
      _count: true,
    }),
    tx.fulfilment.groupBy({
      by: ["outcome"],
      where: { vendorId, order: { deliveryAt: inYear } },
      _count: true,
    }),
    tx.fulfilment.findMany({
      where: { vendorId, outcome: "FAILED" },
      orderBy: { createdAt: "desc" },
      take: 20,
      select: {
        failureType: true,
        createdAt: true,
        evidence: true,
        order: { select: { number: true, eventName: true } },
      },
    }),
    tx.sanction.findMany({
      where: { vendorId },
      orderBy: { proposedAt: "desc" },
      select: {
        id: true,
        level: true,
        status: true,
        cause: true,
        vendorClarification: true,
        clarifiedAt: true,
        decisionReason: true,
        startsAt: true,
        endsAt: true,
        proposedAt: true,
      },
    }),
    vendorValuesOfYear(tx, { clock, fiscalYear }),
  ]);
  const onTime = await tx.fulfilment.count({
    where: {
      vendorId,
      outcome: "DELIVERED",
      order: { deliveryAt: inYear },
      OR: [{ lateMinutes: null }, { lateMinutes: 0 }],
    },
  });
  const status = (s: "ACCEPTED" | "DELIVERED") => byStatus.find((g) => g.status === s);
  const settled = fulfilments.reduce((a, g) => a + g._count, 0);
  const values = [...spread.values.values()];
  const mine = spread.values.get(vendorId) ?? 0;
  const total = values.reduce((a, v) => a + v, 0);
  return {
    fiscalYear,
    deliveredOrders: status("DELIVERED")?._count ?? 0,
    deliveredValue: rp(status("DELIVERED")?._sum.total),
    acceptedOrders: status("ACCEPTED")?._count ?? 0,
    acceptedValue: rp(status("ACCEPTED")?._sum.total),
    onTimeRate: settled > 0 ? onTime / settled : null,
    settled,
    failures: failures.map((f) => ({
      orderNumber: f.order.number,
      eventName: f.order.eventName,
      type: f.failureType,
      at: f.createdAt,
      evidence: f.evidence,
    })),
    sanctions,
    spread: {
      value: mine,
      evenShare: values.length > 0 ? Math.round(total / values.length) : 0,
      rank: 1 + values.filter((v) => v > mine).length,
      of: Math.max(values.length, 1),
    },
  };
}
