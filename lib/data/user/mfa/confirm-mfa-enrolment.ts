// Step two of enrolling in TOTP: a code from the authenticator app confirms the pending secret; the enrolment code is
// spent with the enabling, atomically, and ten single-use recovery codes are returned (shown once, kept as hashes).
import { requireSignedIn } from "@/lib/data/authorise";
import type { Db } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { writeAudit, type Actor } from "@/lib/data/audit";
import { decryptSecret, MFA_ROLES, newRecoveryCodes, totpStep } from "@/lib/auth/totp";
import { openCode, WRONG_CODE } from "@/lib/data/user/mfa/enrolment-code";
import { vm } from "@/lib/domain/validation-message";

/** Confirms the pending secret with a code from the app; spends the enrolment code; returns the recovery codes. */
export async function confirmMfaEnrolment(
  db: Db,
  opts: { clock: Clock; actor: Actor & { id: string }; code: string; authSecret: string },
): Promise<{ recoveryCodes: string[] }> {
  const { clock, actor, code, authSecret } = opts;
  requireSignedIn(actor);
  const now = clock.now();
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { role: true, totpSecret: true, totpEnabledAt: true },
  });
  if (!MFA_ROLES.includes(user.role)) throw new AppError("FORBIDDEN");
  if (user.totpEnabledAt) throw new AppError("INVALID_STATE");
  const enrolment = await openCode(db, actor.id, now);
  if (!user.totpSecret || !enrolment) throw new AppError("VALIDATION", { issues: { enrolmentCode: [WRONG_CODE] } });
  const step = totpStep(decryptSecret(user.totpSecret, authSecret), code, now);
  if (step === null)
    throw new AppError("VALIDATION", {
      issues: { code: [vm("mfa.code")] },
    });
  const { codes, hashes } = newRecoveryCodes();
  await db.$transaction(async (tx) => {
    // The enrolment code is spent with the enabling, atomically: two confirmations cannot both use it.
    const spent = await tx.mfaEnrolmentCode.updateMany({
      where: { id: enrolment.id, usedAt: null },
      data: { usedAt: now },
    });
    const n = await tx.user.updateMany({
      where: { id: actor.id, totpEnabledAt: null },
      data: { totpEnabledAt: now, totpRecovery: hashes, totpLastStep: step }, // the enrolment's code is used
    });
    if (spent.count !== 1 || n.count !== 1) throw new AppError("INVALID_STATE");
    await writeAudit(tx, actor, { action: "auth.mfa_enabled", entity: "User", entityId: actor.id });
  });
  return { recoveryCodes: codes };
}
