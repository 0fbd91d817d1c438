// The admins' escalation queue: orders nobody in the decree's pool could take, most urgent first (the soonest
// delivery; then the longest waiting) with the time left before delivery, and for each the UMKM anywhere in the city that could take it — ranked by the same
// rule routing uses (least awarded value first), with every other UMKM's reason.
import type { Tx } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import type { Actor } from "@/lib/data/audit";
import { requireAdmin } from "@/lib/data/authorise";
import { rp } from "@/lib/domain/money";
import { getSettings } from "@/lib/data/settings/get-settings";
import { toPoolVendor } from "@/lib/data/routing/route-order";
import { readStandings, type StandingRow } from "@/lib/db/sql/standings";
import {
  rankPool,
  type Exclusion,
  type OrderToRoute,
  type PoolVendor,
  type RankedCandidate,
} from "@/lib/domain/routing";
import type { MenuCategory, ProcurementMethod } from "@/lib/generated/prisma/enums";

/**
 * By hand an admin may ask again a UMKM that declined or let the offer lapse (after a phone call, say),
 * never one that failed this order; every other rule is routing's own.
 */
export function forManualAssignment(rows: StandingRow[]): PoolVendor[] {
  return rows.map((r) => {
    const v = toPoolVendor(r, 1);
    return { ...v, priorOutcome: v.priorOutcome === "FAILED" ? "FAILED" : null };
  });
}

export function rankForManualAssignment(order: OrderToRoute, rows: StandingRow[], ePurchasingRequiresTayang: boolean) {
  return rankPool(order, forManualAssignment(rows), ePurchasingRequiresTayang);
}

export interface EscalatedOrder {
  id: string;
  number: string;
  opdName: string;
  eventName: string;
  deliveryAt: Date;
  place: string;
  pax: number;
  category: MenuCategory;
  method: ProcurementMethod;
  total: number;
  escalatedAt: Date | null;
  minutesLeft: number;
  reason: string | null;
  candidates: RankedCandidate[];
  excluded: Exclusion[];
}

/** The escalated orders for an admin to assign by hand, most urgent first (admins only). */
export async function getEscalationQueue(tx: Tx, opts: { clock: Clock; actor: Actor }): Promise<EscalatedOrder[]> {
  requireAdmin(opts.actor);
  const now = opts.clock.now();
  const [orders, vendors, settings] = await Promise.all([
    tx.order.findMany({
      where: { status: "ESCALATED" },
      orderBy: [{ deliveryAt: "asc" }, { escalatedAt: "asc" }, { createdAt: "asc" }],
      take: 50,
      include: {
        opd: { select: { name: true } },
        decisions: { orderBy: { round: "desc" }, take: 1, select: { outcome: true } },
      },
    }),
    tx.vendor.findMany({ where: { status: { not: "REMOVED" } }, select: { id: true } }),
    getSettings(tx),
  ]);
  const ids = vendors.map((v) => v.id);
  const result: EscalatedOrder[] = [];
  for (const o of orders) {
    const rows = await readStandings(tx, ids, o, now);
    const ranked = rankForManualAssignment(
      { orderId: o.id, category: o.category, pax: o.pax, method: o.method },
      rows,
      settings.ePurchasingRequiresTayang,
    );
    result.push({
      id: o.id,
      number: o.number,
      opdName: o.opd.name,
      eventName: o.eventName,
      deliveryAt: o.deliveryAt,
      place: o.place,
      pax: o.pax,
      category: o.category,
      method: o.method,
      total: rp(o.total),
      escalatedAt: o.escalatedAt,
      minutesLeft: Math.floor((o.deliveryAt.getTime() - now.getTime()) / 60_000),
      reason: o.decisions[0]?.outcome ?? null,
      candidates: ranked.candidates.slice(0, 10),
      excluded: ranked.exclusions,
    });
  }
  return result;
}
