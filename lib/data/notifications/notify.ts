// Notifications go through one outbox table, written in the caller's transaction (so a rolled-back change
// notifies nobody): an IN_APP row per user of the audience (read directly by the notification list), an
// EMAIL row per user with an e-mail address when SMTP is configured, a PUSH row per user with a subscribed browser
// when Web Push is configured, and — for each new offer — a GATEWAY row (an SMS/WhatsApp message to the vendor's
// number, when a gateway is configured) and a WHATSAPP click-to-chat row for the ordering OPD's staff. EMAIL, PUSH,
// GATEWAY and WHATSAPP rows start PENDING and are processed by the outbox dispatcher
// (lib/data/notifications/dispatch-outbox.ts) with retries.
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

export interface Note {
  kind: string;
  title: string;
  body: string;
  link?: string;
}

export type Audience = { vendorId: string } | { opdId: string } | { role: "ADMIN" };

// E-mail rows are only written when there is an SMTP server to send them (SMTP_URL); tests switch it on.
let emailOutbox = Boolean(process.env.SMTP_URL);
export function setEmailOutbox(enabled: boolean): void {
  emailOutbox = enabled;
}

// GATEWAY rows (offers as SMS/WhatsApp messages) only when a gateway is configured (lib/notifications/gateway.ts).
let gatewayOutbox = Boolean(process.env.MESSAGE_GATEWAY_URL && process.env.MESSAGE_GATEWAY_TOKEN);
export function setGatewayOutbox(enabled: boolean): void {
  gatewayOutbox = enabled;
}

// PUSH rows only when Web Push is configured (VAPID keys), and only for users with a subscribed browser.
let pushOutbox = Boolean(process.env.VAPID_PUBLIC_KEY && process.env.VAPID_PRIVATE_KEY);
export function setPushOutbox(enabled: boolean): void {
  pushOutbox = enabled;
}

function audienceSql(a: Audience): Prisma.Sql {
  if ("vendorId" in a) return Prisma.sql`u."vendorId" = ${a.vendorId}::uuid`;
  if ("opdId" in a) return Prisma.sql`u."opdId" = ${a.opdId}::uuid`;
  return Prisma.sql`u.role = 'ADMIN'`;
}

/** The INSERT statement, for use inside a larger single-round-trip CTE. */
export function notifySql(
  audience: Audience,
  note: Note,
  at: Date,
  /** When the channels that reach a phone (e-mail, push, gateway) go out: later than `at` in quiet hours. */
  sendAt: Date = at,
  /** Also as a text message through the SMS/WhatsApp gateway, to a vendor audience (offers only: they cost money). */
  opts: { viaGateway?: boolean } = {},
): Prisma.Sql {
  const email = emailOutbox
    ? Prisma.sql`
    UNION ALL
    SELECT gen_random_uuid(), u.id, 'EMAIL'::"NotificationChannel", ${note.kind}, ${note.title}, ${note.body}, ${note.link ?? null}, 'PENDING'::"NotificationStatus", NULL::timestamptz, ${sendAt}::timestamptz, ${at}::timestamptz
    FROM "User" u WHERE u.active AND u.email IS NOT NULL AND ${audienceSql(audience)}`
    : Prisma.empty;
  const push = pushOutbox
    ? Prisma.sql`
    UNION ALL
    SELECT gen_random_uuid(), u.id, 'PUSH'::"NotificationChannel", ${note.kind}, ${note.title}, ${note.body}, ${note.link ?? null}, 'PENDING'::"NotificationStatus", NULL::timestamptz, ${sendAt}::timestamptz, ${at}::timestamptz
    FROM "User" u WHERE u.active AND ${audienceSql(audience)} AND EXISTS (SELECT 1 FROM "PushSubscription" p WHERE p."userId" = u.id)`
    : Prisma.empty;
  const gateway =
    gatewayOutbox && opts.viaGateway && "vendorId" in audience
      ? Prisma.sql`
    UNION ALL
    SELECT gen_random_uuid(), u.id, 'GATEWAY'::"NotificationChannel", ${note.kind}, ${note.title}, ${note.body}, ${note.link ?? null}, 'PENDING'::"NotificationStatus", NULL::timestamptz, ${sendAt}::timestamptz, ${at}::timestamptz
    FROM "User" u JOIN "Vendor" v ON v.id = u."vendorId" WHERE u.active AND v.whatsapp IS NOT NULL AND ${audienceSql(audience)}`
      : Prisma.empty;
  return Prisma.sql`
    INSERT INTO "Notification" (id, "userId", channel, kind, title, body, link, status, "sentAt", "nextAttemptAt", "createdAt")
    SELECT gen_random_uuid(), u.id, 'IN_APP'::"NotificationChannel", ${note.kind}, ${note.title}, ${note.body}, ${note.link ?? null}, 'SENT'::"NotificationStatus", ${at}::timestamptz, NULL::timestamptz, ${at}::timestamptz
    FROM "User" u WHERE u.active AND ${audienceSql(audience)}${email}${push}${gateway}`;
}

/** The wa.me number of a vendor's WhatsApp field, in SQL (0812… / +62 812… → 62812…); see lib/domain/whatsapp.ts. */
const waNumberSql = Prisma.sql`regexp_replace(regexp_replace(v.whatsapp, '[^0-9]', '', 'g'), '^0', '62')`;

/**
 * A WhatsApp click-to-chat row for each staff member of the ordering OPD: a wa.me link to the vendor's number
 * with the message prefilled. The dispatcher checks the number and releases the link (or marks it failed).
 */
export function whatsappNudgeSql(opdId: string, vendorId: string, note: Note, message: string, at: Date): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "Notification" (id, "userId", channel, kind, title, body, link, status, "nextAttemptAt", "createdAt")
    SELECT gen_random_uuid(), u.id, 'WHATSAPP', ${note.kind}, ${note.title}, ${note.body},
           'https://wa.me/' || ${waNumberSql} || '?text=' || ${encodeURIComponent(message)}, 'PENDING', ${at}, ${at}
    FROM "User" u JOIN "Vendor" v ON v.id = ${vendorId}::uuid
    WHERE u.active AND u."opdId" = ${opdId}::uuid`;
}

/** The notifications of one audience, written now. */
export async function notify(tx: Tx, audience: Audience, note: Note, at: Date): Promise<void> {
  await tx.$executeRaw(notifySql(audience, note, at));
}
