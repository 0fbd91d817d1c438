// The decree in force on a WIB day: published (IN_FORCE, or SUPERSEDED but still covering days
// before its successor took effect), effective on that day, latest effective date first.
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { dayAsDate } from "@/lib/format";

/** The one SQL definition, also embedded by routing's single-round-trip lookups (`day`: a date, or an SQL expression). */
export function decreeInForceSql(day: Date | Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT d.id FROM "Decree" d
    WHERE d.status IN ('IN_FORCE', 'SUPERSEDED') AND d."effectiveFrom" <= ${day}::date
      AND (d."effectiveTo" IS NULL OR d."effectiveTo" >= ${day}::date)
    ORDER BY d."effectiveFrom" DESC, d."publishedAt" DESC NULLS LAST, d."createdAt" DESC
    LIMIT 1`;
}

export async function findDecreeInForce(tx: Tx, day: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>(decreeInForceSql(dayAsDate(day)));
  return rows[0] ? tx.decree.findUnique({ where: { id: rows[0].id } }) : null;
}
