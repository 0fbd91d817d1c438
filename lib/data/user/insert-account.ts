// A new account — an OPD's staff member or a vendor's owner — written with its audit row in the caller's transaction
// (never the password, not even hashed), and a username already taken turned into the form's CONFLICT, in words.
// The one way both admin forms create a login.
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { writeAudit, type Actor } from "@/lib/data/audit";
import { isUniqueViolation } from "@/lib/data/tx";
import { vm } from "@/lib/domain/validation-message";

export interface NewAccount {
  username: string;
  name: string;
  email: string | null;
  passwordHash: string;
  role: "OPD_STAFF" | "VENDOR";
  opdId?: string;
  vendorId?: string;
}

export async function insertAccount(tx: Tx, actor: Actor, a: NewAccount): Promise<string> {
  const user = await tx.user.create({ data: a });
  await writeAudit(tx, actor, {
    action: "user.created",
    entity: "User",
    entityId: user.id,
    after: {
      username: a.username,
      role: a.role,
      ...(a.opdId ? { opdId: a.opdId } : {}),
      ...(a.vendorId ? { vendorId: a.vendorId } : {}),
    },
  });
  return user.id;
}

/** `e` as the refusal a taken username is (CONFLICT on the username field), else `e` itself. */
export function usernameTakenOr(e: unknown): unknown {
  return isUniqueViolation(e) ? new AppError("CONFLICT", { issues: { username: [vm("account.usernameTaken")] } }) : e;
}
