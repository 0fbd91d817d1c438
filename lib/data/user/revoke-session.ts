// Signing out on the server: the session's id is recorded in RevokedSession (so a copied cookie stops working, see
// lib/auth/guards.ts) with its audit row, in one transaction. Called by Auth.js's signOut event, which every way of
// signing out passes through (the app's "Keluar" button and Auth.js's own POST /api/auth/signout). Idempotent.
import type { Db } from "@/lib/db/client";
import { writeAudit } from "@/lib/data/audit";

export async function revokeSession(
  db: Db,
  opts: { sid: string; userId: string; expiresAt: Date; ip: string | null; userAgent: string | null },
): Promise<{ revoked: boolean }> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: opts.userId }, select: { id: true, role: true } });
    if (!user) return { revoked: false };
    const { count } = await tx.revokedSession.createMany({
      data: [{ sid: opts.sid, userId: user.id, expiresAt: opts.expiresAt }],
      skipDuplicates: true,
    });
    if (count === 0) return { revoked: false }; // already signed out
    await writeAudit(
      tx,
      { id: user.id, role: user.role, ip: opts.ip, userAgent: opts.userAgent },
      { action: "auth.logout", entity: "User", entityId: user.id },
    );
    return { revoked: true };
  });
}
