// A staff login for an OPD (lib/data/user/insert-account.ts), with its audit row.
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { type Actor } from "@/lib/data/audit";
import { inTransaction } from "@/lib/data/tx";
import { parseInput } from "@/lib/validation/parse";
import { staffSchema } from "@/lib/validation/admin-money";
import { hashPassword } from "@/lib/auth/password";
import { insertAccount, usernameTakenOr } from "@/lib/data/user/insert-account";
import { requireAdmin } from "@/lib/data/authorise";

export async function createOpdStaff(db: Db, opts: { actor: Actor; opdId: string; input: unknown }) {
  const { actor, opdId, input: raw } = opts;
  requireAdmin(actor);
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
