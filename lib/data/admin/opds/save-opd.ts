// An OPD created or changed (name, address, the official who signs its letters), with its audit row; a code already used is a CONFLICT, in words.
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { writeAudit, type Actor } from "@/lib/data/audit";
import { inTransaction, isUniqueViolation } from "@/lib/data/tx";
import { parseInput } from "@/lib/validation/parse";
import { opdSchema } from "@/lib/validation/admin-money";
import { vm } from "@/lib/domain/validation-message";
import { requireAdmin } from "@/lib/data/authorise";

export async function saveOpd(db: Db, opts: { actor: Actor; opdId: string | null; input: unknown }) {
  const { actor, opdId, input: raw } = opts;
  requireAdmin(actor);
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
