// OPDs, their staff accounts, budgets (pagu per OPD × fiscal year × kode rekening), price ceilings
// (per menu category × year) and the routing and sanction rules — for admins. Every change is one
// transaction with its audit row.
import type { Db, Tx } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { writeAudit, type Actor } from "@/lib/data/audit";
import { inTransaction, isUniqueViolation } from "@/lib/data/tx";
import { parseInput } from "@/lib/validation/parse";
import { budgetSchema, ceilingSchema, opdSchema, staffSchema } from "@/lib/validation/admin-money";
import { hashPassword } from "@/lib/auth/password";
import { rp } from "@/lib/data/money";
import { getSettings } from "@/lib/data/settings/get-settings";
import { SETTINGS_KEY, settingsSchema, type RoutingSettings } from "@/lib/domain/settings";
import type { MenuCategory } from "@/lib/generated/prisma/enums";
import { vm } from "@/lib/domain/validation-message";
import { insertAccount, usernameTakenOr } from "@/lib/data/user/insert-account";

type AdminActor = Actor & { id: string };
function admin(actor: AdminActor) {
  if (actor.role !== "ADMIN") throw new AppError("FORBIDDEN");
}

export async function listOpdsWithMoney(tx: Tx, fiscalYear: number) {
  const opds = await tx.opd.findMany({
    orderBy: { code: "asc" },
    include: {
      users: {
        where: { role: "OPD_STAFF" },
        select: { id: true, username: true, name: true, active: true, treasurer: true, lastLoginAt: true },
        orderBy: { username: "asc" },
      },
      budgets: { where: { fiscalYear }, orderBy: { accountCode: "asc" } },
    },
  });
  return opds.map((o) => ({
    id: o.id,
    code: o.code,
    name: o.name,
    address: o.address,
    headName: o.headName,
    headNip: o.headNip,
    headTitle: o.headTitle,
    phone: o.phone,
    staff: o.users,
    budgets: o.budgets.map((b) => ({
      id: b.id,
      accountCode: b.accountCode,
      accountName: b.accountName,
      pagu: rp(b.pagu),
      committed: rp(b.committed),
    })),
  }));
}

export async function saveOpd(db: Db, _clock: Clock, actor: AdminActor, opdId: string | null, raw: unknown) {
  admin(actor);
  const input = parseInput(opdSchema, raw);
  try {
    return await inTransaction(db, async (tx) => {
      if (!opdId) {
        const o = await tx.opd.create({ data: input });
        await writeAudit(tx, actor, { action: "opd.created", entity: "Opd", entityId: o.id, after: input });
        return { id: o.id };
      }
      const before = await tx.opd.findUnique({ where: { id: opdId } });
      if (!before) throw new AppError("NOT_FOUND");
      await tx.opd.update({ where: { id: opdId }, data: input });
      await writeAudit(tx, actor, {
        action: "opd.updated",
        entity: "Opd",
        entityId: opdId,
        before: {
          code: before.code,
          name: before.name,
          address: before.address,
          headName: before.headName,
          headNip: before.headNip,
          headTitle: before.headTitle,
          phone: before.phone,
        },
        after: input,
      });
      return { id: opdId };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", { issues: { code: [vm("opd.codeTaken")] } });
    throw e;
  }
}

export async function createOpdStaff(db: Db, _clock: Clock, actor: AdminActor, opdId: string, raw: unknown) {
  admin(actor);
  const input = parseInput(staffSchema, raw);
  const passwordHash = await hashPassword(input.password);
  try {
    await inTransaction(db, async (tx) => {
      if (!(await tx.opd.count({ where: { id: opdId } }))) throw new AppError("NOT_FOUND");
      await insertAccount(tx, actor, {
        username: input.username,
        name: input.name,
        email: input.email ?? null,
        passwordHash,
        role: "OPD_STAFF",
        opdId,
      });
    });
  } catch (e) {
    throw usernameTakenOr(e);
  }
}

/** Deactivating ends the user's sessions at once (the session version moves on); reactivating allows sign-in again. */
export async function setUserActive(db: Db, _clock: Clock, actor: AdminActor, userId: string, active: boolean) {
  admin(actor);
  if (userId === actor.id && !active) throw new AppError("INVALID_STATE");
  await inTransaction(db, async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { active: true, username: true } });
    if (!before) throw new AppError("NOT_FOUND");
    if (before.active === active) return;
    await tx.user.update({ where: { id: userId }, data: { active, sessionVersion: { increment: 1 } } });
    await writeAudit(tx, actor, {
      action: active ? "user.activated" : "user.deactivated",
      entity: "User",
      entityId: userId,
      before: { active: before.active },
      after: { active, username: before.username },
    });
  });
}

/**
 * Gives or takes an OPD staff member's treasurer permission (they record and reverse that OPD's payments, issue 20).
 * Applies at once: the payment use cases read it from the database, not from the session.
 */
