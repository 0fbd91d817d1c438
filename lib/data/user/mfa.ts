// Enrolling an admin or the mayor in TOTP. The password alone does not let anyone set up an authenticator (issue 16,
// item 11): another admin issues a single-use enrolment code (valid 24 hours; `npm run mfa:code -- <username>` for
// the very first admin), the account owner types it, which opens the set-up with a fresh secret (kept encrypted),
// then a code from the authenticator app confirms it, spends the enrolment code, enables the second factor and gives
// ten single-use recovery codes, shown once. Each step audited; codes are kept only as hashes and never audited.
import { createHash } from "node:crypto";
import type { Db } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { writeAudit, type Actor } from "@/lib/data/audit";
import {
  decryptSecret,
  encryptSecret,
  MFA_ROLES,
  newOneTimeCode,
  newRecoveryCodes,
  newTotpSecret,
  totpQrSvg,
  totpUri,
  totpStep,
} from "@/lib/auth/totp";
import { vm } from "@/lib/domain/validation-message";

/** How long an enrolment code may be used after it was issued. */
export const ENROLMENT_CODE_HOURS = 24;

export interface MfaStatus {
  required: boolean;
  enabledAt: Date | null;
  recoveryLeft: number;
  /** Not enrolled yet and no enrolment code given: the page asks for one. */
  needsCode: boolean;
  /** While enrolling (after a valid enrolment code): what the authenticator app needs. */
  pending: { secret: string; uri: string; qrSvg: string } | null;
}

/** The stored form of an enrolment code: case, spaces and dashes do not matter. */
export function hashEnrolmentCode(code: string): string {
  return createHash("sha256")
    .update(`mamin-merata:mfa-enrolment:${code.toLowerCase().replace(/[^a-z0-9]/g, "")}`)
    .digest("hex");
}

const WRONG_CODE = vm("mfa.enrolmentCode");

/** The account's enrolment code that was typed and is still usable, if any. */
async function openCode(db: Db, userId: string, now: Date) {
  return db.mfaEnrolmentCode.findFirst({
    where: { userId, openedAt: { not: null }, usedAt: null, expiresAt: { gt: now } },
    orderBy: { openedAt: "desc" },
  });
}

/** The account's second factor; for an account not yet enrolled, where its enrolment stands. */
export async function getMfaEnrolment(
  db: Db,
  clock: Clock,
  actor: Actor & { id: string },
  authSecret: string,
): Promise<MfaStatus> {
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

/**
 * Opens the set-up with an enrolment code another admin issued: a fresh secret is made now (so no secret shown
 * before — to whoever knew only the password — can ever be enrolled).
 */
export async function openMfaEnrolment(
  db: Db,
  clock: Clock,
  actor: Actor & { id: string },
  code: string,
  authSecret: string,
): Promise<void> {
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

/** Confirms the pending secret with a code from the app; spends the enrolment code; returns the recovery codes. */
export async function confirmMfaEnrolment(
  db: Db,
  clock: Clock,
  actor: Actor & { id: string },
  code: string,
  authSecret: string,
): Promise<{ recoveryCodes: string[] }> {
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
export async function listMfaAccounts(db: Db, clock: Clock): Promise<MfaAccount[]> {
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

/**
 * Issues an enrolment code for another admin or the mayor who has not set up an authenticator (an admin cannot issue
 * one for themself; `actor.id` null: the operator's command line, for the very first admin). Earlier unused codes of
 * that account stop working. Returns the code, to be shown once and handed over in person.
 */
export async function issueMfaEnrolmentCode(
  db: Db,
  clock: Clock,
  actor: Actor & { id: string | null },
  userId: string,
): Promise<{ code: string; expiresAt: Date; username: string }> {
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
