import { expect, test, type Browser, type Page } from "@playwright/test";
import { UMKM } from "../../prisma/seed/mojokerto";
import { expectAccessible, login, PNG } from "./helpers";

function wibNow(offsetDays = 0): { day: string; time: string } {
  const iso = new Date(Date.now() + 7 * 3600_000 + offsetDays * 86_400_000).toISOString();
  return { day: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** OPD staff place an order; the vendor it is offered to accepts it on its phone. Returns the order page URL. */
async function placeAndAccept(
  page: Page,
  browser: Browser,
  eventName: string,
  day: number,
): Promise<{ url: string; vendorName: string }> {
  await login(page, "opd-diskominfo");
  await expect(page).toHaveURL(/\/opd$/);
  await page.goto("/opd/orders/new");
  await page.getByLabel("Nama kegiatan").fill(eventName);
  await page.getByLabel("Tanggal antar").fill(wibNow(day).day);
  await page.getByLabel("Jam antar").fill("10:00");
  await page.getByLabel("Tempat antar").fill("Aula Dinas Kominfo");
  await page.getByLabel("Nama kontak di lokasi").fill("Bu Ani");
  await page.getByLabel("Nomor HP kontak").fill("081234567890");
  await page.getByLabel("Jumlah porsi").fill("10");
  await page.getByLabel("Harga per porsi (Rp)").fill("35000");
  await page.getByRole("button", { name: "Kirim pesanan" }).click();
  await expect(page).toHaveURL(/\/opd\/orders\/[0-9a-f-]{36}$/);
  const status = (await page.getByRole("status").textContent()) ?? "";
  const vendorName = /Ditawarkan kepada (.+), jawab sebelum/.exec(status)?.[1];
  expect(vendorName, status).toBeTruthy();
  const index = UMKM.findIndex(([name]) => name === vendorName);
  expect(index).toBeGreaterThanOrEqual(0);

  const vendor = await browser.newPage({ viewport: { width: 360, height: 740 } });
  await login(vendor, `umkm-${String(index + 1).padStart(2, "0")}`);
  const card = vendor.getByRole("listitem").filter({ hasText: eventName });
  await card.getByText("Terima", { exact: true }).click();
  await card.getByRole("button", { name: "Ya, saya sanggup mengirim" }).click();
  await expect(vendor.getByText("Tawaran diterima. Pesanan masuk ke daftar pengiriman.")).toBeVisible();
  await vendor.close();
  return { url: page.url(), vendorName: vendorName! };
}

test("the OPD confirms what arrived, and the order is delivered", async ({ page, browser }, testInfo) => {
  const { url, vendorName } = await placeAndAccept(
    page,
    browser,
    `Rapat terima ${testInfo.project.name} ${Date.now()}`,
    testInfo.project.name === "phone" ? 31 : 30,
  );
  await page.goto(url);
  await expect(page.getByRole("status")).toHaveText(`Diterima oleh ${vendorName}`);
  await page.getByText("Konfirmasi pesanan diterima", { exact: true }).click();
  const now = wibNow();
  // First a time that has not come yet (tomorrow): refused, with the reason at the field — and nothing typed is lost.
  const tomorrow = new Date(Date.now() + 7 * 3600_000 + 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("Tanggal diterima").fill(tomorrow);
  await page.getByLabel("Jam diterima (WIB)").fill(now.time);
  await page.getByLabel("Porsi diterima").fill("9");
  // Weeks before the scheduled day: an early delivery needs its reason.
  await page.getByLabel(/Alasan diterima lebih awal/).fill("Acara dimajukan oleh panitia");
  await page
    .getByLabel("Foto penerimaan (opsional)")
    .setInputFiles({ name: "nota-terima.png", mimeType: "image/png", buffer: PNG });
  await page.getByRole("button", { name: "Simpan penerimaan" }).click();
  await expect(page.getByText("Waktu diterima belum terjadi")).toBeVisible();
  await expect(page.getByLabel("Porsi diterima")).toHaveValue("9");
  await expect(page.getByLabel(/Alasan diterima lebih awal/)).toHaveValue("Acara dimajukan oleh panitia");
  await expect(page.getByText(/Foto «nota-terima\.png» belum tersimpan/)).toBeVisible();
  await page.getByLabel("Tanggal diterima").fill(now.day);
  await page.getByLabel("Porsi diterima").fill("10");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Simpan penerimaan" }).click();
  await expect(page.getByText("Penerimaan dicatat.")).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Terkirim");
});

test("a failure report proposes a sanction the admin sees, and the order goes to the next UMKM", async ({
  page,
  browser,
}, testInfo) => {
  const eventName = `Rapat gagal ${testInfo.project.name} ${Date.now()}`;
  const { url, vendorName } = await placeAndAccept(
    page,
    browser,
    eventName,
    testInfo.project.name === "phone" ? 33 : 32,
  );
  await page.goto(url);
  await page.getByText("Laporkan kegagalan", { exact: true }).click();
  await page.getByLabel("Jenis kegagalan").selectOption("VENDOR_CANCELLED");
  await page.getByLabel("Kronologi dan bukti").fill("UMKM mengabarkan lewat WhatsApp tidak sanggup lagi.");
  await page.getByRole("button", { name: "Kirim laporan kegagalan" }).click();
  await expect(page.getByText("Kegagalan dicatat; usulan sanksi dikirim ke admin.")).toBeVisible();
  // Still days before delivery: re-routed at once to another UMKM of the pool.
  await expect(page.getByRole("status")).toContainText("Ditawarkan kepada");
  await expect(page.getByRole("status")).not.toContainText(vendorName);

  const admin = await browser.newPage();
  await login(admin, "admin");
  const proposals = admin.locator("section").filter({ has: admin.getByRole("heading", { name: "Usulan sanksi" }) });
  await expect(proposals).toContainText(vendorName);
  await expect(proposals).toContainText("UMKM mengabarkan lewat WhatsApp tidak sanggup lagi.");
  await admin.close();
});

test("a failure reported before the delivery time is refused in words, and nothing is recorded", async ({
  page,
  browser,
}, testInfo) => {
  const { url, vendorName } = await placeAndAccept(
    page,
    browser,
    `Rapat terlalu dini ${testInfo.project.name} ${Date.now()}`,
    testInfo.project.name === "phone" ? 35 : 34,
  );
  await page.goto(url);
  await page.getByText("Laporkan kegagalan", { exact: true }).click();
  await expect(page.getByText(/Laporan gagal \(selain pembatalan oleh UMKM\) dapat dikirim mulai/)).toBeVisible();
  await page.getByLabel("Jenis kegagalan").selectOption("NOT_DELIVERED");
  await page.getByLabel("Kronologi dan bukti").fill("Belum datang, padahal acaranya masih minggu depan.");
  await page.getByRole("button", { name: "Kirim laporan kegagalan" }).click();
  await expect(
    page.getByText(/Kegagalan ini baru dapat dilaporkan mulai .* \(waktu antar \+ 30 menit\)/),
  ).toBeVisible();
  // What was typed is still there.
  await expect(page.getByLabel("Kronologi dan bukti")).toHaveValue(
    "Belum datang, padahal acaranya masih minggu depan.",
  );
  await expect(page.getByRole("status").first()).toHaveText(`Diterima oleh ${vendorName}`);
  await expectAccessible(page);
});
