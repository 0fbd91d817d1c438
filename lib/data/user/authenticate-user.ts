// Checks a username and password. Success and failure are both audited; the caller cannot
// tell an unknown user from a wrong password (same message, same work). Too many recent failures for the
// account or from the address (lib/auth/throttle.ts) refuse the attempt before the password is checked.
import type { Db } from "@/lib/db/client";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Clock } from "@/lib/clock";
import { writeAudit } from "@/lib/data/audit";
import { AppError } from "@/lib/errors";
import { decryptSecret, matchRecoveryCode, mfaRequired, totpStep } from "@/lib/auth/totp";
import { LOGIN_MAX_FAILURES_PER_ACCOUNT, LOGIN_MAX_FAILURES_PER_IP, LOGIN_WINDOW_MINUTES } from "@/lib/auth/throttle";
import { Prisma } from "@/lib/generated/prisma/client";
import { queryOne } from "@/lib/db/sql/decode";
import { int8, row } from "@/lib/db/sql/columns";

export interface AuthenticatedUser {
  id: string;
  username: string;
  name: string;
  role: Role;
  opdId: string | null;
  vendorId: string | null;
  sessionVersion: number;
}

const authenticateUserRecentFailuresRow = row({ account: int8, address: int8 });

export async function authenticateUser(
  db: Db,
  clock: Clock,
  input: {
    username: string;
    password: string;
    /** The authenticator's 6-digit code, or a recovery code, for accounts with a second factor. */
    code?: string | null;
    ip?: string | null;
    userAgent?: string | null;
  },
  /** The key TOTP secrets are encrypted under (AUTH_SECRET). */
  authSecret = "",
): Promise<AuthenticatedUser | null> {
  const username = input.username.trim().toLowerCase();
  // The audit's own clock (now()), as the failures were stamped with it.
  const recent = await queryOne(
    db,
    "authenticateUser.recentFailures",
    authenticateUserRecentFailuresRow,
    Prisma.sql`
    SELECT
      (SELECT count(*) FROM "AuditLog" WHERE action = 'auth.login_failed' AND after ->> 'username' = ${username}
         AND at > now() - make_interval(mins => ${LOGIN_WINDOW_MINUTES})) AS account,
      (SELECT count(*) FROM "AuditLog" WHERE action = 'auth.login_failed' AND ip = ${input.ip ?? null}
         AND at > now() - make_interval(mins => ${LOGIN_WINDOW_MINUTES})) AS address`,
  );
  if (
    Number(recent!.account) >= LOGIN_MAX_FAILURES_PER_ACCOUNT ||
    (input.ip && Number(recent!.address) >= LOGIN_MAX_FAILURES_PER_IP)
  ) {
    await db.$transaction((tx) =>
      writeAudit(
        tx,
        { id: null, role: null, ip: input.ip, userAgent: input.userAgent },
        { action: "auth.login_throttled", entity: "User", after: { username } },
      ),
    );
    throw new AppError("THROTTLED", { minutes: LOGIN_WINDOW_MINUTES });
  }
  const user = username ? await db.user.findUnique({ where: { username } }) : null;
  const ok = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyPassword(await dummyPasswordHash(), input.password);
  let allowed = Boolean(user && ok && user.active);
  // The second factor, for an admin or the mayor who has enrolled: a code from the app, or a recovery code.
  let usedRecovery: string | null = null;
  let wrongCode = false;
  let reusedCode = false;
  if (allowed && user && mfaRequired(user) && user.totpEnabledAt && user.totpSecret) {
    const code = input.code?.trim() ?? "";
    if (!code) throw new AppError("MFA_REQUIRED");
    const secret = decryptSecret(user.totpSecret, authSecret);
    const step = totpStep(secret, code, clock.now());
    usedRecovery = step !== null ? null : matchRecoveryCode(code, user.totpRecovery);
    if (!usedRecovery && step === null) {
      allowed = false;
      wrongCode = true;
    }
    // A code works once: its step must be later than the last one accepted, claimed atomically, so two sign-ins
    // racing with the same code (or a code seen over someone's shoulder) cannot both pass.
    if (step !== null) {
      const claimed = await db.$executeRaw`
        UPDATE "User" SET "totpLastStep" = ${step}
        WHERE id = ${user.id}::uuid AND ("totpLastStep" IS NULL OR "totpLastStep" < ${step})`;
      if (claimed !== 1) {
        allowed = false;
        wrongCode = true;
        reusedCode = true;
      }
    }
    // A recovery code works once, even when two sign-ins race with it.
    if (usedRecovery) {
      const taken = await db.$executeRaw`
        UPDATE "User" SET "totpRecovery" = array_remove("totpRecovery", ${usedRecovery})
        WHERE id = ${user.id}::uuid AND ${usedRecovery} = ANY("totpRecovery")`;
      if (taken !== 1) {
        allowed = false;
        wrongCode = true;
        usedRecovery = null;
      }
    }
  }
  await db.$transaction(async (tx) => {
    if (allowed && user) {
      await tx.user.update({
        where: { id: user.id },
        data: { lastLoginAt: clock.now() },
      });
    }
    await writeAudit(
      tx,
      {
        id: allowed && user ? user.id : null,
        role: allowed && user ? user.role : null,
        ip: input.ip,
        userAgent: input.userAgent,
      },
      {
        action: allowed ? "auth.login" : "auth.login_failed",
        entity: "User",
        entityId: user?.id ?? null,
        // The attempted username only; never the password.
        after: {
          username,
          reason: allowed
            ? undefined
            : !user
              ? "unknown_user"
              : !ok
                ? "wrong_password"
                : reusedCode
                  ? "reused_code"
                  : wrongCode
                    ? "wrong_code"
                    : "inactive",
          ...(usedRecovery ? { recoveryCodeUsed: true } : {}),
        },
      },
    );
  });
  if (!allowed || !user) return null;
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    role: user.role,
    opdId: user.opdId,
    vendorId: user.vendorId,
    sessionVersion: user.sessionVersion,
  };
}
