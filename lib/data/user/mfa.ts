// Enrolling an admin or the mayor in TOTP: a new secret (kept encrypted, pending until confirmed), then a code
// from the authenticator app confirms it, enables the second factor and gives ten single-use recovery codes,
// shown once. Each step audited.
import type { Db } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { writeAudit, type Actor } from "@/lib/data/audit";
import {
  decryptSecret,
  encryptSecret,
  MFA_ROLES,
  newRecoveryCodes,
  newTotpSecret,
  totpQrSvg,
  totpUri,
  totpStep,
} from "@/lib/auth/totp";

export interface MfaStatus {
  required: boolean;
  enabledAt: Date | null;
  recoveryLeft: number;
  /** While enrolling: what the authenticator app needs. */
  pending: { secret: string; uri: string; qrSvg: string } | null;
}

/** The account's second factor; for an account not yet enrolled, starts (or continues) the enrolment. */
export async function getMfaEnrolment(db: Db, actor: Actor & { id: string }, authSecret: string): Promise<MfaStatus> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { username: true, role: true, totpSecret: true, totpEnabledAt: true, totpRecovery: true },
  });
  const required = MFA_ROLES.includes(user.role);
  if (user.totpEnabledAt || !required)
    return { required, enabledAt: user.totpEnabledAt, recoveryLeft: user.totpRecovery.length, pending: null };
  let secret = user.totpSecret ? decryptSecret(user.totpSecret, authSecret) : null;
  if (!secret) {
    secret = newTotpSecret();
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: actor.id }, data: { totpSecret: encryptSecret(secret!, authSecret) } });
      await writeAudit(tx, actor, { action: "auth.mfa_enrolment_started", entity: "User", entityId: actor.id });
    });
  }
  const uri = totpUri(secret, user.username);
  return { required, enabledAt: null, recoveryLeft: 0, pending: { secret, uri, qrSvg: await totpQrSvg(uri) } };
}

/** Confirms the pending secret with a code from the app; returns the recovery codes (shown once). */
export async function confirmMfaEnrolment(
  db: Db,
  clock: Clock,
  actor: Actor & { id: string },
  code: string,
  authSecret: string,
): Promise<{ recoveryCodes: string[] }> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { role: true, totpSecret: true, totpEnabledAt: true },
  });
  if (!MFA_ROLES.includes(user.role)) throw new AppError("FORBIDDEN");
  if (user.totpEnabledAt) throw new AppError("INVALID_STATE");
  if (!user.totpSecret) throw new AppError("INVALID_STATE");
  const step = totpStep(decryptSecret(user.totpSecret, authSecret), code, clock.now());
  if (step === null)
    throw new AppError("VALIDATION", {
      issues: { code: ["Kode tidak cocok; ketik kode yang sedang tampil di aplikasi"] },
    });
  const { codes, hashes } = newRecoveryCodes();
  await db.$transaction(async (tx) => {
    const n = await tx.user.updateMany({
      where: { id: actor.id, totpEnabledAt: null },
      data: { totpEnabledAt: clock.now(), totpRecovery: hashes, totpLastStep: step }, // the enrolment's code is used
    });
    if (n.count !== 1) throw new AppError("INVALID_STATE");
    await writeAudit(tx, actor, { action: "auth.mfa_enabled", entity: "User", entityId: actor.id });
  });
  return { recoveryCodes: codes };
}
