// A budget line (pagu per OPD × fiscal year × kode rekening) set, never below what is already committed, with its audit row.
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { writeAudit, type Actor } from "@/lib/data/audit";
import { inTransaction } from "@/lib/data/tx";
import { parseInput } from "@/lib/validation/parse";
import { budgetSchema } from "@/lib/validation/admin-money";
import { rp } from "@/lib/domain/money";
import { vm } from "@/lib/domain/validation-message";
import { requireAdmin } from "@/lib/data/authorise";
import { Prisma } from "@/lib/generated/prisma/client";
import { queryOne } from "@/lib/db/sql/decode";
import { int8, row, text, uuid } from "@/lib/db/sql/columns";

const saveBudgetLockRow = row({ id: uuid, pagu: int8, committed: int8, accountName: text });

/** Sets an OPD's pagu for a kode rekening and year; a pagu below what is already committed is refused. */
export async function saveBudget(db: Db, opts: { actor: Actor; opdId: string; input: unknown }) {
  const { actor, opdId, input: raw } = opts;
  requireAdmin(actor);
  const input = parseInput(budgetSchema, raw);
  await inTransaction(db, async (tx) => {
    if (!(await tx.opd.count({ where: { id: opdId } }))) throw new AppError("NOT_FOUND");
    const key = {
      opdId_fiscalYear_accountCode: { opdId, fiscalYear: input.fiscalYear, accountCode: input.accountCode },
    };
    // Lock the line so a concurrent order cannot commit more between the check and the write.
    const before = await queryOne(
      tx,
      "saveBudget.lock",
      saveBudgetLockRow,
      Prisma.sql`SELECT id, pagu, committed, "accountName" FROM "Budget"
      WHERE "opdId" = ${opdId}::uuid AND "fiscalYear" = ${input.fiscalYear} AND "accountCode" = ${input.accountCode} FOR UPDATE`,
    );
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
