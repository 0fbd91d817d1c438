// Decrees (SK Wali Kota) and their allocation matrix, for admins: drafts are edited with an optimistic
// version (two admins on one draft: the later save is a CONFLICT, nothing is overwritten); publishing puts
// a draft in force from its effective date and supersedes the decree in force from that day (past orders
// keep the decree they were routed under). Each change is one transaction with its audit row.
import { getLetterhead } from "@/lib/data/admin/letterhead";
import type { Db, Tx } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { writeAudit, type Actor } from "@/lib/data/audit";
import { inTransaction, isUniqueViolation } from "@/lib/data/tx";
import { parseInput } from "@/lib/validation/parse";
import { allocationPairsSchema, decreeHeaderSchema } from "@/lib/validation/decree";
import { findDecreeInForce } from "@/lib/data/decree/find-decree-in-force";
import { dayAsDate, wibDay } from "@/lib/format";
import { versionSchema } from "@/lib/validation/admin-vendor";
import type { DecreeStatus } from "@/lib/generated/prisma/enums";
import { parseDecreeMatrix, type DecreeAllocationFile } from "@/lib/documents/decree-files";
import { vm } from "@/lib/domain/validation-message";

type AdminActor = Actor & { id: string };
function admin(actor: AdminActor) {
  if (actor.role !== "ADMIN") throw new AppError("FORBIDDEN");
}
const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export async function listDecrees(tx: Tx) {
  const rows = await tx.decree.findMany({
    orderBy: [{ effectiveFrom: "desc" }, { createdAt: "desc" }],
    include: { _count: { select: { allocations: true } } },
  });
  return rows.map((d) => ({
    id: d.id,
    number: d.number,
    title: d.title,
    status: d.status,
    effectiveFrom: d.effectiveFrom,
    effectiveTo: d.effectiveTo,
    publishedAt: d.publishedAt,
    allocations: d._count.allocations,
  }));
}

export interface DecreeGrid {
  id: string;
  number: string;
  title: string;
  status: DecreeStatus;
  signedOn: Date | null;
  effectiveFrom: Date;
  effectiveTo: Date | null;
  notes: string | null;
  version: number;
  opds: { id: string; code: string; name: string }[];
  vendors: { id: string; code: string; name: string; status: string }[];
  /** "opdId:vendorId" → weight */
  cells: Record<string, number>;
  rowCounts: Record<string, number>;
  columnCounts: Record<string, number>;
  /** OPDs with fewer than two UMKM, and UMKM in no pool (active ones only). */
  thinOpds: string[];
  idleVendors: string[];
  /** Against the decree in force today (absent for that decree itself). */
  diff: {
    against: string;
    added: { opdId: string; vendorId: string }[];
    removed: { opdId: string; vendorId: string }[];
  } | null;
}

