// In-app notifications, written in the caller's transaction (the e-mail/WhatsApp outbox comes later).
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

export interface Note {
  kind: string;
  title: string;
  body: string;
  link?: string;
}

export type Audience = { vendorId: string } | { opdId: string } | { role: "ADMIN" };

function audienceSql(a: Audience): Prisma.Sql {
  if ("vendorId" in a) return Prisma.sql`u."vendorId" = ${a.vendorId}::uuid`;
  if ("opdId" in a) return Prisma.sql`u."opdId" = ${a.opdId}::uuid`;
  return Prisma.sql`u.role = 'ADMIN'`;
}

/** The INSERT statement, for use inside a larger single-round-trip CTE. */
export function notifySql(audience: Audience, note: Note, at: Date): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "Notification" (id, "userId", channel, kind, title, body, link, status, "sentAt", "createdAt")
    SELECT gen_random_uuid(), u.id, 'IN_APP', ${note.kind}, ${note.title}, ${note.body}, ${note.link ?? null}, 'SENT', ${at}, ${at}
    FROM "User" u WHERE u.active AND ${audienceSql(audience)}`;
}

/** One in-app notification for every active user of the audience. */
export async function notify(tx: Tx, audience: Audience, note: Note, at: Date): Promise<void> {
  await tx.$executeRaw(notifySql(audience, note, at));
}
