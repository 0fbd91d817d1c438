// The decree in force on a WIB day: published (IN_FORCE, or SUPERSEDED but still covering days
// before its successor took effect), effective on that day, latest effective date first.
import type { Tx } from "@/lib/db/client";
import { dayAsDate } from "@/lib/format";

export async function findDecreeInForce(tx: Tx, day: string) {
  const d = dayAsDate(day);
  return tx.decree.findFirst({
    where: {
      status: { in: ["IN_FORCE", "SUPERSEDED"] },
      effectiveFrom: { lte: d },
      OR: [{ effectiveTo: null }, { effectiveTo: { gte: d } }],
    },
    orderBy: [{ effectiveFrom: "desc" }, { publishedAt: "desc" }],
  });
}
