// A user's notification list: in-app messages and released WhatsApp click-to-chat links, newest first.
// Always scoped by the caller's own user id.
import type { Db, Tx } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import type { Actor } from "@/lib/data/audit";
import { writeAudit } from "@/lib/data/audit";
import { inTransaction } from "@/lib/data/tx";
import type { NotificationChannel } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";

export const NOTIFICATIONS_PAGE_SIZE = 20;

const visible = (userId: string): Prisma.NotificationWhereInput => ({
  userId,
  OR: [{ channel: "IN_APP" }, { channel: "WHATSAPP", status: "SENT" }],
});

export interface NotificationItem {
  id: string;
  channel: NotificationChannel;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
  read: boolean;
}

/** Unread in-app and WhatsApp items: the number beside the bell in the header. */
export async function countUnread(tx: Tx, userId: string): Promise<number> {
  return tx.notification.count({ where: { ...visible(userId), readAt: null } });
}

export async function listNotifications(
  tx: Tx,
  userId: string,
  page = 1,
): Promise<{ items: NotificationItem[]; unread: number; page: number; pages: number }> {
  const [total, unread] = await Promise.all([
    tx.notification.count({ where: visible(userId) }),
    countUnread(tx, userId),
  ]);
  const pages = Math.max(1, Math.ceil(total / NOTIFICATIONS_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const rows = await tx.notification.findMany({
    where: visible(userId),
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    skip: (current - 1) * NOTIFICATIONS_PAGE_SIZE,
    take: NOTIFICATIONS_PAGE_SIZE,
    select: { id: true, channel: true, kind: true, title: true, body: true, link: true, createdAt: true, readAt: true },
  });
  return {
    items: rows.map(({ readAt, ...r }) => ({ ...r, read: readAt !== null })),
    unread,
    page: current,
    pages,
  };
}

/** Marks all of the user's unread items read; one audit row says how many. */
export async function markAllRead(db: Db, clock: Clock, actor: Actor & { id: string }): Promise<number> {
  return inTransaction(db, async (tx) => {
    const { count } = await tx.notification.updateMany({
      where: { ...visible(actor.id), readAt: null },
      data: { readAt: clock.now() },
    });
    if (count > 0) {
      await writeAudit(tx, actor, {
        action: "notifications.read",
        entity: "User",
        entityId: actor.id,
        after: { marked: count },
      });
    }
    return count;
  });
}
