import { describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/integration-setup";
import { createCity, orderInput, withSettings } from "@/tests/factories/routing";
import { createVendor } from "@/tests/factories";
import { fixedClock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { submitOrder } from "@/lib/data/orders/submit-order";
import { acceptOffer } from "@/lib/data/offers/accept-offer";
import { declineOffer } from "@/lib/data/offers/decline-offer";
import { reportFailure } from "@/lib/data/fulfilment/report-failure";
import { decideSanction } from "@/lib/data/sanctions/decide-sanction";
import { assignEscalatedOrder } from "@/lib/data/orders/assign-escalated-order";
import { getEscalationQueue } from "@/lib/data/admin/escalations";
import { getSanctionQueue } from "@/lib/data/admin/sanction-queue";
import { listAuditLog } from "@/lib/data/admin/audit-log";
import { dayAsDate, wibDay } from "@/lib/format";

const T0 = "2026-06-01T02:00:00Z";
const admin = { id: "00000000-0000-4000-8000-0000000000ad", role: "ADMIN" as const };

async function expectCode(p: Promise<unknown>, code: string) {
  await expect(p).rejects.toSatisfy((e) => e instanceof AppError && e.code === code);
}

describe("the escalation queue", () => {
  it("lists an escalated order with the city's eligible UMKM, least awarded first, and assigns by hand with the same rule", async () => {
    const db = testDb();
    // One OPD with a single vendor that declines: nobody left in the pool → escalated.
    const city = await createCity(db, { opds: 1, vendors: 1, pools: [[0]] });
    const clock = fixedClock(T0);
    const staff = { id: city.opds[0]!.staffId, role: "OPD_STAFF" as const, opdId: city.opds[0]!.id };
    const r = await submitOrder(db, { clock, actor: staff, input: orderInput() });
    const offerId = r.route?.kind === "OFFERED" ? r.route.offerId : "";
    const poolVendor = { id: city.vendors[0]!.userId, role: "VENDOR" as const, vendorId: city.vendors[0]!.id };
    const declined = await declineOffer(db, { clock, actor: poolVendor, offerId, reason: "Dapur penuh" });
    expect(declined.route.kind).toBe("ESCALATED");

    // Elsewhere in the city: one free vendor, one off that day, one without the category.
    const free = await createVendor(db, { capacity: 500 });
    const off = await createVendor(db, { capacity: 500 });
    await db.vendorUnavailableDay.create({ data: { vendorId: off.id, day: dayAsDate("2026-06-10") } });
    const drinksOnly = await createVendor(db, { categories: ["MINUMAN"] });

    const queue = await getEscalationQueue(db, { clock, actor: admin });
    const item = queue.find((q) => q.id === r.orderId)!;
    expect(item.minutesLeft).toBe(Math.floor((Date.parse("2026-06-10T03:00:00Z") - Date.parse(T0)) / 60_000));
    const ids = item.candidates.map((c) => c.vendorId);
    expect(ids).toContain(free.id);
    // The pool vendor declined, but by hand an admin may ask it again.
    expect(ids).toContain(poolVendor.vendorId);
    const reasonOf = (id: string) => item.excluded.find((x) => x.vendorId === id)?.reason;
    expect(reasonOf(off.id)).toBe("UNAVAILABLE_DAY");
    expect(reasonOf(drinksOnly.id)).toBe("CATEGORY_NOT_OFFERED");
    // Ranked as routing ranks: never a candidate with a larger weighted total before a smaller one.
    const totals = item.candidates.map((c) => c.weightedTotal);
    expect([...totals].sort((a, b) => a - b)).toEqual(totals);

    await expectCode(
      assignEscalatedOrder(db, {
        clock,
        actor: admin,
        orderId: r.orderId,
        vendorId: off.id,
        reason: "Ditelepon, bersedia",
      }),
      "NOT_ELIGIBLE",
    );
    await expectCode(
      assignEscalatedOrder(db, { clock, actor: admin, orderId: r.orderId, vendorId: free.id, reason: "x" }),
      "VALIDATION",
    );
    const assigned = await assignEscalatedOrder(db, {
      clock,
      actor: admin,
      orderId: r.orderId,
      vendorId: free.id,
      reason: "Ditelepon, bersedia",
    });
    expect(assigned.offerId).toBeTruthy();
    expect((await db.order.findUniqueOrThrow({ where: { id: r.orderId } })).status).toBe("OFFERED");
    expect((await getEscalationQueue(db, { clock, actor: admin })).find((q) => q.id === r.orderId)).toBeUndefined();
  });

  it("puts the most urgent first: the soonest delivery, whichever was escalated first", async () => {
    const db = testDb();
    const city = await createCity(db, { opds: 1, vendors: 1, pools: [[0]] });
    const staff = { id: city.opds[0]!.staffId, role: "OPD_STAFF" as const, opdId: city.opds[0]!.id };
    const vendor = { id: city.vendors[0]!.userId, role: "VENDOR" as const, vendorId: city.vendors[0]!.id };
    const escalate = async (at: string, deliveryAt: string) => {
      const clock = fixedClock(at);
      const r = await submitOrder(db, { clock, actor: staff, input: orderInput({ deliveryAt: new Date(deliveryAt) }) });
      if (r.route?.kind !== "OFFERED") throw new Error(`not offered: ${r.route?.kind}`);
      expect(
        (await declineOffer(db, { clock, actor: vendor, offerId: r.route.offerId, reason: "Dapur penuh" })).route.kind,
      ).toBe("ESCALATED");
      return r.orderId;
    };
    // Escalated first, delivered later; then one escalated later for an earlier delivery (the city reserve off, so
    // a decline escalates whatever other UMKM this file's tests made).
    const [later, sooner] = await withSettings(db, { cityReserve: false }, async () => [
      await escalate("2026-06-01T02:00:00Z", "2026-06-20T03:00:00Z"),
      await escalate("2026-06-01T03:00:00Z", "2026-06-12T03:00:00Z"),
    ]);
    const queue = (await getEscalationQueue(db, { clock: fixedClock("2026-06-01T04:00:00Z"), actor: admin })).map(
      (q) => q.id,
    );
    expect(queue.indexOf(sooner)).toBeLessThan(queue.indexOf(later));
    expect(queue.indexOf(sooner)).toBeGreaterThanOrEqual(0);
  });
});

describe("the sanction queue and the audit log", () => {
  it("shows a proposal with the OPD's evidence and the vendor's history, then the decision, in the audit trail", async () => {
    const db = testDb();
    const city = await createCity(db, { opds: 1, vendors: 2, pools: [[0, 1]] });
    const clock = fixedClock(T0);
    const staff = { id: city.opds[0]!.staffId, role: "OPD_STAFF" as const, opdId: city.opds[0]!.id };
    const r = await submitOrder(db, { clock, actor: staff, input: orderInput() });
    const route = r.route!;
    if (route.kind !== "OFFERED") throw new Error("expected an offer");
    const v = city.vendors.find((x) => x.id === route.vendorId)!;
    await acceptOffer(db, { clock, actor: { id: v.userId, role: "VENDOR", vendorId: v.id }, offerId: route.offerId });
    await reportFailure(db, {
      clock,
      actor: staff,
      orderId: r.orderId,
      input: {
        type: "VENDOR_CANCELLED",
        evidence: "UMKM membatalkan lewat WhatsApp sehari sebelumnya.",
      },
    });
    const queue = await getSanctionQueue(db, { clock, actor: admin });
    const p = queue.proposals.find((x) => x.vendor.id === v.id)!;
    expect(p.order?.id).toBe(r.orderId);
    expect(p.evidence).toMatchObject({
      type: "VENDOR_CANCELLED",
      text: "UMKM membatalkan lewat WhatsApp sehari sebelumnya.",
    });
    expect(p.history.failuresLastYear).toBe(1);

    await decideSanction(db, {
      clock,
      actor: admin,
      sanctionId: p.id,
      input: { decision: "CONFIRM", level: "SP1", reason: "Peringatan pertama" },
    });
    const after = await getSanctionQueue(db, { clock, actor: admin });
    expect(after.proposals.find((x) => x.id === p.id)).toBeUndefined();
    expect(after.decided.find((d) => d.id === p.id)).toMatchObject({
      status: "CONFIRMED",
      decisionReason: "Peringatan pertama",
    });

    const trail = await listAuditLog(db, { actor: admin, query: { entity: "Sanction", entityId: p.id } });
    expect(trail.rows.map((row) => row.action)).toEqual(["sanction.confirmed"]);
    expect(trail.rows[0]!.before).toMatchObject({ status: "PROPOSED" });
    // Audit rows carry the database's own time, not the simulated clock.
    const today = wibDay(new Date());
    const byAction = await listAuditLog(db, { actor: admin, query: { action: "order.", from: today, to: today } });
    expect(byAction.rows.every((row) => row.action.startsWith("order."))).toBe(true);
    expect(byAction.total).toBeGreaterThan(0);
    expect(byAction.entities).toContain("Order");
  });
});
