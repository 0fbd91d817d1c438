import { describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/integration-setup";
import { createCity, orderInput } from "@/tests/factories/routing";
import { fixedClock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { submitOrder } from "@/lib/data/orders/submit-order";
import { acceptOffer } from "@/lib/data/offers/accept-offer";
import { confirmDelivery } from "@/lib/data/fulfilment/confirm-delivery";
import { markDelivery } from "@/lib/data/vendor/delivery-marks";
import { listVendorDeliveries } from "@/lib/data/vendor/list-vendor-deliveries";
import { getVendorRecord } from "@/lib/data/vendor/get-vendor-record";
import { addUnavailableDay } from "@/lib/data/vendor/profile/add-unavailable-day";
import { getVendorProfile } from "@/lib/data/vendor/profile/get-vendor-profile";
import { removeUnavailableDay } from "@/lib/data/vendor/profile/remove-unavailable-day";
import { saveMenuItem } from "@/lib/data/vendor/profile/save-menu-item";
import { updateVendorContact } from "@/lib/data/vendor/profile/update-vendor-contact";
import { readable } from "@/tests/support/in-words";

/** The whole order received at 10:00 WIB on its day, rated 5. */
const ON_TIME = { deliveredAt: new Date("2026-06-10T03:00:00Z"), quantityReceived: 50, rating: 5 };

const T0 = "2026-06-01T02:00:00Z";
const DELIVERY = new Date("2026-06-10T03:00:00Z"); // 10:00 WIB

async function expectCode(p: Promise<unknown>, code: string) {
  await expect(p).rejects.toSatisfy((e) => e instanceof AppError && e.code === code);
}

/** One OPD, one vendor (so every order goes to it), one accepted order. */
async function acceptedOrder() {
  const db = testDb();
  const city = await createCity(db, { opds: 1, vendors: 1, pools: [[0]] });
  const clock = fixedClock(T0);
  const staff = { id: city.opds[0]!.staffId, role: "OPD_STAFF" as const, opdId: city.opds[0]!.id };
  const vendor = { id: city.vendors[0]!.userId, role: "VENDOR" as const, vendorId: city.vendors[0]!.id };
  const r = await submitOrder(db, { clock, actor: staff, input: orderInput({ deliveryAt: DELIVERY }) });
  const offerId = r.route?.kind === "OFFERED" ? r.route.offerId : "";
  await acceptOffer(db, { clock, actor: vendor, offerId });
  return { db, city, clock, staff, vendor, orderId: r.orderId, offerId };
}

describe("the vendor's deliveries", () => {
  it("lists accepted orders as upcoming, then today; marks on the way and handed over once, telling the OPD", async () => {
    const { db, clock, vendor, offerId, staff } = await acceptedOrder();
    let list = await listVendorDeliveries(db, { clock, actor: vendor });
    expect(list.upcoming.map((d) => d.offerId)).toEqual([offerId]);
    expect(list.today).toEqual([]);
    // Too early: days before the delivery.
    await expectCode(markDelivery(db, { clock, actor: vendor, offerId, mark: "ON_THE_WAY" }), "TOO_EARLY");
    clock.set("2026-06-10T01:30:00Z"); // 08:30 WIB on the day
    list = await listVendorDeliveries(db, { clock, actor: vendor });
    expect(list.today.map((d) => d.offerId)).toEqual([offerId]);
    expect(await markDelivery(db, { clock, actor: vendor, offerId, mark: "ON_THE_WAY" })).toEqual({ changed: true });
    expect(await markDelivery(db, { clock, actor: vendor, offerId, mark: "ON_THE_WAY" })).toEqual({ changed: false });
    clock.set("2026-06-10T02:55:00Z");
    expect(await markDelivery(db, { clock, actor: vendor, offerId, mark: "HANDED_OVER" })).toEqual({ changed: true });
    const offer = await db.offer.findUniqueOrThrow({ where: { id: offerId } });
    expect(offer.onTheWayAt?.toISOString()).toBe("2026-06-10T01:30:00.000Z");
    expect(offer.handedOverAt?.toISOString()).toBe("2026-06-10T02:55:00.000Z");
    expect(await db.auditLog.count({ where: { entityId: offerId, action: { startsWith: "delivery." } } })).toBe(2);
    const notes = await db.notification.findMany({ where: { userId: staff.id, kind: { startsWith: "delivery." } } });
    expect(notes.map((n) => n.kind).sort()).toEqual(["delivery.handed_over", "delivery.on_the_way"]);
  });

  it("refuses another vendor's offer and an order that is no longer accepted", async () => {
    const { db, clock, vendor, offerId, staff, orderId, city } = await acceptedOrder();
    const other = {
      id: city.opds[0]!.staffId,
      role: "VENDOR" as const,
      vendorId: "00000000-0000-4000-8000-000000000000",
    };
    clock.set("2026-06-10T02:00:00Z");
    await expectCode(markDelivery(db, { clock, actor: other, offerId, mark: "ON_THE_WAY" }), "NOT_FOUND");
    clock.set("2026-06-10T04:00:00Z");
    await confirmDelivery(db, {
      clock,
      actor: staff,
      orderId,
      input: ON_TIME,
    });
    await expectCode(markDelivery(db, { clock, actor: vendor, offerId, mark: "HANDED_OVER" }), "INVALID_STATE");
  });
});

describe("the vendor's record", () => {
  it("counts delivered value, on-time rate and the place in the spread", async () => {
    const { db, clock, vendor, staff, orderId } = await acceptedOrder();
    clock.set("2026-06-10T04:00:00Z");
    await confirmDelivery(db, {
      clock,
      actor: staff,
      orderId,
      input: ON_TIME,
    });
    const r = await getVendorRecord(db, { clock, actor: vendor });
    expect(r.fiscalYear).toBe(2026);
    expect(r.deliveredOrders).toBe(1);
    expect(r.deliveredValue).toBe(2_000_000);
    expect(r.onTimeRate).toBe(1);
    expect(r.settled).toBe(1);
    expect(r.spread.value).toBe(2_000_000);
    expect(r.spread.rank).toBeGreaterThanOrEqual(1);
    expect(r.spread.rank).toBeLessThanOrEqual(r.spread.of);
    expect(r.sanctions).toEqual([]);
  });
});

describe("the vendor's profile", () => {
  it("updates contact and capacity with a version check, menu items and days off, each audited", async () => {
    const { db, clock, vendor } = await acceptedOrder();
    const before = await getVendorProfile(db, { clock, actor: vendor });
    // The vendor's own profile only: anyone else is refused.
    await expectCode(getVendorProfile(db, { clock, actor: { role: "OPD_STAFF" } }), "FORBIDDEN");
    await updateVendorContact(db, {
      clock,
      actor: vendor,
      input: {
        whatsapp: "+62 812-3456-7890",
        dailyCapacityPax: "150",
        version: String(before.version),
      },
    });
    // The same (now stale) form again: a conflict, nothing changes.
    await expectCode(
      updateVendorContact(db, {
        clock,
        actor: vendor,
        input: {
          whatsapp: "0811111111",
          dailyCapacityPax: "10",
          version: String(before.version),
        },
      }),
      "CONFLICT",
    );
    await expectCode(
      updateVendorContact(db, { clock, actor: vendor, input: { whatsapp: "12", dailyCapacityPax: "0", version: "9" } }),
      "VALIDATION",
    );
    const after = await getVendorProfile(db, { clock, actor: vendor });
    // Stored in one form, whatever way it was typed (the wa.me link and the SQL nudge read it the same way).
    expect(after.whatsapp).toBe("081234567890");
    expect(after.dailyCapacityPax).toBe(150);

    const { id } = await saveMenuItem(db, {
      clock,
      actor: vendor,
      input: {
        category: "MINUMAN",
        name: "Es teh manis",
        pricePerPax: "5000",
        active: true,
      },
    });
    await saveMenuItem(db, {
      clock,
      actor: vendor,
      input: {
        id,
        category: "MINUMAN",
        name: "Es teh tawar",
        pricePerPax: "4000",
        active: false,
      },
    });
    await expectCode(
      saveMenuItem(db, {
        clock,
        actor: vendor,
        input: { category: "MINUMAN", name: "x", pricePerPax: "1", active: true },
      }),
      "VALIDATION",
    );
    // A price far above this year's ceiling for its category could never be ordered: refused, naming the ceiling.
    const over = await saveMenuItem(db, {
      clock,
      actor: vendor,
      input: {
        category: "MAKAN",
        name: "Nasi kotak istimewa",
        pricePerPax: "490.000",
        active: true,
      },
    }).catch((e: unknown) => e);
    expect(readable(over)).toMatchObject({
      code: "VALIDATION",
      details: { issues: { pricePerPax: [expect.stringMatching(/Rp\s?49\.000/)] } },
    });
    // An unknown field is refused (strict schema): the client cannot set anything else.
    await expectCode(
      saveMenuItem(db, {
        clock,
        actor: vendor,
        input: {
          category: "MAKAN",
          name: "Nasi",
          pricePerPax: "20000",
          active: true,
          vendorId: "x",
        },
      }),
      "VALIDATION",
    );
    const menu = (await getVendorProfile(db, { clock, actor: vendor })).menu.find((m) => m.id === id)!;
    expect(menu).toMatchObject({ name: "Es teh tawar", pricePerPax: 4000, active: false });

    await addUnavailableDay(db, { clock, actor: vendor, input: { day: "2026-06-20", reason: "Hajatan keluarga" } });
    await addUnavailableDay(db, { clock, actor: vendor, input: { day: "2026-06-20" } }); // twice: still one
    await expectCode(addUnavailableDay(db, { clock, actor: vendor, input: { day: "2026-05-01" } }), "VALIDATION");
    expect((await getVendorProfile(db, { clock, actor: vendor })).unavailableDays).toEqual([
      { day: "2026-06-20", reason: "Hajatan keluarga" },
    ]);
    await removeUnavailableDay(db, { actor: vendor, input: { day: "2026-06-20" } });
    await expectCode(removeUnavailableDay(db, { actor: vendor, input: { day: "2026-06-20" } }), "NOT_FOUND");
    const actions = (
      await db.auditLog.findMany({
        where: { actorId: vendor.id, action: { startsWith: "vendor." } },
        select: { action: true },
      })
    ).map((a) => a.action);
    expect(actions.sort()).toEqual([
      "vendor.contact_updated",
      "vendor.menu_added",
      "vendor.menu_updated",
      "vendor.unavailable_added",
      "vendor.unavailable_removed",
    ]);
  });
});
