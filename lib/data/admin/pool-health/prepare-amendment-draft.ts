// The decree amendment a thin pool calls for, prepared (or refreshed) in the caller's transaction — a sanction's
// confirmation, or an admin's request — for an admin to review and publish like any draft.
import type { Tx } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { writeAudit, type Actor } from "@/lib/data/audit";
import { notice, notify } from "@/lib/data/notifications/notify";
import { readPoolHealth } from "@/lib/data/admin/pool-health/read-pool-health";
import { dayAsDate, wibDay } from "@/lib/format";

/**
 * Prepares (or refreshes) the amendment draft when the decree in force has thin pools that eligible UMKM can
 * refill: the decree in force's allocations plus the additions, effective tomorrow (WIB), numbered as a draft the
 * admin renames when it is signed. Refreshing replaces the prepared draft's matrix and bumps its version, so an
 * admin editing it meanwhile gets the usual CONFLICT instead of losing either change. Admins are notified.
 * Runs in the caller's transaction (a sanction's confirmation), with its audit row. Null when nothing is to add.
 */
export async function prepareAmendmentDraft(
  tx: Tx,
  opts: { clock: Clock; actor: Actor; cause: string },
): Promise<{ id: string; additions: number; created: boolean } | null> {
  const { clock, actor, cause } = opts;
  // One preparation at a time city-wide: a second one (two sanctions confirmed at once) waits, then refreshes the
  // draft the first made instead of colliding with it.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('mm_decree_amendment'))`;
  const health = await readPoolHealth(tx, clock);
  if (!health.decree || health.amendment.additions.length === 0) return null;
  const now = clock.now();
  const inForce = await tx.allocation.findMany({
    where: { decreeId: health.decree.id },
    select: { opdId: true, vendorId: true, weight: true },
  });
  const allocations = [
    ...inForce,
    ...health.amendment.additions.map((a) => ({ opdId: a.opdId, vendorId: a.vendorId, weight: 1 })),
  ];
  const tomorrow = new Date(dayAsDate(wibDay(now)).getTime() + 86_400_000);
  const summary = health.amendment.additions
    .map((a) => {
      const o = health.thin.find((x) => x.opdId === a.opdId);
      return `${o?.opdCode ?? a.opdId}: + ${health.vendorNames.get(a.vendorId) ?? a.vendorId}`;
    })
    .join("; ");
  const notes = `Disiapkan otomatis oleh Mamin Merata (${cause}) untuk mengisi pool OPD yang kurang dari dua UMKM memenuhi syarat: ${summary}.`;
  let id: string;
  const created = !health.draft;
  if (health.draft) {
    id = health.draft.id;
    await tx.$queryRaw`SELECT id FROM "Decree" WHERE id = ${id}::uuid FOR UPDATE`;
    await tx.allocation.deleteMany({ where: { decreeId: id } });
    await tx.decree.update({ where: { id }, data: { notes, version: { increment: 1 } } });
  } else {
    const stamp = wibDay(now).replaceAll("-", "");
    const d = await tx.decree.create({
      data: {
        number: `RANCANGAN-PERUBAHAN-${health.decree.number}-${stamp}-${now.getTime().toString(36)}`,
        title: `Usulan perubahan ${health.decree.number}: pengisian pool OPD`,
        effectiveFrom: tomorrow,
        status: "DRAFT",
        notes,
        amendsId: health.decree.id,
        autoProposed: true,
      },
    });
    id = d.id;
  }
  await tx.allocation.createMany({ data: allocations.map((a) => ({ decreeId: id, ...a })) });
  await writeAudit(tx, actor, {
    action: created ? "decree.amendment_proposed" : "decree.amendment_refreshed",
    entity: "Decree",
    entityId: id,
    after: {
      amends: health.decree.number,
      cause,
      additions: health.amendment.additions,
      unfilled: health.amendment.unfilled.map((u) => ({ opdId: u.opdId, need: u.need })),
    },
  });
  await notify(
    tx,
    { role: "ADMIN" },
    notice(
      "decree.amendment",
      "decreeAmendment",
      { number: health.decree.number, thin: health.thin.length, summary },
      `/admin/decrees/${id}`,
    ),
    now,
  );
  return { id, additions: health.amendment.additions.length, created };
}
