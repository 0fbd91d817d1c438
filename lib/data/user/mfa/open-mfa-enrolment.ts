// Step one of enrolling in TOTP: the account owner types the enrolment code another admin issued (lib/data/user/mfa/
// issue-mfa-enrolment-code.ts), which opens the set-up with a fresh secret, kept encrypted. Audited.
import { requireSignedIn } from "@/lib/data/authorise";
import type { Db } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { writeAudit, type Actor } from "@/lib/data/audit";
import { encryptSecret, MFA_ROLES, newTotpSecret } from "@/lib/auth/totp";
import { hashEnrolmentCode, WRONG_CODE } from "@/lib/data/user/mfa/enrolment-code";

/**
 * Opens the set-up with an enrolment code another admin issued: a fresh secret is made now (so no secret shown
 * before — to whoever knew only the password — can ever be enrolled).
 */
export async function openMfaEnrolment(
  db: Db,
  opts: { clock: Clock; actor: Actor & { id: string }; code: string; authSecret: string },
): Promise<void> {
  const { clock, actor, code, authSecret } = opts;
  requireSignedIn(actor);
  const now = clock.now();
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({
      where: { id: actor.id },
      select: { role: true, totpEnabledAt: true },
    });
    if (!MFA_ROLES.includes(user.role)) throw new AppError("FORBIDDEN");
    if (user.totpEnabledAt) throw new AppError("INVALID_STATE");
    const opened = await tx.mfaEnrolmentCode.updateMany({
      where: { userId: actor.id, codeHash: hashEnrolmentCode(code), usedAt: null, expiresAt: { gt: now } },
      data: { openedAt: now },
    });
    if (opened.count !== 1) throw new AppError("VALIDATION", { issues: { enrolmentCode: [WRONG_CODE] } });
    await tx.user.update({
      where: { id: actor.id },
      data: { totpSecret: encryptSecret(newTotpSecret(), authSecret), totpLastStep: null },
    });
    await writeAudit(tx, actor, { action: "auth.mfa_enrolment_started", entity: "User", entityId: actor.id });
  });
}
