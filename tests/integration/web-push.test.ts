// Web Push end to end against a stand-in push service on loopback: a vendor's browser subscribes, an offer is
// routed to the vendor, the outbox sends it with the real web-push library — and the stand-in checks the exact
// request (VAPID authorisation, TTL, aes128gcm encoding) and decrypts the payload with the subscription's own keys.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createECDH, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, Agent, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import webpush from "web-push";
import ece from "http_ece";
import { testDb } from "@/tests/support/integration-setup";
import { createCity, orderInput } from "@/tests/factories/routing";
import { fixedClock } from "@/lib/clock";
import { submitOrder } from "@/lib/data/orders/submit-order";
import { setPushOutbox } from "@/lib/data/notifications/notify";
import { dispatchOutbox } from "@/lib/data/notifications/dispatch-outbox";
import { removePushSubscription } from "@/lib/data/notifications/remove-push-subscription";
import { savePushSubscription } from "@/lib/data/notifications/save-push-subscription";
import { webPusher } from "@/lib/notifications/push";
import { AppError } from "@/lib/errors";
import { pushStandInCertificate } from "@/tests/support/push-stand-in";

interface Received {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

let server: Server;
let base = "";
let cert: Buffer;
const received: Received[] = [];

beforeAll(async () => {
  // The stand-in push service's own certificate for 127.0.0.1 (push services are HTTPS only, and so is web-push).
  const files = pushStandInCertificate();
  cert = readFileSync(files.certFile);
  server = createServer({ key: readFileSync(files.keyFile), cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks) });
      res.statusCode = req.url?.startsWith("/gone") ? 410 : req.url?.startsWith("/fail") ? 500 : 201;
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
});

afterEach(() => {
  setPushOutbox(false);
  received.length = 0;
});

/** A browser's subscription: its own P-256 key pair and auth secret, as PushManager makes them. */
function browser(endpoint: string) {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return {
    ecdh,
    auth,
    form: { endpoint, p256dh: ecdh.getPublicKey().toString("base64url"), auth: auth.toString("base64url") },
  };
}

const T0 = "2026-06-01T02:00:00Z";

