// The outbox dispatcher: claims due EMAIL, PUSH, GATEWAY (SMS/WhatsApp messages) and WHATSAPP rows (SKIP LOCKED, so several app instances can
// run it), processes them outside any transaction, and records the result. A claim is a lease: a process
// that dies mid-send leaves the row to be retried when the lease runs out. Failures back off and give up
// after MAX_ATTEMPTS, keeping the last error for the admins.
import { noticeText } from "@/lib/i18n/notices";
import { toLocale } from "@/lib/i18n/locales";
import type { Db } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import type { Pusher } from "@/lib/notifications/push";
import { GatewayError, type MessageGateway } from "@/lib/notifications/gateway";
import { waNumber } from "@/lib/domain/whatsapp";
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { queryRows } from "@/lib/db/sql/decode";
import { int, row, text, uuid } from "@/lib/db/sql/columns";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}
export interface Mailer {
  send(mail: Mail): Promise<void>;
}

export const MAX_ATTEMPTS = 5;
/** Rows one pass claims unless told otherwise. */
const OUTBOX_BATCH = 50;
const LEASE_MS = 2 * 60_000;
/** Minutes to wait after the n-th failed attempt. */
const BACKOFF_MINUTES = [1, 5, 15, 60];
const WA_LINK = /^https:\/\/wa\.me\/62\d{8,13}\?text=\S+$/;

const claimedRow = row({
  id: uuid,
  userId: uuid,
  channel: z.enum(["EMAIL", "WHATSAPP", "PUSH", "GATEWAY"]),
  title: text,
  body: text,
  template: text.nullable(),
  params: z.unknown(),
  link: text.nullable(),
  attempts: int,
  email: text.nullable(),
  locale: text,
  /** The vendor's WhatsApp/phone number, for GATEWAY rows. */
  phone: text.nullable(),
});
type Claimed = Omit<z.output<typeof claimedRow>, "template" | "params" | "locale">;

/** What became of one claimed row: sent, failed for good, or back to PENDING until `next`. */
interface Settlement {
  id: string;
  status: "SENT" | "FAILED" | "PENDING";
  error: string | null;
  next: Date | null;
}

/** Records settlements in one statement: sent rows keep their lease time, the others get `next`. */
async function settle(db: Db, clock: Clock, rows: Settlement[]): Promise<void> {
  if (rows.length === 0) return;
  await db.$executeRaw`
    UPDATE "Notification" n
    SET status = v.status::"NotificationStatus",
        "sentAt" = CASE WHEN v.status = 'SENT' THEN ${clock.now()}::timestamptz ELSE n."sentAt" END,
        "lastError" = v.error,
        "nextAttemptAt" = CASE WHEN v.status = 'SENT' THEN n."nextAttemptAt" ELSE v.next END
    FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.status)}::text[],
                ${rows.map((r) => r.error)}::text[], ${rows.map((r) => r.next?.toISOString() ?? null)}::timestamptz[])
         AS v(id, status, error, next)
    WHERE n.id = v.id`;
}

