// Issue 16 (5 and 8) and issue 17 (7): the delivery photo is written only after the order proved to be the caller's and awaiting
// delivery, under a server-chosen name, removed again when the transaction fails, within an hourly allowance; and
// the delivered time must be possible (not before acceptance, not in the future, early only with a reason).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { testDb } from "@/tests/support/integration-setup";
import { createCity, orderInput } from "@/tests/factories/routing";
import { fixedClock } from "@/lib/clock";
import { submitOrder } from "@/lib/data/orders/submit-order";
import { acceptOffer } from "@/lib/data/offers/accept-offer";
import { confirmDelivery } from "@/lib/data/fulfilment/confirm-delivery";
import { PHOTOS_PER_HOUR } from "@/lib/data/fulfilment/settle-order";
import { reportFailure } from "@/lib/data/fulfilment/report-failure";
import { clarifySanction } from "@/lib/data/sanctions/clarify-sanction";
import { decideSanction } from "@/lib/data/sanctions/decide-sanction";
import { getSanctionQueue } from "@/lib/data/admin/sanction-queue";
import type { CheckedPhoto } from "@/lib/storage/photos";
import { getDeliveryPhoto } from "@/lib/data/documents/get-delivery-photo";
import { isAppError } from "@/lib/errors";
import { readable } from "@/tests/support/in-words";

const PNG: CheckedPhoto = {
  bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
  ext: "png",
};
let dir = "";
const files = () =>
  existsSync(dir) ? readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith(".png")) : [];

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "mm-uploads-"));
  process.env.UPLOAD_DIR = dir;
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  delete process.env.UPLOAD_DIR;
});

async function refusal(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  return isAppError(e) ? { code: e.code, fields: Object.keys((e.details?.issues as object) ?? {}) } : e;
}

async function acceptedOrder(deliveryAt: string) {
  const db = testDb();
  const city = await createCity(db, { opds: 2, vendors: 1, pools: [[0], [0]], capacity: 10_000 });
  const clock = fixedClock("2026-06-01T02:00:00Z");
  const staff = (i: number) => ({ id: city.opds[i]!.staffId, role: "OPD_STAFF" as const, opdId: city.opds[i]!.id });
  const r = await submitOrder(db, { clock, actor: staff(0), input: orderInput({ deliveryAt: new Date(deliveryAt) }) });
  if (r.route?.kind !== "OFFERED") throw new Error("not offered");
  const v = city.vendors[0]!;
  await acceptOffer(db, {
    clock: fixedClock("2026-06-01T03:00:00Z"),
    actor: { id: v.userId, role: "VENDOR", vendorId: v.id },
    offerId: r.route.offerId,
  });
  return { db, city, staff, orderId: r.orderId };
}

