// A user's notification list: in-app messages and released WhatsApp click-to-chat links, newest first.
// Always scoped by the caller's own user id.
import type { Db, Tx } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import type { Actor } from "@/lib/data/audit";
import { writeAudit } from "@/lib/data/audit";
import { inTransaction } from "@/lib/data/tx";
import { NotificationChannel } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { z } from "zod";
import { queryOne, queryRows } from "@/lib/db/sql/decode";
import { bool, instant, int, row, text, uuid } from "@/lib/db/sql/columns";
import { noticeText } from "@/lib/i18n/notices";
import type { AppLocale } from "@/lib/i18n/locales";
import { visibleTo } from "@/lib/db/sql/notifications";

export const NOTIFICATIONS_PAGE_SIZE = 20;

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

export async function listNotifications(
  tx: Tx,
  userId: string,
  page = 1,
  /** The reader's language: each item is rendered in it. */
  locale: AppLocale = "id",
): Promise<{ items: NotificationItem[]; unread: number; page: number; pages: number }> {
  const { total, unread } = (await queryOne(
    tx,
    "listNotifications.count",
    row({ total: int, unread: int }),
    Prisma.sql`SELECT count(*)::int AS total, (count(*) FILTER (WHERE n."readAt" IS NULL))::int AS unread
    FROM "Notification" n WHERE ${visibleTo(userId)}`,
  ))!;
  const pages = Math.max(1, Math.ceil(total / NOTIFICATIONS_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const rows = await queryRows(
    tx,
    "listNotifications.page",
    row({
      id: uuid,
      channel: z.enum(NotificationChannel),
      kind: text,
      title: text,
      body: text,
      template: text.nullable(),
      params: z.unknown(),
      link: text.nullable(),
      createdAt: instant,
      read: bool,
    }),
    Prisma.sql`
    SELECT n.id, n.channel::text AS channel, n.kind, n.title, n.body, n.template, n.params, n.link, n."createdAt",
      n."readAt" IS NOT NULL AS read
    FROM "Notification" n WHERE ${visibleTo(userId)}
    ORDER BY n."createdAt" DESC, n.id ASC
    OFFSET ${(current - 1) * NOTIFICATIONS_PAGE_SIZE} LIMIT ${NOTIFICATIONS_PAGE_SIZE}`,
  );
  const items = rows.map(({ template, params, ...item }) => ({
    ...item,
    ...noticeText({ title: item.title, body: item.body, template, params }, locale),
  }));
  return { items, unread, page: current, pages };
}

/** Marks all of the user's unread items read; one audit row says how many. */
export async function markAllRead(db: Db, clock: Clock, actor: Actor & { id: string }): Promise<number> {
  return inTransaction(db, async (tx) => {
    const count = await tx.$executeRaw`
      UPDATE "Notification" n SET "readAt" = ${clock.now()} WHERE ${visibleTo(actor.id)} AND n."readAt" IS NULL`;
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
