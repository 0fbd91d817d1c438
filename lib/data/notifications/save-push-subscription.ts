// A signed-in user's browser subscribes to Web Push (the vendor's phone, from its home page; stopping:
// remove-push-subscription.ts). The
// subscription is what the browser's push service handed it: an https endpoint and two base64url keys. One browser
// (endpoint) belongs to one account at a time: subscribing it again under another account moves it. Audited.
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { writeAudit, type Actor } from "@/lib/data/audit";
import { inTransaction } from "@/lib/data/tx";
import { vm } from "@/lib/domain/validation-message";

const base64url = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, vm("push.key"))
    .min(min, vm("push.key"))
    .max(max, vm("push.key"));

export const pushSubscriptionSchema = z
  .object({
    endpoint: z
      .string()
      .trim()
      .max(2000, vm("push.endpointLong"))
      .url(vm("push.endpoint"))
      .refine((u) => u.startsWith("https://"), vm("push.endpointHttps")),
    // An uncompressed P-256 public key (65 bytes) and a 16-byte secret, base64url.
    p256dh: base64url(80, 100),
    auth: base64url(16, 32),
  })
  .strict();

export type SignedIn = Actor & { id: string };

export async function savePushSubscription(db: Db, opts: { clock: Clock; actor: SignedIn; input: unknown }) {
  const { clock, actor, input: raw } = opts;
  if (!actor.id || !actor.role) throw new AppError("UNAUTHENTICATED");
  const input = parseInput(pushSubscriptionSchema, raw);
  return inTransaction(db, async (tx) => {
    const before = await tx.pushSubscription.findUnique({ where: { endpoint: input.endpoint } });
    const saved = await tx.pushSubscription.upsert({
      where: { endpoint: input.endpoint },
      create: { ...input, userId: actor.id, userAgent: actor.userAgent?.slice(0, 300) ?? null, createdAt: clock.now() },
      update: { ...input, userId: actor.id, userAgent: actor.userAgent?.slice(0, 300) ?? null },
    });
    await writeAudit(tx, actor, {
      action: before ? "push.resubscribed" : "push.subscribed",
      entity: "PushSubscription",
      entityId: saved.id,
      before: before ? { userId: before.userId } : null,
      // The endpoint's host only: the full address is a capability to push to that browser.
      after: { userId: actor.id, service: new URL(input.endpoint).host },
    });
    return { id: saved.id };
  });
}
