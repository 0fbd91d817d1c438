// The one-tap link end to end: routing writes it into the vendor's offer notification (and the WhatsApp nudge), it
// opens that offer without signing in, answers it once as the vendor — audited as via link — and nothing else.
import { describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/integration-setup";
import { createCity, orderInput } from "@/tests/factories/routing";
import { fixedClock } from "@/lib/clock";
import { submitOrder } from "@/lib/data/orders/submit-order";
import { answerOfferByLink } from "@/lib/data/offers/answer-offer-by-link";
import { getOfferByLink } from "@/lib/data/offers/get-offer-by-link";
import { AppError } from "@/lib/errors";

const T0 = "2026-06-01T02:00:00Z";
const isCode = (code: string) => (e: unknown) => e instanceof AppError && e.code === code;

async function offered() {
  const db = testDb();
  const city = await createCity(db, { opds: 1, vendors: 2, pools: [[0, 1]] });
  const clock = fixedClock(T0);
  const staff = { id: city.opds[0]!.staffId, role: "OPD_STAFF" as const, opdId: city.opds[0]!.id };
  const r = await submitOrder(db, { clock, actor: staff, input: orderInput() });
  const route = r.route;
  if (route?.kind !== "OFFERED") throw new Error("not offered");
  const vendorUser = city.vendors.find((v) => v.id === route.vendorId)!.userId;
  const note = await db.notification.findFirstOrThrow({
    where: { userId: vendorUser, kind: "offer.new", channel: "IN_APP", body: { contains: "porsi" } },
    orderBy: { createdAt: "desc" },
  });
  const token = note.link!.replace(/^\/tawaran\//, "");
  return { db, city, clock, route, vendorUser, token, note };
}

describe("the one-tap offer link", () => {
  it("is in the offer's notification and nudge, opens the offer and accepts it in one step, audited", async () => {
    const { db, clock, route, vendorUser, token, note, city } = await offered();
    expect(note.link).toMatch(/^\/tawaran\/[0-9a-f-]{36}\.[0-9a-z]+\.[\w-]{43}$/);
    const nudge = await db.notification.findFirstOrThrow({
      where: { kind: "offer.whatsapp", userId: city.opds[0]!.staffId },
    });
    expect(decodeURIComponent(nudge.link!)).toContain(`/tawaran/${token}`);
    const view = await getOfferByLink(db, { clock, token });
    expect(view).toMatchObject({ offerId: route.offerId, status: "PENDING", open: true });
    await answerOfferByLink(db, { clock, token, answer: { accept: true }, meta: { userAgent: "Android Chrome" } });
    const offer = await db.offer.findUniqueOrThrow({ where: { id: route.offerId } });
    expect(offer.status).toBe("ACCEPTED");
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "offer.accepted", entityId: route.offerId } });
    expect(audit).toMatchObject({ actorId: vendorUser, after: expect.objectContaining({ via: "link" }) });
    // Used once: the page now says it was accepted; answering again changes nothing.
    expect(await getOfferByLink(db, { clock, token })).toMatchObject({ status: "ACCEPTED", open: false });
    await expect(
      answerOfferByLink(db, { clock, token, answer: { accept: false, reason: "Berubah pikiran" } }),
    ).rejects.toSatisfy(isCode("INVALID_STATE"));
  });

  it("declines with a quick reason and passes the order on; dead after the deadline; useless when edited", async () => {
    const { db, clock, route, token } = await offered();
    // An edited token (another offer id, or a changed signature) opens nothing and answers nothing.
    const [, exp, sig] = token.split(".") as [string, string, string];
    const forged = `00000000-0000-4000-8000-000000000000.${exp}.${sig}`;
    expect(await getOfferByLink(db, { clock, token: forged })).toBeNull();
    await expect(answerOfferByLink(db, { clock, token: forged, answer: { accept: true } })).rejects.toSatisfy(
      isCode("NOT_FOUND"),
    );
    await expect(
      answerOfferByLink(db, { clock, token: `${token.slice(0, -2)}xx`, answer: { accept: true } }),
    ).rejects.toSatisfy(isCode("NOT_FOUND"));
    const d = await answerOfferByLink(db, {
      clock,
      token,
      answer: { accept: false, reason: "Dapur penuh pada hari itu" },
    });
    expect(d).toMatchObject({ route: { kind: "OFFERED" } });
    expect((await db.offer.findUniqueOrThrow({ where: { id: route.offerId } })).reason).toBe(
      "Dapur penuh pada hari itu",
    );
    // The next vendor's link stops working at its deadline.
    const next = d as { route: { kind: "OFFERED"; offerId: string } };
    const nextNote = await db.notification.findFirstOrThrow({
      where: { kind: "offer.new", link: { contains: next.route.offerId } },
    });
    const later = fixedClock(new Date(clock.now().getTime() + 3 * 3_600_000));
    const nextToken = nextNote.link!.replace(/^\/tawaran\//, "");
    expect(await getOfferByLink(db, { clock: later, token: nextToken })).toMatchObject({ open: false });
    await expect(answerOfferByLink(db, { clock: later, token: nextToken, answer: { accept: true } })).rejects.toSatisfy(
      isCode("OFFER_EXPIRED"),
    );
  });
});
