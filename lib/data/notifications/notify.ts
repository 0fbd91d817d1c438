// Notifications go through one outbox table, written in the caller's transaction (so a rolled-back change
// notifies nobody): an IN_APP row per user of the audience (read directly by the notification list), an
// EMAIL row per user with an e-mail address when SMTP is configured, a PUSH row per user with a subscribed browser
// when Web Push is configured, and — for each new offer — a GATEWAY row (an SMS/WhatsApp message to the vendor's
// number, when a gateway is configured) and a WHATSAPP click-to-chat row for the ordering OPD's staff. EMAIL, PUSH,
// GATEWAY and WHATSAPP rows start PENDING and are processed by the outbox dispatcher
// (lib/data/notifications/dispatch-outbox.ts) with retries.
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { runtimeEnv } from "@/lib/env";
import { renderNotice } from "@/lib/i18n/notices";
import type { NoticeParams, NoticeTemplate } from "@/lib/domain/notices";

export interface Note {
  kind: string;
  /** In Bahasa Indonesia (what is stored; with a template, made from it by notice()). */
  title: string;
  body: string;
  link?: string;
  /** The template and parameters each reader's language renders (lib/domain/notices.ts). */
  template?: NoticeTemplate;
  params?: NoticeParams;
}

/**
 * A notification as a template and its parameters: stored with its Indonesian text, read in each reader's language
 * (the notifications page, e-mail, push and text messages: lib/i18n/notices.ts).
 */
export function notice(kind: string, template: NoticeTemplate, params: NoticeParams, link?: string): Note {
  return { kind, ...renderNotice(template, params, "id"), link, template, params };
}

const noteTemplate = (n: Note) => n.template ?? null;
const noteParams = (n: Note) => (n.params ? JSON.stringify(n.params) : null);

export type Audience = { vendorId: string } | { opdId: string } | { role: "ADMIN" };

// E-mail rows are only written when there is an SMTP server to send them (SMTP_URL); tests switch it on.
let emailOutbox = Boolean(runtimeEnv().SMTP_URL);
export function setEmailOutbox(enabled: boolean): void {
  emailOutbox = enabled;
}

// GATEWAY rows (offers as SMS/WhatsApp messages) only when a gateway is configured (lib/notifications/gateway.ts).
let gatewayOutbox = Boolean(runtimeEnv().MESSAGE_GATEWAY_URL && runtimeEnv().MESSAGE_GATEWAY_TOKEN);
export function setGatewayOutbox(enabled: boolean): void {
  gatewayOutbox = enabled;
}

// PUSH rows only when Web Push is configured (VAPID keys), and only for users with a subscribed browser.
let pushOutbox = Boolean(runtimeEnv().VAPID_PUBLIC_KEY && runtimeEnv().VAPID_PRIVATE_KEY);
export function setPushOutbox(enabled: boolean): void {
  pushOutbox = enabled;
}

/** One notification to write: to whom, what, and when. */
export interface Notice {
  audience: Audience;
  note: Note;
  at: Date;
  /** When the channels that reach a phone (e-mail, push, gateway) go out: later than `at` in quiet hours. */
  sendAt?: Date;
  /** Also as a text message through the SMS/WhatsApp gateway, to a vendor audience (offers only: they cost money). */
  viaGateway?: boolean;
  /** An id the statement's `when` condition can name as n.ref (e.g. the offer the notice is about). */
  ref?: string;
}

/**
 * The INSERT writing any number of notifications in one statement, for use inside a larger single-round-trip CTE:
 * each notice's IN_APP row per active user of its audience, and the rows of the channels configured (see the
 * header). With `when`, only the notices for which that SQL condition holds are written (it may name n.ref).
 */
