// How offers reach vendors' phones (issue 17), as journeys across screens, desktop project only (the phone project
// ignores journeys). Both change the city's quiet hours for a moment, so they run one after the other.
//
// 1. An order placed in quiet hours waits for the morning, and the OPD is told when the vendor sees it.
// 2. A vendor turns on notifications on its 360 px phone, an OPD orders on a desktop, the offer leaves through Web
//    Push to a stand-in push service (the browser vendor's, played here on loopback) within moments of the order —
//    not at the next sweep — encrypted for that phone; the link in it opens the offer on a phone that is not signed
//    in, and one tap accepts.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { createECDH, randomBytes, type ECDH } from "node:crypto";
import ece from "http_ece";
import { UMKM } from "../../prisma/seed/mojokerto";
import { startPushStandIn, type PushRequest } from "../support/push-stand-in";
import { expectAccessible, fillOrder, inDays, keepScreenshot, login } from "./helpers";

test.describe.configure({ mode: "serial" });

/** WIB hh:mm, `offsetMin` minutes from now. */
const hhmm = (offsetMin: number) =>
  new Date(Date.now() + 7 * 3600_000 + offsetMin * 60_000).toISOString().slice(11, 16);

/** Sets the city's quiet hours as an admin would, on the rules page. */
async function setQuietHours(admin: Page, start: string, end: string) {
  await admin.goto("/admin/rules");
  // The letter-number hint names its placeholders literally (a message key or a missing variable would show instead).
  await expect(admin.getByText("Contoh: 000.3/{seq}/417.{opd}/{year}")).toBeVisible();
  await admin.getByLabel("Jam tenang mulai (WIB)").fill(start);
  await admin.getByLabel("Jam tenang selesai (WIB)").fill(end);
  await admin.getByRole("button", { name: "Simpan aturan" }).click();
  await expect(admin.getByText("Perubahan disimpan.")).toBeVisible();
}

/** Runs `body` with the quiet hours set to [start, end), then puts the defaults back. */
async function withQuietHours(browser: Browser, start: string, end: string, body: () => Promise<void>) {
  const admin = await browser.newPage();
  await login(admin, "admin");
  await expect(admin).toHaveURL(/\/admin$/);
  await setQuietHours(admin, start, end);
  try {
    await body();
  } finally {
    await setQuietHours(admin, "21:00", "06:00");
    await admin.close();
  }
}

test("an order placed in quiet hours waits for the morning, and the OPD is told when the vendor sees it", async ({
  page,
  browser,
}) => {
  // "Night" is now: quiet hours from an hour ago until two hours from now.
  const end = hhmm(120);
  await withQuietHours(browser, hhmm(-60), end, async () => {
    await login(page, "opd-diskominfo");
    await expect(page).toHaveURL(/\/opd$/);
    await page.goto("/opd/orders/new");
    await fillOrder(page, `Rapat jam tenang ${Date.now()}`, 40);
    await page.getByRole("button", { name: "Kirim pesanan" }).click();
    await expect(page).toHaveURL(/\/opd\/orders\/[0-9a-f-]{36}$/);
    await expect(page.getByText(/Dipesan pada jam tenang: tawaran dikirim ke ponsel UMKM pada/)).toContainText(
      end.replace(":", "."),
    );
  });
});

/** A phone's push subscription: what PushManager.subscribe would hand the page, with the keys only it holds. */
interface PhoneKeys {
  endpoint: string;
  ecdh: ECDH;
  auth: Buffer;
}

function offeredVendor(status: string): string {
  const name = /Ditawarkan kepada (.+), jawab sebelum/.exec(status)?.[1];
  expect(name, status).toBeTruthy();
  return name!;
}

/**
 * The vendor's phone signs in and taps "Aktifkan notifikasi". The browser's PushManager is the only part played: it
 * hands out a subscription at the stand-in push service (a real Chromium would ask Google's, which this machine
 * cannot reach); the service worker, the permission prompt and the portal's own code run as they are.
 */
async function turnOnNotifications(browser: Browser, vendorName: string, standIn: string): Promise<PhoneKeys> {
  const index = UMKM.findIndex(([name]) => name === vendorName);
  expect(index, vendorName).toBeGreaterThanOrEqual(0);
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  const phone: PhoneKeys = {
    endpoint: `${standIn}/push/${randomBytes(8).toString("hex")}`,
    ecdh,
    auth: randomBytes(16),
  };
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true });
  await context.grantPermissions(["notifications"]);
  await context.addInitScript(
    (sub) => {
      let current: unknown = null;
      PushManager.prototype.subscribe = async function () {
        current = {
          endpoint: sub.endpoint,
          expirationTime: null,
          toJSON: () => ({
            endpoint: sub.endpoint,
            expirationTime: null,
            keys: { p256dh: sub.p256dh, auth: sub.auth },
          }),
          unsubscribe: async () => {
            current = null;
            return true;
          },
        };
        return current as PushSubscription;
      };
      PushManager.prototype.getSubscription = async () => current as PushSubscription | null;
    },
    {
      endpoint: phone.endpoint,
      p256dh: ecdh.getPublicKey().toString("base64url"),
      auth: phone.auth.toString("base64url"),
    },
  );
  const page = await context.newPage();
  await login(page, `umkm-${String(index + 1).padStart(2, "0")}`);
  await expect(page).toHaveURL(/\/vendor$/);
  await page.getByRole("button", { name: "Aktifkan notifikasi" }).click();
  await expect(page.getByText("Notifikasi aktif di ponsel ini")).toBeVisible();
  await context.close();
  return phone;
}