export async function getDecreeGrid(tx: Tx, clock: Clock, decreeId: string): Promise<DecreeGrid | null> {
  const d = await tx.decree.findUnique({ where: { id: decreeId }, include: { allocations: true } });
  if (!d) return null;
  const [opds, vendors, inForce] = await Promise.all([
    tx.opd.findMany({ orderBy: { code: "asc" }, select: { id: true, code: true, name: true } }),
    tx.vendor.findMany({
      where: { OR: [{ status: { not: "REMOVED" } }, { allocations: { some: { decreeId } } }] },
      orderBy: { code: "asc" },
      select: { id: true, code: true, name: true, status: true },
    }),
    findDecreeInForce(tx, wibDay(clock.now())),
  ]);
  const cells: Record<string, number> = {};
  const rowCounts: Record<string, number> = {};
  const columnCounts: Record<string, number> = {};
  for (const a of d.allocations) {
    cells[`${a.opdId}:${a.vendorId}`] = a.weight;
    rowCounts[a.opdId] = (rowCounts[a.opdId] ?? 0) + 1;
    columnCounts[a.vendorId] = (columnCounts[a.vendorId] ?? 0) + 1;
  }
  let diff: DecreeGrid["diff"] = null;
  if (inForce && inForce.id !== d.id) {
    const current = await tx.allocation.findMany({
      where: { decreeId: inForce.id },
      select: { opdId: true, vendorId: true },
    });
    const now = new Set(current.map((a) => `${a.opdId}:${a.vendorId}`));
    const mine = new Set(Object.keys(cells));
    const split = (k: string) => {
      const [opdId, vendorId] = k.split(":") as [string, string];
      return { opdId, vendorId };
    };
    diff = {
      against: inForce.number,
      added: [...mine].filter((k) => !now.has(k)).map(split),
      removed: [...now].filter((k) => !mine.has(k)).map(split),
    };
  }
  return {
    id: d.id,
    number: d.number,
    title: d.title,
    status: d.status,
    signedOn: d.signedOn,
    effectiveFrom: d.effectiveFrom,
    effectiveTo: d.effectiveTo,
    notes: d.notes,
    version: d.version,
    opds,
    vendors,
    cells,
    rowCounts,
    columnCounts,
    thinOpds: opds.filter((o) => (rowCounts[o.id] ?? 0) < 2).map((o) => o.id),
    idleVendors: vendors.filter((v) => v.status === "ACTIVE" && !columnCounts[v.id]).map((v) => v.id),
    diff,
  };
}

