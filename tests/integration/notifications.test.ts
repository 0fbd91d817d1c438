import { afterEach, describe, expect, it, vi } from "vitest";
import { testDb } from "@/tests/support/integration-setup";
import { createCity, orderInput } from "@/tests/factories/routing";
import { fixedClock } from "@/lib/clock";
import { submitOrder } from "@/lib/data/orders/submit-order";
import { setEmailOutbox } from "@/lib/data/notifications/notify";
import { rememberLocale } from "@/lib/data/user/remember-locale";
import { dispatchOutbox, MAX_ATTEMPTS, type Mail, type Mailer } from "@/lib/data/notifications/dispatch-outbox";
import { listNotifications } from "@/lib/data/notifications/list-notifications";
import { markAllRead } from "@/lib/data/notifications/mark-all-read";
import type { SessionClaims } from "@/lib/auth/session";

// The header's count comes with the signed-in user (lib/auth/guards.ts): the session is the one the test chooses.
let session: SessionClaims | null = null;
vi.mock("@/lib/auth/session", () => ({ readSession: async () => session }));
const { getCurrentUser } = await import("@/lib/auth/guards");

const T0 = "2026-06-01T02:00:00Z";

afterEach(() => setEmailOutbox(false));

/** A mailer that fails the first `failures` sends, then records what it sends. */
function fakeMailer(failures = 0): Mailer & { sent: Mail[] } {
  let left = failures;
  const sent: Mail[] = [];
  return {
    sent,
    async send(mail) {
      if (left > 0) {
        left -= 1;
        throw new Error("421 service not available");
      }
      sent.push(mail);
    },
  };
}

async function cityWithOffer(opts: { email: boolean; whatsapp?: string }) {
  const db = testDb();
  const city = await createCity(db, { opds: 1, vendors: 1, pools: [[0]] });
  if (opts.whatsapp !== undefined)
    await db.vendor.update({ where: { id: city.vendors[0]!.id }, data: { whatsapp: opts.whatsapp } });
  await db.user.update({ where: { id: city.vendors[0]!.userId }, data: { email: "umkm@example.test" } });
  setEmailOutbox(opts.email);
  const clock = fixedClock(T0);
  const staff = { id: city.opds[0]!.staffId, role: "OPD_STAFF" as const, opdId: city.opds[0]!.id };
  await submitOrder(db, { clock, actor: staff, input: orderInput() });
  return { db, city, clock, staff, vendorUserId: city.vendors[0]!.userId };
}

