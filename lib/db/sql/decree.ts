// The decree in force on a WIB day, as SQL: published (IN_FORCE, or SUPERSEDED but still covering days before its
// successor took effect), effective on that day, latest effective date first. The one definition, embedded by
// routing's single-round-trip lookups and the dashboard, and run by findDecreeInForce.
import { Prisma } from "@/lib/generated/prisma/client";

/** `day`: a date, or an SQL expression giving one. One row, its id; none when no decree covers the day. */
export function decreeInForceSql(day: Date | Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT d.id FROM "Decree" d
    WHERE d.status IN ('IN_FORCE', 'SUPERSEDED') AND d."effectiveFrom" <= ${day}::date
      AND (d."effectiveTo" IS NULL OR d."effectiveTo" >= ${day}::date)
    ORDER BY d."effectiveFrom" DESC, d."publishedAt" DESC NULLS LAST, d."createdAt" DESC
    LIMIT 1`;
}
