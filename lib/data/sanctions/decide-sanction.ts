// An admin decides a sanction proposal: confirm (possibly at another level) or dismiss, with a reason.
// SP2 suspends the vendor for the configured days and SP3 removes it: either way it leaves every pool,
// and its pending offers are withdrawn and re-routed at once. (Ending a suspension early: reinstate-vendor.ts.)
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { type Actor } from "@/lib/data/audit";
import { inTransaction } from "@/lib/data/tx";
import { notice, notifySql } from "@/lib/data/notifications/notify";
import { rerouteOrdersInTx } from "@/lib/data/routing/route-order";
import { routableOrderJson, routableOrderJsonSql, routingContextJson, routingContextSql } from "@/lib/db/sql/routing";
import { queryOne, queryRows } from "@/lib/db/sql/decode";
import { row, uuid } from "@/lib/db/sql/columns";
import { prepareAmendmentDraft } from "@/lib/data/admin/pool-health/prepare-amendment-draft";
import { auditInsertSql, auditRowsSql, type AuditRow } from "@/lib/db/sql/audit";
import type { RawSql } from "@/lib/db/raw";
import { Prisma } from "@/lib/generated/prisma/client";
import { resolveSettings, SETTINGS_KEY, type RoutingSettings } from "@/lib/domain/settings";
import { suspends } from "@/lib/domain/sanctions";
import { SanctionLevel, SanctionStatus } from "@/lib/generated/prisma/enums";
import { vm } from "@/lib/domain/validation-message";

export const sanctionDecisionSchema = z
  .object({
    decision: z.enum(["CONFIRM", "DISMISS"]),
    level: z.enum(["SP1", "SP2", "SP3"]).optional(),
    reason: z.string().trim().min(5, vm("reason.decision")).max(1000),
  })
  .strict();

export type AdminActor = Actor & { id: string };

const withdrawPendingOffersWithdrawRow = row({ order: routableOrderJson, context: routingContextJson });

const withdrawPendingOffersPendingRow = row({ id: uuid, orderId: uuid });

/**
 * The vendor's pending offers withdrawn and their orders routed again, in the caller's transaction, in two statements
 * besides the routing: which offers are pending; then their orders locked in id order with their routing facts, each
 * offer still pending marked WITHDRAWN with its audit row. Routed together, as if one by one (each seeing the offers
 * chosen before it). Returns how many were withdrawn.
 */
async function withdrawPendingOffers(
  tx: RawSql,
  vendorId: string,
  now: Date,
  actor: Actor,
  settings: RoutingSettings,
): Promise<number> {
  const pending = await queryRows(
    tx,
    "withdrawPendingOffers.pending",
    withdrawPendingOffersPendingRow,
    Prisma.sql`SELECT id, "orderId" FROM "Offer" WHERE "vendorId" = ${vendorId}::uuid AND status = 'PENDING' ORDER BY "orderId"`,
  );
  if (pending.length === 0) return 0;
  const audits: AuditRow[] = pending.map((p) => ({
    actor,
    action: "offer.withdrawn",
    entity: "Offer",
    entityId: p.id,
    before: { status: "PENDING" },
    after: { status: "WITHDRAWN", reason: "vendor_sanctioned" },
  }));
  const withdrawn = await queryRows(
    tx,
    "withdrawPendingOffers.withdraw",
    withdrawPendingOffersWithdrawRow,
    Prisma.sql`
    WITH lk AS MATERIALIZED (
      SELECT o.id, ${routableOrderJsonSql(Prisma.sql`o`)} AS "order",
        ${routingContextSql(Prisma.sql`o.id`, Prisma.sql`o."opdId"`, Prisma.sql`o."deliveryDay"`)} AS context
      FROM "Order" o WHERE o.id = ANY(${pending.map((p) => p.orderId)}::uuid[]) ORDER BY o.id FOR NO KEY UPDATE),
    ok AS (SELECT f.id, f."orderId" FROM "Offer" f JOIN lk ON lk.id = f."orderId"
           WHERE f.id = ANY(${pending.map((p) => p.id)}::uuid[]) AND f.status = 'PENDING'),
    f AS (UPDATE "Offer" x SET status = 'WITHDRAWN', "respondedAt" = ${now}::timestamptz, reason = 'UMKM dikenai sanksi'
          FROM ok WHERE x.id = ok.id),
    aud AS (${auditRowsSql(audits, Prisma.sql`a."entityId" IN (SELECT id::text FROM ok)`)})
    SELECT lk."order", lk.context FROM ok JOIN lk ON lk.id = ok."orderId" ORDER BY ok."orderId"`,
  );
  await rerouteOrdersInTx(tx, withdrawn, { now, settings, actor });
  return withdrawn.length;
}

