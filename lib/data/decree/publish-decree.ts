// A draft decree put in force from its effective date (today or later): every published decree still covering that
// day ends the day before (lib/domain/decree.ts planSupersession; past orders keep the decree they were routed
// under). One transaction with an audit row per decree changed.
import type { Db } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { writeAudit, type Actor } from "@/lib/data/audit";
import { requireAdmin } from "@/lib/data/authorise";
import { inTransaction } from "@/lib/data/tx";
import { isoDay, lockDraft } from "@/lib/data/decree/lock-draft";
import { parseInput } from "@/lib/validation/parse";
import { versionSchema } from "@/lib/validation/admin-vendor";
import { vm } from "@/lib/domain/validation-message";
import { planSupersession } from "@/lib/domain/decree";
import { wibDay } from "@/lib/format";

export async function publishDecree(
  db: Db,
  opts: { clock: Clock; actor: Actor & { id: string }; decreeId: string; version: unknown },
) {
  const { actor, decreeId } = opts;
  requireAdmin(actor);
  const version = parseInput(versionSchema, opts.version);
  return inTransaction(db, async (tx) => {
    const now = opts.clock.now();
    await lockDraft(tx, decreeId, version);
    const d = await tx.decree.findUniqueOrThrow({
      where: { id: decreeId },
      include: { _count: { select: { allocations: true } } },
    });
    if (d._count.allocations === 0) {
      throw new AppError("VALIDATION", { issues: { cells: [vm("decree.noAllocations")] } });
    }
    const from = isoDay(d.effectiveFrom)!;
    if (from < wibDay(now)) throw new AppError("VALIDATION", { issues: { effectiveFrom: [vm("decree.startInPast")] } });
    const covering = await tx.decree.findMany({
      where: {
        id: { not: decreeId },
        status: { in: ["IN_FORCE", "SUPERSEDED"] },
        OR: [{ effectiveTo: null }, { effectiveTo: { gte: d.effectiveFrom } }],
      },
      select: { id: true, number: true, effectiveFrom: true, effectiveTo: true },
    });
    const plan = planSupersession(d.effectiveFrom, covering);
    if (!plan.ok) {
      throw new AppError("VALIDATION", {
        issues: { effectiveFrom: [vm("decree.overlapsLater", { number: plan.startsLater })] },
      });
    }
    for (const old of plan.supersede) {
      await tx.decree.update({
        where: { id: old.id },
        data: { status: "SUPERSEDED", effectiveTo: plan.lastDay, supersededAt: now, version: { increment: 1 } },
      });
      await writeAudit(tx, actor, {
        action: "decree.superseded",
        entity: "Decree",
        entityId: old.id,
        before: { effectiveTo: isoDay(old.effectiveTo) },
        after: { status: "SUPERSEDED", effectiveTo: isoDay(plan.lastDay), by: d.number },
      });
    }
    await tx.decree.update({
      where: { id: decreeId },
      data: { status: "IN_FORCE", publishedAt: now, publishedById: actor.id, version: { increment: 1 } },
    });
    await writeAudit(tx, actor, {
      action: "decree.published",
      entity: "Decree",
      entityId: decreeId,
      before: { status: "DRAFT" },
      after: { status: "IN_FORCE", effectiveFrom: from, supersedes: covering.map((c) => c.number) },
    });
    return { superseded: covering.map((c) => c.number) };
  });
}
