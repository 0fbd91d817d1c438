// A price ceiling per menu category and year set, with its audit row.
import type { Db } from "@/lib/db/client";
import { writeAudit, type Actor } from "@/lib/data/audit";
import { inTransaction } from "@/lib/data/tx";
import { parseInput } from "@/lib/validation/parse";
import { ceilingSchema } from "@/lib/validation/admin-money";
import { rp } from "@/lib/domain/money";
import type { MenuCategory } from "@/lib/generated/prisma/enums";
import { requireAdmin } from "@/lib/data/authorise";

export async function saveCeiling(db: Db, opts: { actor: Actor; input: unknown }) {
  const { actor, input: raw } = opts;
  requireAdmin(actor);
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
