// The signed-in account's second factor (TOTP): whether it is required and on, how many recovery codes are left, and —
// while enrolling after a valid enrolment code — what the authenticator app needs. The account's own only.
import { requireSignedIn } from "@/lib/data/authorise";
import type { Db } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import type { Actor } from "@/lib/data/audit";
import { decryptSecret, MFA_ROLES, totpQrSvg, totpUri } from "@/lib/auth/totp";
import { openCode } from "@/lib/data/user/mfa/enrolment-code";

export interface MfaStatus {
  required: boolean;
  enabledAt: Date | null;
  recoveryLeft: number;
  /** Not enrolled yet and no enrolment code given: the page asks for one. */
  needsCode: boolean;
  /** While enrolling (after a valid enrolment code): what the authenticator app needs. */
  pending: { secret: string; uri: string; qrSvg: string } | null;
}

/** The account's second factor; for an account not yet enrolled, where its enrolment stands. */
export async function getMfaEnrolment(
  db: Db,
  opts: { clock: Clock; actor: Actor & { id: string }; authSecret: string },
): Promise<MfaStatus> {
  const { clock, actor, authSecret } = opts;
  requireSignedIn(actor);
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { username: true, role: true, totpSecret: true, totpEnabledAt: true, totpRecovery: true },
  });
  const required = MFA_ROLES.includes(user.role);
  if (user.totpEnabledAt || !required)
    return {
      required,
      enabledAt: user.totpEnabledAt,
      recoveryLeft: user.totpRecovery.length,
      needsCode: false,
      pending: null,
    };
  if (!(await openCode(db, actor.id, clock.now())) || !user.totpSecret)
    return { required, enabledAt: null, recoveryLeft: 0, needsCode: true, pending: null };
  const secret = decryptSecret(user.totpSecret, authSecret);
  const uri = totpUri(secret, user.username);
  return {
    required,
    enabledAt: null,
    recoveryLeft: 0,
    needsCode: false,
    pending: { secret, uri, qrSvg: await totpQrSvg(uri) },
  };
}