describe("the notification outbox", () => {
  it("writes an in-app note for the vendor and a WhatsApp click-to-chat link for the OPD's staff with each offer", async () => {
    const { db, clock, staff, vendorUserId } = await cityWithOffer({ email: false, whatsapp: "0812-3456-7890" });
    const inApp = await db.notification.findMany({ where: { userId: vendorUserId, channel: "IN_APP" } });
    expect(inApp.map((n) => n.kind)).toEqual(["offer.new"]);
    expect(await db.notification.count({ where: { channel: "EMAIL" } })).toBe(0); // no SMTP, no e-mail rows
    const wa = await db.notification.findFirstOrThrow({ where: { userId: staff.id, channel: "WHATSAPP" } });
    expect(wa.status).toBe("PENDING");
    expect(wa.link).toMatch(/^https:\/\/wa\.me\/6281234567890\?text=Halo%20/);
    // Pending links are not shown until the dispatcher has checked them.
    expect((await listNotifications(db, { actor: staff })).items.filter((n) => n.channel === "WHATSAPP")).toEqual([]);
    expect(await dispatchOutbox(db, clock, { mailer: null })).toEqual({ sent: 1, retrying: 0, failed: 0 });
    const shown = (await listNotifications(db, { actor: staff })).items.filter((n) => n.channel === "WHATSAPP");
    expect(shown.map((n) => n.link)).toEqual([wa.link]);
  });

  it("fails a WhatsApp link to an unusable number at once, keeping the reason", async () => {
    const { db, clock, staff } = await cityWithOffer({ email: false, whatsapp: "123" });
    expect(await dispatchOutbox(db, clock, { mailer: null })).toEqual({ sent: 0, retrying: 0, failed: 1 });
    const wa = await db.notification.findFirstOrThrow({ where: { userId: staff.id, channel: "WHATSAPP" } });
    expect(wa).toMatchObject({ status: "FAILED", lastError: "Nomor WhatsApp UMKM tidak valid" });
  });

  it("records a batch of WhatsApp links together, each row with its own outcome", async () => {
    const { db, clock, staff } = await cityWithOffer({ email: false, whatsapp: "0812-3456-7890" });
    const link = (n: string) => ({
      userId: staff.id,
      channel: "WHATSAPP" as const,
      kind: "offer.whatsapp",
      title: "Tawaran",
      body: "Tawaran",
      link: n,
      nextAttemptAt: clock.now(),
    });
    await db.notification.createMany({
      data: [link("https://wa.me/6281111111111?text=Halo"), link("https://wa.me/12?text=x"), link("")],
    });
    clock.advance(1_000);
    expect(await dispatchOutbox(db, clock, { mailer: null })).toEqual({ sent: 2, retrying: 0, failed: 2 });
    const rows = await db.notification.findMany({ where: { userId: staff.id, channel: "WHATSAPP" } });
    const sent = rows.filter((r) => r.status === "SENT");
    expect(sent.map((r) => r.link).sort()).toEqual([
      "https://wa.me/6281111111111?text=Halo",
      expect.stringMatching(/^https:\/\/wa\.me\/6281234567890\?text=/),
    ]);
    for (const r of sent) expect(r).toMatchObject({ sentAt: clock.now(), lastError: null, attempts: 1 });
    const failed = rows.filter((r) => r.status === "FAILED");
    expect(failed).toHaveLength(2);
    for (const r of failed)
      expect(r).toMatchObject({ lastError: "Nomor WhatsApp UMKM tidak valid", nextAttemptAt: null, sentAt: null });
    expect(await dispatchOutbox(db, clock, { mailer: null })).toEqual({ sent: 0, retrying: 0, failed: 0 });
  });

  it("sends e-mail when SMTP is configured, retrying with back-off after a failure", async () => {
    const { db, clock, vendorUserId } = await cityWithOffer({ email: true });
    const mailer = fakeMailer(1);
    const opts = { mailer, appUrl: "https://mamin.example" };
    const first = await dispatchOutbox(db, clock, opts);
    expect(first).toMatchObject({ retrying: 1 });
    const row = await db.notification.findFirstOrThrow({ where: { userId: vendorUserId, channel: "EMAIL" } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 1, lastError: "421 service not available" });
    // Not due yet: nothing happens until the back-off has passed.
    expect((await dispatchOutbox(db, clock, opts)).sent).toBe(0);
    clock.advance(2 * 60_000);
    expect((await dispatchOutbox(db, clock, opts)).sent).toBe(1);
    expect(mailer.sent).toEqual([
      expect.objectContaining({
        to: "umkm@example.test",
        subject: expect.stringContaining("Tawaran baru"),
        text: expect.stringMatching(/\n\nhttps:\/\/mamin\.example\/tawaran\/[0-9a-f-]{36}\./),
      }),
    ]);
    expect(await db.notification.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "SENT",
      lastError: null,
    });
  });

  it("reads each notification in the reader's language, and e-mails it in the recipient's", async () => {
    const { db, clock, vendorUserId } = await cityWithOffer({ email: true });
    const inApp = (locale: "id" | "en") =>
      listNotifications(db, { actor: { id: vendorUserId, role: "VENDOR" }, page: 1, locale }).then((l) =>
        l.items.find((n) => n.kind === "offer.new")!,
      );
    // Stored once, as a template and parameters (with its Indonesian text); each reader sees their own language.
    const stored = await db.notification.findFirstOrThrow({ where: { userId: vendorUserId, channel: "IN_APP" } });
    expect(stored).toMatchObject({ template: "offerNew", title: expect.stringMatching(/^Tawaran baru /) });
    const id = await inApp("id");
    const en = await inApp("en");
    expect(id.title).toMatch(/^Tawaran baru MM-/);
    expect(id.body).toMatch(/porsi, .*Jawab sebelum \d+ \w+ \d{4}/);
    expect(en.title).toMatch(/^New offer MM-/);
    expect(en.body).toMatch(/^\d+ portions, .*Answer by /);
    expect(en.body).not.toMatch(/porsi|Jawab/);
    // The vendor chose English (the language switch remembers it on the account): the e-mail goes out in English.
    await rememberLocale(db, vendorUserId, "en");
    const mailer = fakeMailer();
    await dispatchOutbox(db, clock, { mailer, appUrl: "https://mamin.example" });
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]).toMatchObject({ subject: expect.stringMatching(/^\[Mamin Merata\] New offer MM-/) });
    expect(mailer.sent[0]!.text).toMatch(/portions, .*Answer by /);
  });

  it("gives up after the last attempt and never sends a row twice, even with two dispatchers at once", async () => {
    const { db, clock, vendorUserId } = await cityWithOffer({ email: true });
    const mine = { userId: vendorUserId, channel: "EMAIL" as const };
    const broken = fakeMailer(100);
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await dispatchOutbox(db, clock, { mailer: broken });
      clock.advance(2 * 3600_000);
    }
    const failed = await db.notification.findFirstOrThrow({ where: mine });
    expect(failed).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS });

    await db.notification.updateMany({
      where: mine,
      data: { status: "PENDING", attempts: 0, nextAttemptAt: clock.now() },
    });
    const a = fakeMailer();
    const b = fakeMailer();
    await Promise.all([dispatchOutbox(db, clock, { mailer: a }), dispatchOutbox(db, clock, { mailer: b })]);
    expect(a.sent.length + b.sent.length).toBe(1);
    expect(await db.notification.findFirstOrThrow({ where: mine })).toMatchObject({ status: "SENT" });
  });
});

