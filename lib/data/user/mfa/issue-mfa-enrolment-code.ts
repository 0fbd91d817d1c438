// An admin issues a single-use enrolment code for another admin or the mayor (or the operator's command line does, for
// the very first admin): the password alone never lets anyone set up an authenticator. Audited without the code.
import type { Db } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { writeAudit, type Actor } from "@/lib/data/audit";
import { MFA_ROLES, newOneTimeCode } from "@/lib/auth/totp";
import { ENROLMENT_CODE_HOURS, hashEnrolmentCode } from "@/lib/data/user/mfa/enrolment-code";
import { vm } from "@/lib/domain/validation-message";

/**
 * Issues an enrolment code for another admin or the mayor who has not set up an authenticator (an admin cannot issue
 * one for themself; `actor.id` null: the operator's command line, for the very first admin). Earlier unused codes of
 * that account stop working. Returns the code, to be shown once and handed over in person.
 */
export async function issueMfaEnrolmentCode(
  db: Db,
  opts: { clock: Clock; actor: Actor & { id: string | null }; userId: string },
): Promise<{ code: string; expiresAt: Date; username: string }> {
  const { clock, actor, userId } = opts;
  if (actor.id !== null && actor.role !== "ADMIN") throw new AppError("FORBIDDEN");
  if (actor.id === userId)
    throw new AppError("VALIDATION", {
      issues: { userId: [vm("mfa.notForYourself")] },
    });
  const now = clock.now();
  const code = newOneTimeCode();
  const expiresAt = new Date(now.getTime() + ENROLMENT_CODE_HOURS * 3_600_000);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { username: true, role: true, active: true, totpEnabledAt: true },
    });
    if (!user || !MFA_ROLES.includes(user.role)) throw new AppError("NOT_FOUND");
    if (!user.active || user.totpEnabledAt) throw new AppError("INVALID_STATE");
    await tx.mfaEnrolmentCode.updateMany({
      where: { userId, usedAt: null, expiresAt: { gt: now } },
      data: { expiresAt: now },
    });
    await tx.mfaEnrolmentCode.create({
      data: { userId, codeHash: hashEnrolmentCode(code), issuedById: actor.id, issuedAt: now, expiresAt },
    });
    await writeAudit(tx, actor, {
      action: "auth.mfa_enrolment_code_issued",
      entity: "User",
      entityId: userId,
      after: { username: user.username, expiresAt: expiresAt.toISOString() },
    });
    return { code, expiresAt, username: user.username };
  });
}
