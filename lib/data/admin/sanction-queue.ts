// The admins' sanction queue: proposals oldest first with the order, the OPD's evidence and the vendor's
// history; the vendors suspended now (to reinstate early); the latest decisions.
import type { Tx } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import type { Actor } from "@/lib/data/audit";
import { requireAdmin } from "@/lib/data/authorise";
import type { FailureType, SanctionLevel, SanctionStatus, VendorStatus } from "@/lib/generated/prisma/enums";
import { SUSPENDING_LEVELS } from "@/lib/domain/sanctions";

export interface SanctionProposal {
  id: string;
  level: SanctionLevel;
  cause: string;
  proposedAt: Date;
  /** The vendor's side of the story, if it sent one (lib/data/sanctions/clarify-sanction.ts). */
  clarification: { text: string; at: Date } | null;
  vendor: { id: string; code: string; name: string; status: VendorStatus };
  order: { id: string; number: string; eventName: string; opdName: string; deliveryAt: Date } | null;
  evidence: { type: FailureType | null; text: string | null; reportedAt: Date } | null;
  history: { failuresLastYear: number; confirmed: { level: SanctionLevel; decidedAt: Date | null }[] };
}

export interface SanctionQueue {
  proposals: SanctionProposal[];
  suspended: {
    vendorId: string;
    code: string;
    name: string;
    level: SanctionLevel;
    endsAt: Date | null;
    cause: string;
  }[];
  decided: {
    id: string;
    vendorName: string;
    level: SanctionLevel;
    status: SanctionStatus;
    decidedAt: Date | null;
    decisionReason: string | null;
  }[];
}

/** The admins' sanction queue (admins only). */
export async function getSanctionQueue(tx: Tx, opts: { clock: Clock; actor: Actor }): Promise<SanctionQueue> {
  requireAdmin(opts.actor);
  const now = opts.clock.now();
  const yearAgo = new Date(now.getTime() - 365 * 86_400_000);
  const [proposals, suspended, decided] = await Promise.all([
    tx.sanction.findMany({
      where: { status: "PROPOSED" },
      orderBy: { proposedAt: "asc" },
      take: 100,
      include: {
        vendor: { select: { id: true, code: true, name: true, status: true } },
        order: {
          select: {
            id: true,
            number: true,
            eventName: true,
            deliveryAt: true,
            opd: { select: { name: true } },
            fulfilments: {
              where: { outcome: "FAILED" },
              orderBy: { createdAt: "desc" },
              select: { vendorId: true, failureType: true, evidence: true, createdAt: true },
            },
          },
        },
      },
    }),
    tx.vendor.findMany({
      where: { status: { in: ["SUSPENDED", "REMOVED"] } },
      orderBy: { name: "asc" },
      select: {
        id: true,
        code: true,
        name: true,
        sanctions: {
          where: { status: "CONFIRMED", level: { in: [...SUSPENDING_LEVELS] } },
          orderBy: { decidedAt: "desc" },
          take: 1,
          select: { level: true, endsAt: true, cause: true },
        },
      },
    }),
    tx.sanction.findMany({
      where: { status: { not: "PROPOSED" } },
      orderBy: { decidedAt: "desc" },
      take: 20,
      select: {
        id: true,
        level: true,
        status: true,
        decidedAt: true,
        decisionReason: true,
        vendor: { select: { name: true } },
      },
    }),
  ]);
  const vendorIds = [...new Set(proposals.map((p) => p.vendorId))];
  const [failures, confirmed] = await Promise.all([
    tx.fulfilment.groupBy({
      by: ["vendorId"],
      where: { vendorId: { in: vendorIds }, outcome: "FAILED", createdAt: { gte: yearAgo } },
      _count: true,
    }),
    tx.sanction.findMany({
      where: { vendorId: { in: vendorIds }, status: "CONFIRMED" },
      orderBy: { decidedAt: "desc" },
      select: { vendorId: true, level: true, decidedAt: true },
    }),
  ]);
  return {
    proposals: proposals.map((p) => {
      const f = p.order?.fulfilments.find((x) => x.vendorId === p.vendorId);
      return {
        id: p.id,
        level: p.level,
        cause: p.cause,
        proposedAt: p.proposedAt,
        clarification:
          p.vendorClarification && p.clarifiedAt ? { text: p.vendorClarification, at: p.clarifiedAt } : null,
        vendor: p.vendor,
        order: p.order
          ? {
              id: p.order.id,
              number: p.order.number,
              eventName: p.order.eventName,
              opdName: p.order.opd.name,
              deliveryAt: p.order.deliveryAt,
            }
          : null,
        evidence: f ? { type: f.failureType, text: f.evidence, reportedAt: f.createdAt } : null,
        history: {
          failuresLastYear: failures.find((g) => g.vendorId === p.vendorId)?._count ?? 0,
          confirmed: confirmed
            .filter((c) => c.vendorId === p.vendorId)
            .map((c) => ({ level: c.level, decidedAt: c.decidedAt })),
        },
      };
    }),
    suspended: suspended.map((v) => ({
      vendorId: v.id,
      code: v.code,
      name: v.name,
      level: v.sanctions[0]?.level ?? "SP2",
      endsAt: v.sanctions[0]?.endsAt ?? null,
      cause: v.sanctions[0]?.cause ?? "",
    })),
    decided: decided.map((d) => ({
      id: d.id,
      vendorName: d.vendor.name,
      level: d.level,
      status: d.status,
      decidedAt: d.decidedAt,
      decisionReason: d.decisionReason,
    })),
  };
}
