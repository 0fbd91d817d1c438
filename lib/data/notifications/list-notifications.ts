// A user's notification list: in-app messages and released WhatsApp click-to-chat links, newest first.
// Always scoped by the caller's own user id.
import { requireSignedIn } from "@/lib/data/authorise";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/db/client";
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

const listNotificationsPageRow = row({
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
});

const listNotificationsCountRow = row({ total: int, unread: int });

export async function listNotifications(
  tx: Tx,
  opts: {
    /** The reader: their own list only. */
    actor: { id: string | null; role: Role | null };
    page?: number;
    /** The reader's language: each item is rendered in it. */
    locale?: AppLocale;
  },
): Promise<{ items: NotificationItem[]; unread: number; page: number; pages: number }> {
  const { page = 1, locale = "id" } = opts;
  const userId = requireSignedIn(opts.actor);
  const { total, unread } = (await queryOne(
    tx,
    "listNotifications.count",
    listNotificationsCountRow,
    Prisma.sql`SELECT count(*)::int AS total, (count(*) FILTER (WHERE n."readAt" IS NULL))::int AS unread
    FROM "Notification" n WHERE ${visibleTo(userId)}`,
  ))!;
  const pages = Math.max(1, Math.ceil(total / NOTIFICATIONS_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const rows = await queryRows(
    tx,
    "listNotifications.page",
    listNotificationsPageRow,
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
