// The decree in force on a WIB day (the rule's SQL: lib/db/sql/decree.ts decreeInForceSql).
import type { Tx } from "@/lib/db/client";
import { z } from "zod";
import { decreeInForceSql } from "@/lib/db/sql/decree";
import { queryOne } from "@/lib/db/sql/decode";
import { dayAsDate } from "@/lib/format";

const decreeIdRow = z.object({ id: z.string() });

export async function findDecreeInForce(tx: Tx, day: string) {
  const row = await queryOne(tx, "decree in force", decreeIdRow, decreeInForceSql(dayAsDate(day)));
  return row ? tx.decree.findUnique({ where: { id: row.id } }) : null;
}
