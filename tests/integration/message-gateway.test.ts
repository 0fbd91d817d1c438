// Issue 17 (1): offers reach the vendor as a text message through an HTTP SMS/WhatsApp gateway — checked against a
// loopback stand-in of the gateway that records the exact requests: the bearer token, the JSON body with the number
// in international form and the message with the offer's one-tap link; a 5xx is retried, a 4xx is given up.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { testDb } from "@/tests/support/integration-setup";
import { createCity, orderInput } from "@/tests/factories/routing";
import { fixedClock } from "@/lib/clock";
import { submitOrder } from "@/lib/data/orders/submit-order";
import { dispatchOutbox } from "@/lib/data/notifications/dispatch-outbox";
import { setGatewayOutbox } from "@/lib/data/notifications/notify";
import { httpGateway } from "@/lib/notifications/gateway";

interface Seen {
  method: string;
  url: string;
  auth: string | undefined;
  type: string | undefined;
  body: { to: string; message: string; sender?: string };
}
const seen: Seen[] = [];
const answers: number[] = [];
let server: http.Server;
let url = "";

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      seen.push({
        method: req.method!,
        url: req.url!,
        auth: req.headers.authorization,
        type: req.headers["content-type"],
        body: JSON.parse(raw) as Seen["body"],
      });
      const status = answers.shift() ?? 200;
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify({ ok: status < 300 }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/send`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
afterEach(() => {
  setGatewayOutbox(false);
  seen.length = 0;
  answers.length = 0;
});

async function offerWithGateway(whatsapp: string) {
  const db = testDb();
  const city = await createCity(db, { opds: 1, vendors: 1, pools: [[0]] });
  await db.vendor.update({ where: { id: city.vendors[0]!.id }, data: { whatsapp } });
  setGatewayOutbox(true);
  const clock = fixedClock("2026-06-01T02:00:00Z");
  const staff = { id: city.opds[0]!.staffId, role: "OPD_STAFF" as const, opdId: city.opds[0]!.id };
  const r = await submitOrder(db, {
    clock,
    actor: staff,
    input: orderInput({ deliveryAt: new Date("2026-06-20T03:00:00Z") }),
  });
  return { db, clock, r, vendorUserId: city.vendors[0]!.userId };
}

describe("the SMS/WhatsApp gateway", () => {
  it("sends each offer with its one-tap link, retrying a 5xx with backoff", async () => {
    const { db, clock, r, vendorUserId } = await offerWithGateway("0812-3456-7890");
    const gateway = httpGateway({ url, token: "rahasia-gateway", sender: "MaminMerata" });
    answers.push(503);
    expect(await dispatchOutbox(db, clock, { mailer: null, gateway, appUrl: "https://mamin.example" })).toMatchObject({
      retrying: 1,
    });
    // Backoff: not again at once; a minute later it goes through.
    await dispatchOutbox(db, clock, { mailer: null, gateway });
    expect(seen).toHaveLength(1);
    const later = fixedClock("2026-06-01T02:01:30Z");
    expect(await dispatchOutbox(db, later, { mailer: null, gateway, appUrl: "https://mamin.example" })).toMatchObject({
      sent: 1,
    });
    expect(seen).toHaveLength(2);
    const req = seen[1]!;
    expect(req).toMatchObject({
      method: "POST",
      url: "/api/send",
      auth: "Bearer rahasia-gateway",
      type: "application/json",
    });
    expect(req.body.to).toBe("6281234567890");
    expect(req.body.sender).toBe("MaminMerata");
    expect(req.body.message).toContain(r.route?.kind === "OFFERED" ? "Tawaran baru" : "?");
    expect(req.body.message).toMatch(/https:\/\/mamin\.example\/tawaran\/\S+$/);
    const row = await db.notification.findFirstOrThrow({ where: { channel: "GATEWAY", userId: vendorUserId } });
    expect(row).toMatchObject({ status: "SENT", attempts: 2 });
    // Sent once: nothing more to do.
    expect(await dispatchOutbox(db, fixedClock("2026-06-01T03:00:00Z"), { mailer: null, gateway })).toMatchObject({
      sent: 0,
    });
  });

  it("gives up on a 4xx and on a number no phone can have, keeping the reason for the admins", async () => {
    const { db, clock, vendorUserId } = await offerWithGateway("0812 1111 2222");
    answers.push(400);
    const gateway = httpGateway({ url, token: "t" });
    expect(await dispatchOutbox(db, clock, { mailer: null, gateway })).toMatchObject({ failed: 1 });
    const row = await db.notification.findFirstOrThrow({ where: { channel: "GATEWAY", userId: vendorUserId } });
    expect(row.status).toBe("FAILED");
    expect(row.lastError).toContain("400");

    const bad = await offerWithGateway("12");
    // Both the OPD's click-to-chat link and the gateway message need the number: both fail for good.
    expect(await dispatchOutbox(bad.db, bad.clock, { mailer: null, gateway })).toMatchObject({ failed: 2 });
    const badRow = await bad.db.notification.findFirstOrThrow({
      where: { channel: "GATEWAY", userId: bad.vendorUserId },
    });
    expect(badRow).toMatchObject({ status: "FAILED", lastError: "Nomor WhatsApp/HP UMKM tidak valid" });
    expect(seen).toHaveLength(1); // the bad number never reached the gateway
  });

  it("writes no gateway row when no gateway is configured", async () => {
    const db = testDb();
    const city = await createCity(db, { opds: 1, vendors: 1, pools: [[0]] });
    const staff = { id: city.opds[0]!.staffId, role: "OPD_STAFF" as const, opdId: city.opds[0]!.id };
    await submitOrder(db, {
      clock: fixedClock("2026-06-01T02:00:00Z"),
      actor: staff,
      input: orderInput({ deliveryAt: new Date("2026-06-21T03:00:00Z") }),
    });
    expect(await db.notification.count({ where: { channel: "GATEWAY", userId: city.vendors[0]!.userId } })).toBe(0);
  });
});