/** A new draft; with `copyFrom: "inForce"` it starts from the decree in force's allocations. */
export async function createDecreeDraft(
  db: Db,
  clock: Clock,
  actor: AdminActor,
  raw: unknown,
  copyFromInForce: boolean,
): Promise<{ id: string }> {
  admin(actor);
  const h = parseInput(decreeHeaderSchema, raw);
  try {
    return await inTransaction(db, async (tx) => {
      const d = await tx.decree.create({
        data: {
          number: h.number,
          title: h.title,
          signedOn: h.signedOn ? dayAsDate(h.signedOn) : null,
          effectiveFrom: dayAsDate(h.effectiveFrom),
          effectiveTo: h.effectiveTo ? dayAsDate(h.effectiveTo) : null,
          notes: h.notes ?? null,
          status: "DRAFT",
          createdById: actor.id,
        },
      });
      let copied = 0;
      if (copyFromInForce) {
        const current = await findDecreeInForce(tx, wibDay(clock.now()));
        if (current) {
          const from = await tx.allocation.findMany({ where: { decreeId: current.id } });
          await tx.allocation.createMany({
            data: from.map((a) => ({ decreeId: d.id, opdId: a.opdId, vendorId: a.vendorId, weight: a.weight })),
          });
          copied = from.length;
        }
      }
      await writeAudit(tx, actor, {
        action: "decree.draft_created",
        entity: "Decree",
        entityId: d.id,
        after: { ...h, copiedAllocations: copied },
      });
      return { id: d.id };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", { issues: { number: [vm("decree.numberTaken")] } });
    throw e;
  }
}

/** Locks a draft at the version the form was opened with; anything else is a CONFLICT. */
async function lockDraft(tx: Tx, decreeId: string, version: number) {
  const rows = await tx.$queryRaw<{ id: string; status: string; version: number }[]>`
    SELECT id, status::text AS status, version FROM "Decree" WHERE id = ${decreeId}::uuid FOR UPDATE`;
  const d = rows[0];
  if (!d) throw new AppError("NOT_FOUND");
  if (d.status !== "DRAFT") throw new AppError("INVALID_STATE", { status: d.status });
  if (d.version !== version) throw new AppError("CONFLICT");
}

export async function updateDecreeHeader(db: Db, _clock: Clock, actor: AdminActor, decreeId: string, raw: unknown) {
  admin(actor);
  const { version, ...rest } = (raw ?? {}) as Record<string, unknown>;
  const h = parseInput(decreeHeaderSchema, rest);
  const v = parseInput(versionSchema, version);
  try {
    await inTransaction(db, async (tx) => {
      await lockDraft(tx, decreeId, v);
      const before = await tx.decree.findUniqueOrThrow({ where: { id: decreeId } });
      await tx.decree.update({
        where: { id: decreeId },
        data: {
          number: h.number,
          title: h.title,
          signedOn: h.signedOn ? dayAsDate(h.signedOn) : null,
          effectiveFrom: dayAsDate(h.effectiveFrom),
          effectiveTo: h.effectiveTo ? dayAsDate(h.effectiveTo) : null,
          notes: h.notes ?? null,
          version: { increment: 1 },
        },
      });
      await writeAudit(tx, actor, {
        action: "decree.draft_updated",
        entity: "Decree",
        entityId: decreeId,
        before: {
          number: before.number,
          title: before.title,
          effectiveFrom: iso(before.effectiveFrom),
          effectiveTo: iso(before.effectiveTo),
        },
        after: h,
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", { issues: { number: [vm("decree.numberTaken")] } });
    throw e;
  }
}

/** Replaces the draft's matrix with the ticked pairs (weights of pairs kept are kept). */
export async function saveAllocations(
  db: Db,
  _clock: Clock,
  actor: AdminActor,
  decreeId: string,
  rawPairs: unknown,
  rawVersion: unknown,
): Promise<{ added: number; removed: number }> {
  admin(actor);
  const pairs = [...new Set(parseInput(allocationPairsSchema, rawPairs))];
  const version = parseInput(versionSchema, rawVersion);
  return inTransaction(db, async (tx) => {
    await lockDraft(tx, decreeId, version);
    const wanted = pairs.map((p) => {
      const [opdId, vendorId] = p.split(":") as [string, string];
      return { opdId, vendorId };
    });
    const [opdCount, vendorCount] = await Promise.all([
      tx.opd.count({ where: { id: { in: [...new Set(wanted.map((w) => w.opdId))] } } }),
      tx.vendor.count({ where: { id: { in: [...new Set(wanted.map((w) => w.vendorId))] } } }),
    ]);
    if (
      opdCount !== new Set(wanted.map((w) => w.opdId)).size ||
      vendorCount !== new Set(wanted.map((w) => w.vendorId)).size
    ) {
      throw new AppError("VALIDATION", { issues: { cells: [vm("decree.unknownCell")] } });
    }
    const current = await tx.allocation.findMany({
      where: { decreeId },
      select: { id: true, opdId: true, vendorId: true },
    });
    const want = new Set(pairs);
    const have = new Set(current.map((a) => `${a.opdId}:${a.vendorId}`));
    const remove = current.filter((a) => !want.has(`${a.opdId}:${a.vendorId}`));
    const add = wanted.filter((w) => !have.has(`${w.opdId}:${w.vendorId}`));
    if (remove.length) await tx.allocation.deleteMany({ where: { id: { in: remove.map((a) => a.id) } } });
    if (add.length) await tx.allocation.createMany({ data: add.map((w) => ({ decreeId, ...w, weight: 1 })) });
    await tx.decree.update({ where: { id: decreeId }, data: { version: { increment: 1 } } });
    await writeAudit(tx, actor, {
      action: "decree.allocations_saved",
      entity: "Decree",
      entityId: decreeId,
      before: { allocations: current.length },
      after: {
        allocations: pairs.length,
        added: add,
        removed: remove.map(({ opdId, vendorId }) => ({ opdId, vendorId })),
      },
    });
    return { added: add.length, removed: remove.length };
  });
}

/**
 * Puts a draft in force from its effective date (today or later). The decree in force then is superseded
 * from that day: its last day becomes the day before.
 */
export async function publishDecree(db: Db, clock: Clock, actor: AdminActor, decreeId: string, rawVersion: unknown) {
  admin(actor);
  const version = parseInput(versionSchema, rawVersion);
  return inTransaction(db, async (tx) => {
    const now = clock.now();
    await lockDraft(tx, decreeId, version);
    const d = await tx.decree.findUniqueOrThrow({
      where: { id: decreeId },
      include: { _count: { select: { allocations: true } } },
    });
    if (d._count.allocations === 0) {
      throw new AppError("VALIDATION", { issues: { cells: [vm("decree.noAllocations")] } });
    }
    const today = wibDay(now);
    const from = iso(d.effectiveFrom)!;
    if (from < today) {
      throw new AppError("VALIDATION", {
        issues: { effectiveFrom: [vm("decree.startInPast")] },
      });
    }
    // Every published decree still covering the new one's first day ends the day before it.
    const dayBefore = new Date(d.effectiveFrom.getTime() - 86_400_000);
    const covering = await tx.decree.findMany({
      where: {
        id: { not: decreeId },
        status: { in: ["IN_FORCE", "SUPERSEDED"] },
        OR: [{ effectiveTo: null }, { effectiveTo: { gte: d.effectiveFrom } }],
      },
      select: { id: true, number: true, effectiveFrom: true, effectiveTo: true },
    });
    for (const old of covering) {
      if (old.effectiveFrom >= d.effectiveFrom) {
        throw new AppError("VALIDATION", {
          issues: { effectiveFrom: [vm("decree.overlapsLater", { number: old.number })] },
        });
      }
      await tx.decree.update({
        where: { id: old.id },
        data: { status: "SUPERSEDED", effectiveTo: dayBefore, supersededAt: now, version: { increment: 1 } },
      });
      await writeAudit(tx, actor, {
        action: "decree.superseded",
        entity: "Decree",
        entityId: old.id,
        before: { effectiveTo: iso(old.effectiveTo) },
        after: { status: "SUPERSEDED", effectiveTo: iso(dayBefore), by: d.number },
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

/** What the decree's files (PDF attachment, Excel matrix) show. */
export async function getDecreeFile(tx: Tx, decreeId: string): Promise<DecreeAllocationFile | null> {
  const d = await tx.decree.findUnique({ where: { id: decreeId }, include: { allocations: true } });
  if (!d) return null;
  const [opds, vendors, letterhead] = await Promise.all([
    tx.opd.findMany({ orderBy: { code: "asc" }, select: { id: true, code: true, name: true } }),
    tx.vendor.findMany({
      where: { OR: [{ status: { not: "REMOVED" } }, { allocations: { some: { decreeId } } }] },
      orderBy: { code: "asc" },
      select: { id: true, code: true, name: true, kelurahan: true },
    }),
    getLetterhead(tx),
  ]);
  return {
    cityHeading: letterhead.cityHeading,
    number: d.number,
    title: d.title,
    status: d.status,
    signedOn: d.signedOn,
    publishedAt: d.publishedAt,
    effectiveFrom: d.effectiveFrom,
    effectiveTo: d.effectiveTo,
    opds,
    vendors,
    cells: Object.fromEntries(d.allocations.map((a) => [`${a.opdId}:${a.vendorId}`, a.weight])),
  };
}

/** Replaces a draft's matrix with an uploaded workbook's: all or nothing, every problem reported. */
export async function importAllocations(
  db: Db,
  clock: Clock,
  actor: AdminActor,
  decreeId: string,
  bytes: Buffer,
  rawVersion: unknown,
): Promise<{ ok: true; added: number; removed: number; total: number } | { ok: false; errors: string[] }> {
  admin(actor);
  const [opds, vendors] = await Promise.all([
    db.opd.findMany({ select: { id: true, code: true } }),
    db.vendor.findMany({ select: { id: true, code: true } }),
  ]);
  const parsed = await parseDecreeMatrix(bytes, opds, vendors);
  if (parsed.errors.length > 0) return { ok: false, errors: parsed.errors.slice(0, 50) };
  const r = await saveAllocations(db, clock, actor, decreeId, parsed.pairs, rawVersion);
  return { ok: true, ...r, total: parsed.pairs.length };
}
