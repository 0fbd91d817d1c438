// Which notifications are a user's own list, as SQL: the one definition for the list, the unread count beside the
// bell (read with the signed-in user in lib/auth/guards.ts) and "mark all read".
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * What a user sees of their notifications (the one definition, in SQL, for the list, the count beside the bell —
 * also read with the signed-in user in lib/auth/guards.ts — and "mark all read"): in-app items, and WhatsApp
 * click-to-chat links once released. E-mails and unreleased links are the outbox's, not the user's list.
 */
export const visibleTo = (userId: string) =>
  Prisma.sql`n."userId" = ${userId}::uuid AND (n.channel = 'IN_APP' OR (n.channel = 'WHATSAPP' AND n.status = 'SENT'))`;

/** How many visible items of `userId` are unread, as an SQL expression (a scalar subquery). */
export const unreadCountSql = (userId: string) =>
  Prisma.sql`(SELECT count(*)::int FROM "Notification" n WHERE ${visibleTo(userId)} AND n."readAt" IS NULL)`;