/** The messages the stand-in got for one phone, decrypted with that phone's keys. */
function messagesFor(received: PushRequest[], phone: PhoneKeys): { title: string; body: string; url: string }[] {
  const p = new URL(phone.endpoint).pathname;
  return received
    .filter((r) => r.path === p)
    .map((r) => {
      expect(r.headers["content-encoding"]).toBe("aes128gcm");
      expect(String(r.headers.authorization)).toMatch(/^vapid t=[\w-]+\.[\w-]+\.[\w-]+, k=[\w-]+$/);
      const plain = ece.decrypt(r.body, { version: "aes128gcm", privateKey: phone.ecdh, authSecret: phone.auth });
      return JSON.parse(plain.toString("utf8"));
    });
}

async function cancel(page: Page) {
  await page.getByText("Batalkan pesanan", { exact: true }).click();
  await page.getByLabel("Alasan pembatalan").fill("Jadwal rapat diundur");
  await page.getByRole("button", { name: "Ya, batalkan pesanan ini" }).click();
  await expect(page.getByText("Pesanan dibatalkan.")).toBeVisible();
}

test("a vendor with notifications on gets the offer on its phone at once, opens the link and accepts in one tap", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  // Daytime whatever the clock says: quiet hours are set to start in three hours.
  const push = await startPushStandIn();
  await withQuietHours(browser, hhmm(180), hhmm(240), async () => {
    const eventName = `Rapat notifikasi ${Date.now()}`;
    await login(page, "opd-dkpp");
    await expect(page).toHaveURL(/\/opd$/);
    await page.goto("/opd/orders/new");
    await fillOrder(page, eventName, 41);
    await page.getByRole("button", { name: "Kirim pesanan" }).click();
    await expect(page).toHaveURL(/\/opd\/orders\/[0-9a-f-]{36}$/);

    // Until the order goes to a vendor whose phone has notifications on: turn them on for the vendor it went to,
    // then cancel and order the same again ("Pesan lagi": the button, the date, send).
    const phones = new Map<string, PhoneKeys>();
    let vendor = offeredVendor((await page.getByRole("status").first().textContent()) ?? "");
    for (let round = 0; !phones.has(vendor) && round < 6; round++) {
      phones.set(vendor, await turnOnNotifications(browser, vendor, push.base));
      await cancel(page);
      await page.getByRole("link", { name: "Pesan lagi" }).click();
      await page.getByLabel("Tanggal antar").fill(inDays(41));
      await page.getByRole("button", { name: "Kirim pesanan" }).click();
      await expect(page).toHaveURL(/\/opd\/orders\/[0-9a-f-]{36}$/);
      vendor = offeredVendor((await page.getByRole("status").first().textContent()) ?? "");
    }
    const phone = phones.get(vendor);
    expect(phone, `${vendor} has notifications on`).toBeDefined();
    const orderUrl = page.url();

    // The offer arrives well before the next sweep (every 15 s): the outbox is woken when the order commits.
    let offer: { title: string; body: string; url: string } | undefined;
    await expect
      .poll(
        () => {
          offer = messagesFor(push.received, phone!).find((m) => m.url.startsWith("/tawaran/"));
          return offer !== undefined;
        },
        { timeout: 20_000, intervals: [200] },
      )
      .toBe(true);
    expect(offer!.title).toContain("Tawaran baru");
    expect(offer!.body).toContain("porsi");
    expect(offer!.url).toMatch(/^\/tawaran\/[0-9a-f-]{36}\.[0-9a-z]+\.[\w-]{43}$/);

    // The phone opens the notification's link without signing in, and one tap accepts.
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true });
    const p = await context.newPage();
    await p.goto(offer!.url);
    await expect(p.getByRole("heading", { name: /^Tawaran pesanan MM-/ })).toBeVisible();
    await expect(p.getByText(`Untuk ${vendor}`)).toBeVisible();
    await expectAccessible(p);
    await keepScreenshot(p, testInfo, "push-offer-link");
    await p.getByRole("button", { name: "Ya, sanggup" }).click();
    await expect(p.getByText("Tawaran diterima. Pesanan masuk ke daftar pengiriman.")).toBeVisible();
    await context.close();

    await page.goto(orderUrl);
    await expect(page.getByRole("status").first()).toContainText(`Diterima oleh ${vendor}`);
  }).finally(() => push.close());
});
