// Web Push: offers and other notices reach the browsers a user subscribed (the vendor's phone, even with the
// portal closed), through the browser's own push service, encrypted for that browser (RFC 8291) and signed with
// the portal's VAPID key (RFC 8292) by the well-kept `web-push` library. Off when no VAPID keys are configured.
import "server-only";
import type { Agent } from "node:https";
import webpush from "web-push";
import { env } from "@/lib/env";

export interface PushTarget {
  endpoint: string;
  p256dh: string;
  auth: string;
}

/** What a notification says on the phone: its title, text and the page a tap opens. */
export interface PushMessage {
  title: string;
  body: string;
  url: string;
}

export interface Pusher {
  /** Delivers one message to one subscription. `gone`: the push service no longer knows it (unsubscribed). */
  send(target: PushTarget, message: PushMessage): Promise<{ gone: boolean }>;
}

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  subject: string;
}

/** The configured VAPID keys, or null when push is off. */
export function vapidKeys(): VapidKeys | null {
  const e = env();
  return e.VAPID_PUBLIC_KEY && e.VAPID_PRIVATE_KEY
    ? { publicKey: e.VAPID_PUBLIC_KEY, privateKey: e.VAPID_PRIVATE_KEY, subject: e.VAPID_SUBJECT }
    : null;
}

/** A Pusher over web-push. `agent` is for tests (a stand-in push service with its own certificate). */
export function webPusher(keys: VapidKeys, opts: { agent?: Agent; ttlSeconds?: number } = {}): Pusher {
  return {
    async send(target, message) {
      try {
        await webpush.sendNotification(
          { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
          JSON.stringify(message),
          {
            vapidDetails: keys,
            // An offer is worth delivering only while it can still be answered.
            TTL: opts.ttlSeconds ?? 2 * 3600,
            urgency: "high",
            timeout: 10_000,
            ...(opts.agent ? { agent: opts.agent } : {}),
          },
        );
        return { gone: false };
      } catch (e) {
        const status = (e as { statusCode?: number }).statusCode;
        if (status === 404 || status === 410) return { gone: true };
        throw new Error(status ? `Layanan push menjawab ${status}` : e instanceof Error ? e.message : String(e));
      }
    },
  };
}

/** The Pusher of this process, or null when push is off. */
export function configuredPusher(): Pusher | null {
  const keys = vapidKeys();
  return keys ? webPusher(keys) : null;
}