export async function setTreasurer(db: Db, _clock: Clock, actor: AdminActor, userId: string, treasurer: boolean) {
  admin(actor);
  await inTransaction(db, async (tx) => {
    const before = await tx.user.findUnique({
      where: { id: userId },
      select: { treasurer: true, username: true, role: true, opdId: true },
    });
    if (!before) throw new AppError("NOT_FOUND");
    if (before.role !== "OPD_STAFF") throw new AppError("INVALID_STATE");
    if (before.treasurer === treasurer) return;
    await tx.user.update({ where: { id: userId }, data: { treasurer } });
    await writeAudit(tx, actor, {
      action: "user.treasurer_changed",
      entity: "User",
      entityId: userId,
      before: { treasurer: before.treasurer },
      after: { treasurer, username: before.username, opdId: before.opdId },
    });
  });
}

/** Sets an OPD's pagu for a kode rekening and year; a pagu below what is already committed is refused. */
export async function saveBudget(db: Db, _clock: Clock, actor: AdminActor, opdId: string, raw: unknown) {
  admin(actor);
  const input = parseInput(budgetSchema, raw);
  await inTransaction(db, async (tx) => {
    if (!(await tx.opd.count({ where: { id: opdId } }))) throw new AppError("NOT_FOUND");
    const key = {
      opdId_fiscalYear_accountCode: { opdId, fiscalYear: input.fiscalYear, accountCode: input.accountCode },
    };
    // Lock the line so a concurrent order cannot commit more between the check and the write.
    const rows = await tx.$queryRaw<{ id: string; pagu: bigint; committed: bigint; accountName: string }[]>`
      SELECT id, pagu, committed, "accountName" FROM "Budget"
      WHERE "opdId" = ${opdId}::uuid AND "fiscalYear" = ${input.fiscalYear} AND "accountCode" = ${input.accountCode} FOR UPDATE`;
    const before = rows[0];
    if (before && BigInt(input.pagu) < before.committed) {
      throw new AppError("VALIDATION", {
        issues: {
          pagu: [vm("budget.belowCommitted", { used: { rp: rp(before.committed) } })],
        },
      });
    }
    await tx.budget.upsert({
      where: key,
      create: { opdId, ...input, pagu: BigInt(input.pagu) },
      update: { accountName: input.accountName, pagu: BigInt(input.pagu), version: { increment: 1 } },
    });
    await writeAudit(tx, actor, {
      action: before ? "budget.updated" : "budget.created",
      entity: "Budget",
      entityId: before?.id ?? null,
      before: before ? { pagu: rp(before.pagu), accountName: before.accountName } : null,
      after: { opdId, ...input },
    });
  });
}

export async function listCeilings(tx: Tx) {
  const rows = await tx.priceCeiling.findMany({ orderBy: [{ fiscalYear: "desc" }, { category: "asc" }] });
  return rows.map((c) => ({
    id: c.id,
    category: c.category,
    fiscalYear: c.fiscalYear,
    maxPerPax: rp(c.maxPerPax),
    basis: c.basis,
  }));
}

export async function saveCeiling(db: Db, _clock: Clock, actor: AdminActor, raw: unknown) {
  admin(actor);
  const input = parseInput(ceilingSchema, raw);
  await inTransaction(db, async (tx) => {
    const key = { category_fiscalYear: { category: input.category as MenuCategory, fiscalYear: input.fiscalYear } };
    const before = await tx.priceCeiling.findUnique({ where: key });
    await tx.priceCeiling.upsert({
      where: key,
      create: {
        category: input.category,
        fiscalYear: input.fiscalYear,
        maxPerPax: BigInt(input.maxPerPax),
        basis: input.basis ?? null,
      },
      update: { maxPerPax: BigInt(input.maxPerPax), basis: input.basis ?? null },
    });
    await writeAudit(tx, actor, {
      action: before ? "ceiling.updated" : "ceiling.created",
      entity: "PriceCeiling",
      entityId: before?.id ?? null,
      before: before ? { maxPerPax: rp(before.maxPerPax), basis: before.basis } : null,
      after: input,
    });
  });
}

/** The routing and sanction rules, all at once (validated as a whole: SP3 must need more failures, and at least
 * the share, that SP2 needs). */
export async function saveRules(db: Db, _clock: Clock, actor: AdminActor, raw: unknown): Promise<RoutingSettings> {
  admin(actor);
  const input = parseInput(
    settingsSchema
      .strict()
      .refine((s) => s.sp3AfterFailures > s.sp2AfterFailures, {
        message: vm("settings.sp3Count"),
        path: ["sp3AfterFailures"],
      })
      .refine((s) => s.sp3MinFailureShare >= s.sp2MinFailureShare, {
        message: vm("settings.sp3Share"),
        path: ["sp3MinFailureShare"],
      }),
    raw,
  );
  return inTransaction(db, async (tx) => {
    const before = await getSettings(tx);
    await tx.setting.upsert({
      where: { key: SETTINGS_KEY },
      create: { key: SETTINGS_KEY, value: input, updatedById: actor.id },
      update: { value: input, updatedById: actor.id },
    });
    await writeAudit(tx, actor, {
      action: "settings.updated",
      entity: "Setting",
      entityId: SETTINGS_KEY,
      before,
      after: input,
    });
    return input;
  });
}
