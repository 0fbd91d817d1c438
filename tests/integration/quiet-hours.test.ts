// Issue 17 (3): an order placed at night is offered to the vendor's phone in the morning, with its whole answer
// window from then; the e-mail (and push) wait in the outbox until then; the OPD's page says when.
import { afterEach, describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/integration-setup";
import { createCity, orderInput, withSettings } from "@/tests/factories/routing";
import { fixedClock } from "@/lib/clock";
import { submitOrder } from "@/lib/data/orders/submit-order";
import { dispatchOutbox, type Mailer } from "@/lib/data/notifications/dispatch-outbox";
import { setEmailOutbox } from "@/lib/data/notifications/notify";
import { wibDateTime } from "@/lib/format";

afterEach(() => setEmailOutbox(false));

describe("quiet hours", () => {
  it("sends a night order's offer in the morning, with its answer window from then", async () => {
    const db = testDb();
    const city = await createCity(db, { opds: 1, vendors: 1, pools: [[0]], fiscalYear: 2027 });
    await db.user.update({ where: { id: city.vendors[0]!.userId }, data: { email: "umkm@example.test" } });
    setEmailOutbox(true);
    const staff = { id: city.opds[0]!.staffId, role: "OPD_STAFF" as const, opdId: city.opds[0]!.id };
    const night = fixedClock(wibDateTime("2027-03-01", "21:54").toISOString());
    const r = await submitOrder(db, {
      clock: night,
      actor: staff,
      input: orderInput({ deliveryAt: wibDateTime("2027-03-03", "12:00") }),
    });
    expect(r.route).toMatchObject({
      kind: "OFFERED",
      sendAt: wibDateTime("2027-03-02", "06:00"),
      expiresAt: wibDateTime("2027-03-02", "08:00"),
    });
    const offer = await db.offer.findFirstOrThrow({ where: { orderId: r.orderId } });
    expect(offer.sendAt).toEqual(wibDateTime("2027-03-02", "06:00"));

    // The e-mail waits for the morning.
    const sent: string[] = [];
    const mailer: Mailer = { send: async (m) => void sent.push(m.subject) };
    await dispatchOutbox(db, night, { mailer });
    expect(sent).toEqual([]);
    await dispatchOutbox(db, fixedClock(wibDateTime("2027-03-02", "06:01").toISOString()), { mailer });
    expect(sent).toHaveLength(1);

    // By day, at once; with quiet hours off, at once by night too.
    const day = fixedClock(wibDateTime("2027-03-02", "10:00").toISOString());
    const d = await submitOrder(db, {
      clock: day,
      actor: staff,
      input: orderInput({ deliveryAt: wibDateTime("2027-03-04", "12:00") }),
    });
    expect(d.route).toMatchObject({ kind: "OFFERED", sendAt: day.now() });
    await withSettings(db, { quietHoursStart: "00:00", quietHoursEnd: "00:00" }, async () => {
      const n = await submitOrder(db, {
        clock: night,
        actor: staff,
        input: orderInput({ deliveryAt: wibDateTime("2027-03-05", "12:00") }),
      });
      expect(n.route).toMatchObject({ kind: "OFFERED", sendAt: night.now() });
    });
  });
});
