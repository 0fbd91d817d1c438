import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { readSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { Role } from "@/lib/generated/prisma/enums";
import { AppError, isAppError } from "@/lib/errors";
import { mfaRequired } from "@/lib/auth/totp";
import { writeAudit } from "@/lib/data/audit";
import { unreadCountSql } from "@/lib/db/sql/notifications";
import { queryOne } from "@/lib/db/sql/decode";
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";

export interface CurrentUser {
  id: string;
  username: string;
  name: string;
  role: Role;
  opdId: string | null;
  vendorId: string | null;
  /** An admin or the mayor who has not set up the second factor yet: only /account/mfa until they do. */
  mfaPending: boolean;
  /** Unread notifications (the number beside the bell), read in the same round trip. */
  unread: number;
}

/**
 * The signed-in user as the database knows them now: a JWT alone is not trusted, so a
 * deactivated user, a changed role, a bumped session version or a signed-out session (RevokedSession)
 * ends the session at once.
 * Cached per request.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The signed-in user's row as the query below reads it, decoded (lib/db/sql/decode.ts). */
const sessionUserRow = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  role: z.enum(Role),
  opdId: z.string().nullable(),
  vendorId: z.string().nullable(),
  active: z.boolean(),
  sessionVersion: z.number().int(),
  isDemo: z.boolean(),
  totpEnabledAt: z.date().nullable(),
  revoked: z.boolean(),
  unread: z.number().int(),
});

export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await readSession();
  if (!session) return null;
  const { userId: id, sid } = session;
  if (!sid || !UUID.test(id)) return null;
  // One round trip: the user as the database knows them now, whether this session was signed out, and the
  // header's unread count (every page shows it).
  const user = await queryOne(
    db(),
    "signed-in user",
    sessionUserRow,
    Prisma.sql`
    SELECT u.id, u.username, u.name, u.role::text AS role, u."opdId", u."vendorId", u.active, u."sessionVersion",
           u."isDemo", u."totpEnabledAt", EXISTS (SELECT 1 FROM "RevokedSession" r WHERE r.sid = ${sid}) AS revoked,
           ${unreadCountSql(id)} AS unread
    FROM "User" u WHERE u.id = ${id}::uuid`,
  );
  if (!user || user.revoked || !user.active) return null;
  if (user.sessionVersion !== session.sessionVersion || user.role !== session.role) return null;
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    role: user.role,
    opdId: user.opdId,
    vendorId: user.vendorId,
    mfaPending: mfaRequired(user) && !user.totpEnabledAt,
    unread: user.unread,
  };
});

/** A signed-in user refused for their role: recorded (anonymous refusals are only bots' noise). */
async function auditDenial(user: CurrentUser, required: Role[]): Promise<void> {
  await writeAudit(
    db(),
    { id: user.id, role: user.role },
    { action: "auth.denied", entity: "User", entityId: user.id, after: { required } },
  );
}

/** For pages and layouts: no session → /login; wrong role → 403. */
export async function requirePageRole(...roles: Role[]): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (user.mfaPending) redirect("/account/mfa");
  if (!roles.includes(user.role)) {
    await auditDenial(user, roles);
    forbidden();
  }
  return user;
}

/** For server actions and route handlers: throws typed errors the boundary turns into messages/status codes. */
export async function requireRole(...roles: Role[]): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("UNAUTHENTICATED");
  if (!roles.includes(user.role)) {
    await auditDenial(user, roles);
    throw new AppError("FORBIDDEN");
  }
  if (user.mfaPending) throw new AppError("MFA_REQUIRED");
  return user;
}

/**
 * For server actions: as requireRole, but a refusal answers as a page does — no session → /login, a second factor
 * still to set up → /account/mfa, the wrong role → 403 (the forbidden page), never a 500 with a digest.
 */
export async function requireActionRole(...roles: Role[]): Promise<CurrentUser> {
  try {
    return await requireRole(...roles);
  } catch (e) {
    if (isAppError(e) && e.code === "FORBIDDEN") forbidden();
    if (isAppError(e) && e.code === "UNAUTHENTICATED") redirect("/login");
    if (isAppError(e) && e.code === "MFA_REQUIRED") redirect("/account/mfa");
    throw e;
  }
}
