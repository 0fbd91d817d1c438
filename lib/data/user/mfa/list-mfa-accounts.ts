// The admins' account list: every admin and mayor account with its second factor's state and any usable enrolment
// code's expiry. Admins only.
import type { Db } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import type { Actor } from "@/lib/data/audit";
import { requireAdmin } from "@/lib/data/authorise";

/** An admin or the mayor, as the admins' account list shows them. */
export interface MfaAccount {
  id: string;
  username: string;
  name: string;
  role: "ADMIN" | "MAYOR";
  active: boolean;
  enabledAt: Date | null;
  /** The latest enrolment code still usable, if any (when it expires). */
  codeExpiresAt: Date | null;
}

/** Every admin and mayor account with its second factor's state (demo accounts included, marked by their names). */
export async function listMfaAccounts(db: Db, opts: { clock: Clock; actor: Actor }): Promise<MfaAccount[]> {
  const { clock } = opts;
  requireAdmin(opts.actor);
  const users = await db.user.findMany({
    where: { role: { in: ["ADMIN", "MAYOR"] } },
    orderBy: [{ role: "asc" }, { username: "asc" }],
    select: { id: true, username: true, name: true, role: true, active: true, totpEnabledAt: true },
  });
  const codes = await db.mfaEnrolmentCode.findMany({
    where: { userId: { in: users.map((u) => u.id) }, usedAt: null, expiresAt: { gt: clock.now() } },
    select: { userId: true, expiresAt: true },
  });
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    name: u.name,
    role: u.role as "ADMIN" | "MAYOR",
    active: u.active,
    enabledAt: u.totpEnabledAt,
    codeExpiresAt: codes.find((c) => c.userId === u.id)?.expiresAt ?? null,
  }));
}