const decideSanctionLockRow = row({
  vendorId: uuid,
  level: z.enum(SanctionLevel),
  status: z.enum(SanctionStatus),
  settings: z.unknown(),
});

/**
 * Confirms (possibly at another level) or dismisses a proposed sanction. The proposal is locked and read with the
 * settings in one statement; a suspension or removal changes the vendor's status, withdraws its pending offers and
 * prepares the decree amendment its leaving may need; then the decision, its audit row and the vendor's notice are
 * written in one statement.
 */
export async function decideSanction(
  db: Db,
  opts: { clock: Clock; actor: AdminActor; sanctionId: string; input: unknown },
) {
  const { clock, actor, sanctionId, input: raw } = opts;
  if (actor.role !== "ADMIN") throw new AppError("FORBIDDEN");
  const input = parseInput(sanctionDecisionSchema, raw);
  return inTransaction(db, async (tx) => {
    const now = clock.now();
    const proposal = await queryOne(
      tx,
      "decideSanction.lock",
      decideSanctionLockRow,
      Prisma.sql`
      SELECT s."vendorId", s.level::text AS level, s.status::text AS status,
        (SELECT value FROM "Setting" WHERE key = ${SETTINGS_KEY}) AS settings
      FROM "Sanction" s WHERE s.id = ${sanctionId}::uuid FOR NO KEY UPDATE`,
    );
    if (!proposal) throw new AppError("NOT_FOUND");
    if (proposal.status !== "PROPOSED") throw new AppError("INVALID_STATE");
    const settings = resolveSettings(proposal.settings);
    const confirm = input.decision === "CONFIRM";
    const changedStatus = confirm ? "CONFIRMED" : "OVERRIDDEN";
    const level: SanctionLevel = input.level ?? proposal.level;
    const endsAt = level === "SP2" ? new Date(now.getTime() + settings.suspensionDays * 86_400_000) : null;
    let withdrawn = 0;
    let amendment: { id: string } | null = null;
    if (confirm && suspends(level)) {
      await tx.vendor.update({
        where: { id: proposal.vendorId },
        data: { status: level === "SP2" ? "SUSPENDED" : "REMOVED", version: { increment: 1 } },
      });
      withdrawn = await withdrawPendingOffers(tx, proposal.vendorId, now, actor, settings);
      // A vendor leaving the pools may leave some with fewer than two eligible UMKM: prepare the decree amendment
      // that refills them (admins are notified; publishing it stays a person's decision).
      amendment = await prepareAmendmentDraft(tx, {
        clock,
        actor,
        cause: `sanksi ${level} untuk UMKM yang gagal mengantar`,
      });
    }
    const audit = auditInsertSql(actor, {
      action: confirm ? "sanction.confirmed" : "sanction.dismissed",
      entity: "Sanction",
      entityId: sanctionId,
      before: { status: "PROPOSED", level: proposal.level },
      after: {
        status: changedStatus,
        level,
        endsAt,
        reason: input.reason,
        withdrawnOffers: withdrawn,
        amendmentDraft: amendment?.id ?? null,
      },
    });
    const told = notifySql(
      { vendorId: proposal.vendorId },
      notice(
        "sanction.decided",
        confirm ? "sanctionConfirmed" : "sanctionDismissed",
        { level: { label: `status.sanctionLevel.${level}` }, reason: input.reason },
        "/vendor/record",
      ),
      now,
    );
    await tx.$executeRaw`
      WITH d AS (
        UPDATE "Sanction" SET status = ${changedStatus}::"SanctionStatus", level = ${level}::"SanctionLevel",
          "decidedById" = ${actor.id}::uuid, "decidedAt" = ${now}::timestamptz, "decisionReason" = ${input.reason},
          "startsAt" = ${confirm ? now : null}::timestamptz, "endsAt" = ${confirm ? endsAt : null}::timestamptz
        WHERE id = ${sanctionId}::uuid AND status = 'PROPOSED'),
      a AS (${audit}),
      n AS (${told})
      SELECT 1`;
    return { status: changedStatus, level, endsAt, withdrawn, amendmentDraftId: amendment?.id ?? null };
  });
}