export interface DispatchResult {
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * Processes up to `limit` due rows. Without a mailer (no SMTP configured) e-mail rows are left alone, and push rows
 * without a pusher (no VAPID keys); `appUrl` turns relative links into absolute ones in e-mails.
 */
export async function dispatchOutbox(
  db: Db,
  clock: Clock,
  opts: {
    mailer: Mailer | null;
    pusher?: Pusher | null;
    gateway?: MessageGateway | null;
    appUrl?: string;
    limit?: number;
  },
): Promise<DispatchResult> {
  const now = clock.now();
  const channels = [
    "WHATSAPP",
    ...(opts.mailer ? ["EMAIL"] : []),
    ...(opts.pusher ? ["PUSH"] : []),
    ...(opts.gateway ? ["GATEWAY"] : []),
  ];
  const claimedRows = await queryRows(
    db,
    "dispatchOutbox.claim",
    claimedRow,
    Prisma.sql`
    UPDATE "Notification" n SET attempts = n.attempts + 1, "nextAttemptAt" = ${new Date(now.getTime() + LEASE_MS)}
    FROM (SELECT id FROM "Notification"
          WHERE status = 'PENDING' AND channel::text = ANY(${channels}) AND "nextAttemptAt" <= ${now}
          ORDER BY "nextAttemptAt" LIMIT ${opts.limit ?? OUTBOX_BATCH} FOR UPDATE SKIP LOCKED) due,
         "User" u
    WHERE n.id = due.id AND u.id = n."userId"
    RETURNING n.id, n."userId", n.channel::text AS channel, n.title, n.body, n.template, n.params, n.link, n.attempts,
      u.email, u.locale, (SELECT v.whatsapp FROM "Vendor" v WHERE v.id = u."vendorId") AS phone`,
  );
  // Each message in its recipient's language (the one they last chose), from its template when it has one.
  const claimed: Claimed[] = claimedRows.map(({ template, params, locale, ...row }) => ({
    ...row,
    ...noticeText({ title: row.title, body: row.body, template, params }, toLocale(locale)),
  }));
  const result: DispatchResult = { sent: 0, retrying: 0, failed: 0 };
  // WhatsApp rows have no side effect to repeat, so they are recorded together at the end; an e-mail's
  // result is recorded as soon as it is sent, so a crash re-sends at most the one in flight.
  const released: Settlement[] = [];
  for (const row of claimed) {
    let error: string | null = null;
    let permanent = false;
    try {
      if (row.channel === "WHATSAPP") {
        // Nothing to send: the link is for a person to tap. It is released only if the number is usable.
        if (!row.link || !WA_LINK.test(row.link)) {
          error = "Nomor WhatsApp UMKM tidak valid";
          permanent = true;
        }
      } else if (row.channel === "PUSH") {
        const outcome = await pushToEveryBrowser(db, clock, opts.pusher!, row);
        if (outcome) ({ error, permanent } = outcome);
      } else if (row.channel === "GATEWAY") {
        // The same number rule as the WhatsApp links (lib/domain/whatsapp.ts): 0812…, +62 812…, 812… → 62812….
        const to = waNumber(row.phone);
        if (!to) {
          error = "Nomor WhatsApp/HP UMKM tidak valid";
          permanent = true;
        } else {
          const link = row.link ? `\n${row.link.startsWith("/") ? (opts.appUrl ?? "") : ""}${row.link}` : "";
          await opts.gateway!.send(to, `${row.title}\n${row.body}${link}`);
        }
      } else if (!row.email) {
        error = "Pengguna tidak punya alamat e-mail";
        permanent = true;
      } else {
        const link = row.link ? `\n\n${row.link.startsWith("/") ? (opts.appUrl ?? "") : ""}${row.link}` : "";
        await opts.mailer!.send({ to: row.email, subject: `[Mamin Merata] ${row.title}`, text: `${row.body}${link}` });
      }
    } catch (e) {
      error = (e instanceof Error ? e.message : String(e)).slice(0, 500);
      if (e instanceof GatewayError) permanent = e.permanent;
    }
    let settlement: Settlement;
    if (!error) {
      settlement = { id: row.id, status: "SENT", error: null, next: null };
      result.sent += 1;
    } else if (permanent || row.attempts >= MAX_ATTEMPTS) {
      settlement = { id: row.id, status: "FAILED", error, next: null };
      result.failed += 1;
    } else {
      const wait = BACKOFF_MINUTES[Math.min(row.attempts, BACKOFF_MINUTES.length) - 1] ?? 60;
      settlement = { id: row.id, status: "PENDING", error, next: new Date(clock.now().getTime() + wait * 60_000) };
      result.retrying += 1;
    }
    if (row.channel === "WHATSAPP") released.push(settlement);
    else await settle(db, clock, [settlement]);
  }
  await settle(db, clock, released);
  return result;
}

/**
 * Sends a PUSH row to every browser its user subscribed; a subscription the push service says is gone is removed.
 * Null when at least one browser got it; otherwise the error (permanent when no subscription is left).
 */
async function pushToEveryBrowser(
  db: Db,
  clock: Clock,
  pusher: Pusher,
  row: Claimed,
): Promise<{ error: string; permanent: boolean } | null> {
  const subs = await db.pushSubscription.findMany({ where: { userId: row.userId } });
  let delivered = 0;
  let gone = 0;
  let lastError = "";
  for (const s of subs) {
    try {
      const r = await pusher.send(s, { title: row.title, body: row.body, url: row.link ?? "/" });
      if (r.gone) {
        gone++;
        await db.pushSubscription.deleteMany({ where: { id: s.id } });
      } else {
        delivered++;
        await db.pushSubscription.updateMany({ where: { id: s.id }, data: { lastSentAt: clock.now() } });
      }
    } catch (e) {
      lastError = (e instanceof Error ? e.message : String(e)).slice(0, 500);
    }
  }
  if (delivered > 0) return null;
  // An operator's record of the delivery attempt (the outbox row), not shown to the person: no refusal key.
  // eslint-disable-next-line no-restricted-syntax
  if (gone === subs.length) return { error: "Langganan notifikasi di ponsel sudah tidak berlaku", permanent: true };
  return { error: lastError, permanent: false };
}

/** Passes over the due rows until one comes back short of a full batch: everything due now, sent or settled. */
export async function drainOutbox(
  db: Db,
  clock: Clock,
  opts: Parameters<typeof dispatchOutbox>[2],
): Promise<DispatchResult> {
  const total: DispatchResult = { sent: 0, retrying: 0, failed: 0 };
  for (;;) {
    const r = await dispatchOutbox(db, clock, opts);
    total.sent += r.sent;
    total.retrying += r.retrying;
    total.failed += r.failed;
    if (r.sent + r.retrying + r.failed < (opts.limit ?? OUTBOX_BATCH)) return total;
  }
}