export function notifyManySql(notices: Notice[], when?: Prisma.Sql): Prisma.Sql {
  if (notices.length === 0)
    return Prisma.sql`INSERT INTO "Notification" (id, "userId", channel, kind, title) SELECT NULL, NULL, NULL, NULL, NULL WHERE false`;
  const rows = Prisma.join(
    notices.map((n) => {
      const a = n.audience;
      return Prisma.sql`(${"vendorId" in a ? a.vendorId : null}::uuid, ${"opdId" in a ? a.opdId : null}::uuid, ${"role" in a}::boolean,
        ${n.note.kind}, ${n.note.title}, ${n.note.body}, ${n.note.link ?? null}, ${n.at}::timestamptz, ${n.sendAt ?? n.at}::timestamptz,
        ${Boolean(n.viaGateway && "vendorId" in a)}::boolean, ${n.ref ?? null}::uuid, ${noteTemplate(n.note)}::text, ${noteParams(n.note)}::jsonb)`;
    }),
  );
  // Each notice with each active user of its audience (a vendor's users, an OPD's staff, or the admins): three
  // branches, each through its own index.
  const base = Prisma.sql`
    SELECT n.*, u.id AS uid, u.email FROM (VALUES ${rows}) AS n(vendor, opd, admins, kind, title, body, link, at, send_at, gateway, ref, template, params)
    JOIN LATERAL (
      SELECT u.id, u.email FROM "User" u WHERE u.active AND u."vendorId" = n.vendor
      UNION ALL SELECT u.id, u.email FROM "User" u WHERE u.active AND u."opdId" = n.opd
      UNION ALL SELECT u.id, u.email FROM "User" u WHERE u.active AND n.admins AND u.role = 'ADMIN') u ON true
    ${when ? Prisma.sql`WHERE ${when}` : Prisma.empty}`;
  const email = emailOutbox
    ? Prisma.sql`
    UNION ALL
    SELECT gen_random_uuid(), r.uid, 'EMAIL'::"NotificationChannel", r.kind, r.title, r.body, r.template, r.params, r.link, 'PENDING'::"NotificationStatus", NULL::timestamptz, r.send_at, r.at
    FROM r WHERE r.email IS NOT NULL`
    : Prisma.empty;
  const push = pushOutbox
    ? Prisma.sql`
    UNION ALL
    SELECT gen_random_uuid(), r.uid, 'PUSH'::"NotificationChannel", r.kind, r.title, r.body, r.template, r.params, r.link, 'PENDING'::"NotificationStatus", NULL::timestamptz, r.send_at, r.at
    FROM r WHERE EXISTS (SELECT 1 FROM "PushSubscription" p WHERE p."userId" = r.uid)`
    : Prisma.empty;
  const gateway = gatewayOutbox
    ? Prisma.sql`
    UNION ALL
    SELECT gen_random_uuid(), r.uid, 'GATEWAY'::"NotificationChannel", r.kind, r.title, r.body, r.template, r.params, r.link, 'PENDING'::"NotificationStatus", NULL::timestamptz, r.send_at, r.at
    FROM r JOIN "Vendor" v ON v.id = r.vendor WHERE r.gateway AND v.whatsapp IS NOT NULL`
    : Prisma.empty;
  return Prisma.sql`
    WITH r AS (${base})
    INSERT INTO "Notification" (id, "userId", channel, kind, title, body, template, params, link, status, "sentAt", "nextAttemptAt", "createdAt")
    SELECT gen_random_uuid(), r.uid, 'IN_APP'::"NotificationChannel", r.kind, r.title, r.body, r.template, r.params, r.link, 'SENT'::"NotificationStatus", r.at, NULL::timestamptz, r.at
    FROM r${email}${push}${gateway}`;
}

/** One notice's INSERT (see notifyManySql). */
export function notifySql(
  audience: Audience,
  note: Note,
  at: Date,
  sendAt: Date = at,
  opts: { viaGateway?: boolean } = {},
): Prisma.Sql {
  return notifyManySql([{ audience, note, at, sendAt, viaGateway: opts.viaGateway }]);
}

/**
 * The wa.me number of a vendor's WhatsApp field, in SQL: mirrors lib/domain/whatsapp.ts waNumber on the one form the
 * validation stores (0812…, lib/domain/indonesian-input.ts normalizePhone) — 0812… → 62812…. Checked against the rule
 * on every way people type a number by tests/integration/whatsapp-rule.test.ts.
 */
const waNumberSql = Prisma.sql`regexp_replace(regexp_replace(v.whatsapp, '[^0-9]', '', 'g'), '^0', '62')`;

/** A WhatsApp click-to-chat nudge: the OPD whose staff get it, the vendor to write to, and the prefilled message. */
export interface Nudge {
  opdId: string;
  vendorId: string;
  note: Note;
  message: string;
  at: Date;
}

/**
 * WhatsApp click-to-chat rows, one statement for any number of nudges: for each, a row per active staff member of
 * the ordering OPD, a wa.me link to the vendor's number with the message prefilled. The dispatcher checks the number
 * and releases the link (or marks it failed).
 */
export function whatsappNudgesSql(nudges: Nudge[]): Prisma.Sql {
  if (nudges.length === 0)
    return Prisma.sql`INSERT INTO "Notification" (id, "userId", channel, kind, title) SELECT NULL, NULL, NULL, NULL, NULL WHERE false`;
  const rows = Prisma.join(
    nudges.map(
      (n) =>
        Prisma.sql`(${n.opdId}::uuid, ${n.vendorId}::uuid, ${n.note.kind}, ${n.note.title}, ${n.note.body}, ${noteTemplate(n.note)}::text, ${noteParams(n.note)}::jsonb, ${encodeURIComponent(n.message)}, ${n.at}::timestamptz)`,
    ),
  );
  return Prisma.sql`
    INSERT INTO "Notification" (id, "userId", channel, kind, title, body, template, params, link, status, "nextAttemptAt", "createdAt")
    SELECT gen_random_uuid(), u.id, 'WHATSAPP', w.kind, w.title, w.body, w.template, w.params, 'https://wa.me/' || ${waNumberSql} || '?text=' || w.message, 'PENDING', w.at, w.at
    FROM (VALUES ${rows}) AS w(opd, vendor, kind, title, body, template, params, message, at)
    JOIN "Vendor" v ON v.id = w.vendor
    JOIN "User" u ON u.active AND u."opdId" = w.opd`;
}

/** One nudge (see whatsappNudgesSql). */
export function whatsappNudgeSql(opdId: string, vendorId: string, note: Note, message: string, at: Date): Prisma.Sql {
  return whatsappNudgesSql([{ opdId, vendorId, note, message, at }]);
}

/** The notifications of one audience, written now. */
export async function notify(tx: Tx, audience: Audience, note: Note, at: Date): Promise<void> {
  await tx.$executeRaw(notifySql(audience, note, at));
}