describe("confirming a delivery", () => {
  it("writes no file for another OPD's order or a made-up id, and none when the transaction fails", async () => {
    const { db, city, staff, orderId } = await acceptedOrder("2026-06-10T03:00:00Z");
    const after = fixedClock("2026-06-10T04:00:00Z");
    const input = { deliveredAt: new Date("2026-06-10T03:00:00Z"), quantityReceived: 50, rating: 5 };
    expect(
      await refusal(confirmDelivery(db, { clock: after, actor: staff(1), orderId, input, photo: PNG })),
    ).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(
      await refusal(
        confirmDelivery(db, {
          clock: after,
          actor: staff(1),
          orderId: "0b6f5a5e-1f0e-4c55-9a57-3d3f0f3a9c11",
          input,
          photo: PNG,
        }),
      ),
    ).toMatchObject({ code: "NOT_FOUND" });
    expect(files()).toEqual([]);

    // The transaction fails after the photo was written (the audit row is refused): the file goes with it.
    await db.$executeRawUnsafe(`
      CREATE FUNCTION test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused for the test'; END; $$`);
    await db.$executeRawUnsafe(`
      CREATE TRIGGER test_refuse_audit BEFORE INSERT ON "AuditLog" FOR EACH ROW
      WHEN (NEW."entityId" = '${orderId}' AND NEW.action = 'order.delivered') EXECUTE FUNCTION test_refuse_audit()`);
    try {
      await expect(confirmDelivery(db, { clock: after, actor: staff(0), orderId, input, photo: PNG })).rejects.toThrow(
        /refused for the test/,
      );
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER test_refuse_audit ON "AuditLog"`);
      await db.$executeRawUnsafe(`DROP FUNCTION test_refuse_audit()`);
    }
    expect(files()).toEqual([]);
    expect(await db.fulfilment.count({ where: { orderId } })).toBe(0);

    // Its own OPD, the order awaiting delivery: stored once, under a name the server chose.
    expect(await confirmDelivery(db, { clock: after, actor: staff(0), orderId, input, photo: PNG })).toMatchObject({
      outcome: "DELIVERED",
    });
    const f = await db.fulfilment.findFirstOrThrow({ where: { orderId } });
    expect(f.photoPath).toMatch(new RegExp(`^photos/${orderId}/[0-9a-f-]{36}\\.png$`));
    expect(files()).toHaveLength(1);

    // Served to whoever may see the order's papers (the same rule as its letters), to nobody else.
    const viewer = (
      role: "OPD_STAFF" | "VENDOR" | "ADMIN" | "MAYOR",
      opdId: string | null,
      vendorId: string | null,
    ) => ({
      role,
      opdId,
      vendorId,
    });
    const own = await getDeliveryPhoto(db, { actor: viewer("OPD_STAFF", city.opds[0]!.id, null), orderId });
    expect(own?.mime).toBe("image/png");
    expect(await getDeliveryPhoto(db, { actor: viewer("VENDOR", null, city.vendors[0]!.id), orderId })).not.toBeNull();
    expect(await getDeliveryPhoto(db, { actor: viewer("ADMIN", null, null), orderId })).not.toBeNull();
    expect(await getDeliveryPhoto(db, { actor: viewer("OPD_STAFF", city.opds[1]!.id, null), orderId })).toBeNull();
    expect(await getDeliveryPhoto(db, { actor: viewer("MAYOR", null, null), orderId })).toBeNull();
    expect(await getDeliveryPhoto(db, { actor: viewer("OPD_STAFF", null, null), orderId })).toBeNull();
  });

  it(`refuses a photo past ${PHOTOS_PER_HOUR} an hour for one account, storing nothing`, async () => {
    const db = testDb();
    const city = await createCity(db, { opds: 1, vendors: 1, pools: [[0]], capacity: 100_000 });
    const staff = { id: city.opds[0]!.staffId, role: "OPD_STAFF" as const, opdId: city.opds[0]!.id };
    const v = city.vendors[0]!;
    const vendor = { id: v.userId, role: "VENDOR" as const, vendorId: v.id };
    const ids: string[] = [];
    for (let i = 0; i <= PHOTOS_PER_HOUR; i++) {
      const r = await submitOrder(db, {
        clock: fixedClock("2026-06-01T02:00:00Z"),
        actor: staff,
        input: orderInput({ pax: 10, deliveryAt: new Date("2026-06-13T03:00:00Z") }),
      });
      if (r.route?.kind !== "OFFERED") throw new Error("not offered");
      await acceptOffer(db, { clock: fixedClock("2026-06-01T03:00:00Z"), actor: vendor, offerId: r.route.offerId });
      ids.push(r.orderId);
    }
    const input = { deliveredAt: new Date("2026-06-13T03:00:00Z"), quantityReceived: 10 };
    const before = files().length;
    for (const [i, id] of ids.slice(0, PHOTOS_PER_HOUR).entries())
      await confirmDelivery(db, {
        clock: fixedClock(`2026-06-13T04:${String(i).padStart(2, "0")}:00Z`),
        actor: staff,
        orderId: id,
        input,
        photo: PNG,
      });
    expect(files()).toHaveLength(before + PHOTOS_PER_HOUR);
    const last = ids.at(-1)!;
    expect(
      await refusal(
        confirmDelivery(db, {
          clock: fixedClock("2026-06-13T04:45:00Z"),
          actor: staff,
          orderId: last,
          input,
          photo: PNG,
        }),
      ),
    ).toEqual({
      code: "VALIDATION",
      fields: ["photo"],
    });
    expect(files()).toHaveLength(before + PHOTOS_PER_HOUR);
    // An hour on, the allowance is back.
    expect(
      await confirmDelivery(db, {
        clock: fixedClock("2026-06-13T05:45:00Z"),
        actor: staff,
        orderId: last,
        input,
        photo: PNG,
      }),
    ).toMatchObject({
      outcome: "DELIVERED",
    });
  });

  it("takes only a possible delivery time: not before acceptance, not in the future, early only with a reason", async () => {
    const { db, staff, orderId } = await acceptedOrder("2026-06-12T03:00:00Z");
    const after = fixedClock("2026-06-12T05:00:00Z");
    const at = (iso: string, over: Record<string, unknown> = {}) =>
      refusal(
        confirmDelivery(db, {
          clock: after,
          actor: staff(0),
          orderId,
          input: { deliveredAt: new Date(iso), quantityReceived: 50, ...over },
        }),
      );
    expect(await at("2020-06-12T03:00:00Z")).toEqual({ code: "VALIDATION", fields: ["deliveredAt"] });
    expect(await at("2026-05-31T03:00:00Z")).toEqual({ code: "VALIDATION", fields: ["deliveredAt"] }); // before accepted
    expect(await at("2026-06-12T06:00:00Z")).toEqual({ code: "VALIDATION", fields: ["deliveredAt"] }); // future
    // Four days early, without a reason: refused; with one: recorded with it.
    expect(await at("2026-06-08T03:00:00Z")).toEqual({ code: "VALIDATION", fields: ["earlyReason"] });
    expect(await at("2026-06-08T03:00:00Z", { earlyReason: "Rapat dimajukan oleh Kepala Dinas" })).toBeNull();
    const f = await db.fulfilment.findFirstOrThrow({ where: { orderId } });
    expect(f.evidence).toContain("Rapat dimajukan");
  });
});

describe("placing an order", () => {
  it("asks to confirm an unusually large order, then takes it", async () => {
    const db = testDb();
    const city = await createCity(db, { opds: 1, vendors: 1, pools: [[0]], capacity: 10_000 });
    const staff = { id: city.opds[0]!.staffId, role: "OPD_STAFF" as const, opdId: city.opds[0]!.id };
    const clock = fixedClock("2026-06-01T02:00:00Z");
    // The OPD's usual order: 50 portions at Rp 40.000 = Rp 2 juta.
    for (let i = 0; i < 5; i++)
      await submitOrder(db, {
        clock,
        actor: staff,
        input: orderInput({ deliveryAt: new Date(`2026-06-0${i + 3}T03:00:00Z`) }),
      });
    const big = orderInput({ pax: 2000, deliveryAt: new Date("2026-06-09T03:00:00Z") });
    const e = await submitOrder(db, { clock, actor: staff, input: big }).catch((x: unknown) => x);
    expect(readable(e)).toMatchObject({
      code: "VALIDATION",
      details: {
        issues: { confirmLarge: [expect.stringMatching(/Rp\s?80\.000\.000.*40 kali pesanan OPD ini biasanya/)] },
      },
    });
    expect(await db.order.count({ where: { opdId: staff.opdId } })).toBe(5);
    const ok = await submitOrder(db, { clock, actor: staff, input: { ...big, confirmLarge: "on" } });
    expect(ok.route?.kind).toBe("OFFERED");
  });

  it("refuses too short a notice with the earliest time a vendor can still be asked, instead of escalating", async () => {
    const db = testDb();
    const city = await createCity(db, { opds: 1, vendors: 1, pools: [[0]] });
    const staff = { id: city.opds[0]!.staffId, role: "OPD_STAFF" as const, opdId: city.opds[0]!.id };
    const now = fixedClock("2026-06-01T02:07:00Z");
    const e = await submitOrder(db, {
      clock: now,
      actor: staff,
      input: orderInput({ deliveryAt: new Date("2026-06-01T03:30:00Z") }),
    }).catch((x: unknown) => x);
    // Lead time 120 minutes + 15 to answer, rounded up to the quarter hour: 04:30 UTC = 11:30 WIB.
    expect(readable(e)).toMatchObject({
      code: "VALIDATION",
      details: { issues: { deliveryAt: [expect.stringContaining("11.30")] }, earliest: "2026-06-01T04:30:00.000Z" },
    });
    expect(await db.order.count({ where: { opdId: staff.opdId } })).toBe(0);
    const ok = await submitOrder(db, {
      clock: now,
      actor: staff,
      input: orderInput({ deliveryAt: new Date("2026-06-01T04:30:00Z") }),
    });
    expect(ok.route?.kind).toBe("OFFERED");
  });

  it("refuses a delivery more than a year ahead (a mistyped year), with its own message", async () => {
    const db = testDb();
    const city = await createCity(db, { opds: 1, vendors: 1, pools: [[0]] });
    const staff = { id: city.opds[0]!.staffId, role: "OPD_STAFF" as const, opdId: city.opds[0]!.id };
    const r = await refusal(
      submitOrder(db, {
        clock: fixedClock("2026-06-01T02:00:00Z"),
        actor: staff,
        input: orderInput({ deliveryAt: new Date("2027-07-02T03:00:00Z") }),
      }),
    );
    expect(r).toEqual({ code: "VALIDATION", fields: ["deliveryAt"] });
  });
});

describe("reporting a failure fairly", () => {
  it("waits for the delivery time (plus grace) except a vendor's cancellation; the vendor answers in words before the decision", async () => {
    const { db, city, staff, orderId } = await acceptedOrder("2026-06-14T03:00:00Z");
    const report = (iso: string, type: string) =>
      reportFailure(db, {
        clock: fixedClock(iso),
        actor: staff(0),
        orderId,
        input: { type, evidence: "Pesanan tidak datang sama sekali." },
      });
    // Before the delivery time, and within the 30 minutes' grace: refused, naming when it opens.
    expect(await refusal(report("2026-06-13T03:00:00Z", "NOT_DELIVERED"))).toEqual({
      code: "VALIDATION",
      fields: ["type"],
    });
    expect(await refusal(report("2026-06-14T03:29:00Z", "SHORT_QUANTITY"))).toEqual({
      code: "VALIDATION",
      fields: ["type"],
    });
    // After it: taken; the sanction's cause is in words, never a code.
    const r = await report("2026-06-14T03:30:00Z", "NOT_DELIVERED");
    expect(r.outcome).toBe("FAILED");
    const sanction = await db.sanction.findFirstOrThrow({ where: { orderId } });
    expect(sanction.cause).toContain("Tidak dikirim");
    expect(sanction.cause).not.toContain("NOT_DELIVERED");

    // The vendor tells its side before the admin decides; another vendor cannot; after the decision it is closed.
    const v = city.vendors[0]!;
    const vendor = { id: v.userId, role: "VENDOR" as const, vendorId: v.id };
    const clock = fixedClock("2026-06-14T05:00:00Z");
    const admin = await db.user.create({
      data: { username: `admin-klar-${Date.now()}`, name: "Admin", role: "ADMIN", passwordHash: "x" },
    });
    expect(
      await refusal(
        clarifySanction(db, { clock, actor: vendor, sanctionId: sanction.id, input: { clarification: "pendek" } }),
      ),
    ).toEqual({
      code: "VALIDATION",
      fields: ["clarification"],
    });
    await clarifySanction(db, {
      clock,
      actor: vendor,
      sanctionId: sanction.id,
      input: {
        clarification: "Kurir kami datang 03.10 tetapi gerbang ditutup; foto dan pesan WhatsApp ada.",
      },
    });
    const other = await createCity(db, { opds: 1, vendors: 1, pools: [[0]] });
    const stranger = { id: other.vendors[0]!.userId, role: "VENDOR" as const, vendorId: other.vendors[0]!.id };
    expect(
      await refusal(
        clarifySanction(db, {
          clock,
          actor: stranger,
          sanctionId: sanction.id,
          input: { clarification: "Bukan urusan saya sama sekali." },
        }),
      ),
    ).toEqual({ code: "NOT_FOUND", fields: [] });
    const queue = await getSanctionQueue(db, { clock, actor: { id: admin.id, role: "ADMIN" } });
    expect(queue.proposals.find((p) => p.id === sanction.id)?.clarification?.text).toContain("gerbang ditutup");
    expect(await db.notification.count({ where: { kind: "sanction.clarified" } })).toBeGreaterThan(0);
    await decideSanction(db, {
      clock,
      actor: { id: admin.id, role: "ADMIN" },
      sanctionId: sanction.id,
      input: {
        decision: "DISMISS",
        reason: "Bukti UMKM diterima",
      },
    });
    expect(
      await refusal(
        clarifySanction(db, {
          clock,
          actor: vendor,
          sanctionId: sanction.id,
          input: { clarification: "Tambahan setelah diputuskan." },
        }),
      ),
    ).toMatchObject({ code: "INVALID_STATE" });
  });
});