describe("the notification list", () => {
  it("counts unread items and marks them all read with one audit row", async () => {
    const { db, clock, vendorUserId } = await cityWithOffer({ email: false });
    expect((await listNotifications(db, { actor: { id: vendorUserId, role: "VENDOR" } })).unread).toBe(1);
    const actor = { id: vendorUserId, role: "VENDOR" as const };
    expect(await markAllRead(db, { clock, actor })).toBe(1);
    expect(await markAllRead(db, { clock, actor })).toBe(0);
    expect((await listNotifications(db, { actor: { id: vendorUserId, role: "VENDOR" } })).unread).toBe(0);
    expect(await db.auditLog.count({ where: { actorId: vendorUserId, action: "notifications.read" } })).toBe(1);
    const page = await listNotifications(db, { actor: { id: vendorUserId, role: "VENDOR" }, page: 99 });
    expect(page).toMatchObject({ page: 1, pages: 1, unread: 0 });
    expect(page.items[0]).toMatchObject({ kind: "offer.new", read: true });
  });

  it("shows in-app items and released WhatsApp links only: in the list, the count beside the bell and mark-all-read", async () => {
    const { db, clock, vendorUserId: userId } = await cityWithOffer({ email: false });
    const note = (minutes: number, extra: object) => ({
      userId,
      kind: `k${minutes}`,
      title: "t",
      body: "b",
      createdAt: new Date(Date.parse(T0) + minutes * 60_000),
      ...extra,
    });
    await db.notification.createMany({
      data: [
        note(1, { channel: "WHATSAPP", status: "SENT", link: "https://wa.me/628" }),
        note(2, { channel: "WHATSAPP", status: "PENDING", link: "https://wa.me/628" }),
        note(3, { channel: "WHATSAPP", status: "FAILED", link: "https://wa.me/628" }),
        note(4, { channel: "EMAIL", status: "SENT" }),
        note(5, { channel: "IN_APP", readAt: new Date(T0) }),
      ],
    });
    const list = await listNotifications(db, { actor: { id: userId, role: "VENDOR" } });
    expect(list.items.map((n) => [n.kind, n.channel, n.read])).toEqual([
      ["k5", "IN_APP", true],
      ["k1", "WHATSAPP", false],
      ["offer.new", "IN_APP", false],
    ]);
    expect(list).toMatchObject({ unread: 2, page: 1, pages: 1 });

    (globalThis as { prisma?: unknown }).prisma = db;
    process.env.DATABASE_URL ??= "postgresql://unused@localhost/unused";
    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    session = {
      userId,
      role: user.role,
      sessionVersion: user.sessionVersion,
      sid: crypto.randomUUID(),
      expires: new Date(Date.now() + 3600_000),
    };
    expect((await getCurrentUser())?.unread).toBe(2);

    expect(await markAllRead(db, { clock, actor: { id: userId, role: "VENDOR" } })).toBe(2);
    expect((await getCurrentUser())?.unread).toBe(0);
    // What the user does not see stays as the outbox left it.
    expect(await db.notification.count({ where: { userId, readAt: null } })).toBe(3);
  });
});