describe("offers by Web Push", () => {
  it("delivers a new offer to the vendor's subscribed phone, encrypted for it and signed with the VAPID key", async () => {
    const db = testDb();
    setPushOutbox(true);
    const city = await createCity(db, { opds: 1, vendors: 1, pools: [[0]] });
    const vendorUser = { id: city.vendors[0]!.userId, role: "VENDOR" as const, userAgent: "Chrome Android" };
    const phone = browser(`${base}/ok/${randomBytes(6).toString("hex")}`);
    const clock = fixedClock(T0);
    await savePushSubscription(db, { clock, actor: vendorUser, input: phone.form });
    expect(await db.auditLog.count({ where: { action: "push.subscribed", actorId: vendorUser.id } })).toBe(1);

    const r = await submitOrder(db, {
      clock,
      actor: { id: city.opds[0]!.staffId, role: "OPD_STAFF", opdId: city.opds[0]!.id },
      input: orderInput(),
    });
    expect(r.route?.kind).toBe("OFFERED");
    const rows = await db.notification.findMany({ where: { userId: vendorUser.id, channel: "PUSH" } });
    expect(rows).toHaveLength(1);

    const keys = webpush.generateVAPIDKeys();
    const vapid = { ...keys, subject: "mailto:diskopukmperindag@mojokertokota.go.id" };
    const result = await dispatchOutbox(db, clock, {
      mailer: null,
      pusher: webPusher(vapid, { agent: new Agent({ ca: cert }) }),
    });
    // The push, and the OPD staff's WhatsApp nudge row beside it.
    expect(result).toMatchObject({ sent: 2, failed: 0, retrying: 0 });
    expect(received).toHaveLength(1);
    const req = received[0]!;
    expect(req.path).toBe(new URL(phone.form.endpoint).pathname);
    expect(req.headers["content-encoding"]).toBe("aes128gcm");
    expect(Number(req.headers.ttl)).toBeGreaterThan(0);
    // VAPID (RFC 8292): "vapid t=<JWT>, k=<our public key>", the JWT for this push service and our contact.
    const authz = String(req.headers.authorization);
    expect(authz).toMatch(/^vapid t=[\w-]+\.[\w-]+\.[\w-]+, k=[\w-]+$/);
    expect(authz.split("k=")[1]).toBe(keys.publicKey);
    const claims = JSON.parse(Buffer.from(authz.split("t=")[1]!.split(".")[1]!, "base64url").toString());
    expect(claims).toMatchObject({ aud: base, sub: vapid.subject });
    // Only the subscribed browser can read it.
    const plain = ece.decrypt(req.body, { version: "aes128gcm", privateKey: phone.ecdh, authSecret: phone.auth });
    const message = JSON.parse(plain.toString("utf8"));
    expect(message).toEqual({
      title: expect.stringContaining("Tawaran baru"),
      body: expect.stringContaining("porsi"),
      url: expect.stringMatching(/^\/tawaran\/[0-9a-f-]{36}\./),
    });
    const sent = await db.notification.findUniqueOrThrow({ where: { id: rows[0]!.id } });
    expect(sent.status).toBe("SENT");
  });

  it("drops a subscription the push service says is gone, retries one that fails, and refuses a bad one", async () => {
    const db = testDb();
    setPushOutbox(true);
    const city = await createCity(db, { opds: 1, vendors: 2, pools: [[0, 1]] });
    const clock = fixedClock(T0);
    const gone = browser(`${base}/gone/${randomBytes(6).toString("hex")}`);
    const failing = browser(`${base}/fail/${randomBytes(6).toString("hex")}`);
    const v0 = { id: city.vendors[0]!.userId, role: "VENDOR" as const };
    const v1 = { id: city.vendors[1]!.userId, role: "VENDOR" as const };
    await savePushSubscription(db, { clock, actor: v0, input: gone.form });
    await savePushSubscription(db, { clock, actor: v1, input: failing.form });
    for (let i = 0; i < 2; i++)
      await submitOrder(db, {
        clock,
        actor: { id: city.opds[0]!.staffId, role: "OPD_STAFF", opdId: city.opds[0]!.id },
        input: orderInput(),
      });
    const vapid = { ...webpush.generateVAPIDKeys(), subject: "mailto:x@example.org" };
    const result = await dispatchOutbox(db, clock, {
      mailer: null,
      pusher: webPusher(vapid, { agent: new Agent({ ca: cert }) }),
    });
    // (The two sent rows are the OPD staff's WhatsApp nudges.)
    expect(result).toMatchObject({ sent: 2, failed: 1, retrying: 1 });
    expect(await db.pushSubscription.count({ where: { endpoint: gone.form.endpoint } })).toBe(0);
    const retry = await db.notification.findFirstOrThrow({ where: { userId: v1.id, channel: "PUSH" } });
    expect(retry).toMatchObject({ status: "PENDING", lastError: "Layanan push menjawab 500" });
    expect(retry.nextAttemptAt!.getTime()).toBeGreaterThan(clock.now().getTime());

    // Not a push service's address, or not keys: refused, nothing stored.
    await expect(
      savePushSubscription(db, { clock, actor: v1, input: { ...failing.form, endpoint: "http://127.0.0.1/x" } }),
    ).rejects.toSatisfy((e) => e instanceof AppError && e.code === "VALIDATION");
    await expect(
      savePushSubscription(db, { clock, actor: v1, input: { ...failing.form, p256dh: "short" } }),
    ).rejects.toSatisfy((e) => e instanceof AppError && e.code === "VALIDATION");
    // Another account cannot remove this phone's subscription; its own user can.
    expect(await removePushSubscription(db, { actor: v0, input: { endpoint: failing.form.endpoint } })).toEqual({
      removed: 0,
    });
    expect(await removePushSubscription(db, { actor: v1, input: { endpoint: failing.form.endpoint } })).toEqual({
      removed: 1,
    });
  });
});
