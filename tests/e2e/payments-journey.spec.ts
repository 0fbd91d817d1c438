// Issue 20: from the BAST to money in the vendor's account. The vendor invoices on a 360 px phone; the OPD checks the
// invoice; the treasurer records the payment; the vendor is told and sees the order paid; days-to-pay is on the
// dashboard. Runs once (desktop project; the vendor's pages in their own 360 px page).
import { expect, test, type Page } from "@playwright/test";
import { UMKM } from "../../prisma/seed/mojokerto";
import { expectAccessible, fillOrder, keepScreenshot, login } from "./helpers";

function wibNow(): { day: string; time: string } {
  const iso = new Date(Date.now() + 7 * 3600_000).toISOString();
  return { day: iso.slice(0, 10), time: iso.slice(11, 16) };
}

async function noSideways(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
}

test("a delivery is invoiced from a phone, checked, paid, and the vendor is told", async ({
  page,
  browser,
}, testInfo) => {
  // Four people's steps in one story: order, accept, confirm, invoice, check, pay, read.
  test.setTimeout(180_000);
  const eventName = `Rapat bayar ${Date.now()}`;
  // The OPD orders; the vendor accepts on its phone; the OPD confirms what arrived (early: the event moved).
  await login(page, "opd-diskominfo");
  await expect(page).toHaveURL(/\/opd$/);
  await page.goto("/opd/orders/new");
  await fillOrder(page, eventName, 45);
  await page.getByRole("button", { name: "Kirim pesanan" }).click();
  await expect(page).toHaveURL(/\/opd\/orders\/[0-9a-f-]{36}$/);
  const orderUrl = page.url();
  const status = (await page.getByRole("status").textContent()) ?? "";
  const vendorName = /Ditawarkan kepada (.+), jawab sebelum/.exec(status)?.[1];
  const index = UMKM.findIndex(([name]) => name === vendorName);
  expect(index, status).toBeGreaterThanOrEqual(0);
  const phoneContext = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true });
  const phone = await phoneContext.newPage();
  await login(phone, `umkm-${String(index + 1).padStart(2, "0")}`);
  const offer = phone.getByRole("listitem").filter({ hasText: eventName });
  await offer.getByText("Terima", { exact: true }).click();
  await offer.getByRole("button", { name: "Ya, saya sanggup mengirim" }).click();
  await expect(phone.getByText("Tawaran diterima.")).toBeVisible();

  await page.goto(orderUrl);
  await page.getByText("Konfirmasi pesanan diterima", { exact: true }).click();
  const now = wibNow();
  await page.getByLabel("Tanggal diterima").fill(now.day);
  await page.getByLabel("Jam diterima (WIB)").fill(now.time);
  await page.getByLabel("Porsi diterima").fill("10");
  await page.getByLabel(/Alasan diterima lebih awal/).fill("Acara dimajukan oleh panitia");
  await page.getByRole("button", { name: "Simpan penerimaan" }).click();
  await expect(page.getByText("Penerimaan dicatat.")).toBeVisible();
  await expect(page.getByText("Menunggu tagihan", { exact: true })).toBeVisible();

  // The vendor invoices from its phone: the amount from the BAST, its bank account from its profile.
  await phone.goto("/vendor/money");
  await expect(phone.getByRole("heading", { name: "Uang saya" })).toBeVisible();
  const card = phone.getByRole("listitem").filter({ hasText: eventName });
  await card.getByText("Kirim tagihan", { exact: true }).click();
  await expect(card.getByLabel("Jumlah tagihan")).toHaveValue("350.000");
  await expect(card.getByLabel("Nama bank")).toHaveValue("Bank Jatim");
  // A bank account number that cannot be one is refused, with the reason, and nothing typed is lost.
  await card.getByLabel("Nomor rekening").fill("12-ab");
  await card.getByLabel("Nama pemilik rekening").fill("Pemilik Usaha Demo");
  await card.getByRole("button", { name: "Kirim tagihan ke OPD" }).click();
  await expect(phone.getByText(/Nomor rekening: Nomor rekening 6–20 angka/)).toBeVisible();
  const again = phone.getByRole("listitem").filter({ hasText: eventName });
  await expect(again.getByLabel("Nama pemilik rekening")).toHaveValue("Pemilik Usaha Demo");
  await again.getByLabel("Nomor rekening").fill("0012 3456 78");
  await again.getByRole("button", { name: "Kirim tagihan ke OPD" }).click();
  await expect(phone.getByText("Tagihan terkirim ke OPD.", { exact: false })).toBeVisible();
  await expect(
    phone.getByRole("listitem").filter({ hasText: eventName }).getByText("Tagihan diperiksa OPD"),
  ).toBeVisible();
  await noSideways(phone);
  await expectAccessible(phone);
  await keepScreenshot(phone, testInfo, "vendor-money");

  // The OPD accepts the invoice; its treasurer records the payment (LS, SP2D number; tax suggested).
  await page.goto(orderUrl);
  await page.getByRole("button", { name: "Terima tagihan" }).click();
  await expect(page.getByText("Tagihan diterima. Bendahara dapat mencatat pembayaran.")).toBeVisible();
  await expect(page.getByLabel("Jumlah dibayar (bruto, Rp)")).toHaveValue("350.000");
  await page.getByLabel("Nomor referensi").fill("SP2D 0999/LS/2026");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Simpan pembayaran" }).click();
  await expect(page.getByText("Pembayaran dicatat; UMKM diberi tahu.")).toBeVisible();
  await expect(page.getByText("Lunas", { exact: true })).toBeVisible();
  await keepScreenshot(page, testInfo, "order-paid");

  // The vendor is told, and sees the order paid.
  await phone.goto("/notifications");
  await expect(phone.getByText(/sudah dibayar lunas/).first()).toBeVisible();
  await phone.goto("/vendor/money?stage=PAID");
  await expect(
    phone
      .getByRole("listitem")
      .filter({ hasText: eventName })
      .getByText(/^Dibayar Rp/),
  ).toBeVisible();
  await noSideways(phone);
  await phoneContext.close();

  // Days-to-pay on the mayor's dashboard.
  const mayorContext = await browser.newContext();
  const mayor = await mayorContext.newPage();
  await login(mayor, "walikota");
  await expect(mayor).toHaveURL(/\/mayor$/);
  await mayor.goto("/dashboard");
  await expect(mayor.getByRole("heading", { name: "Lama pembayaran ke UMKM" })).toBeVisible();
  await expect(mayor.getByTestId("days-to-pay-reading")).toHaveText(
    /Rata-rata periode ini [\d,]+ hari dari BAST sampai lunas — (dalam|lebih lama dari) target 14 hari\./,
  );
  await expect(mayor.getByText(/Belum dibayar lewat 14 hari sejak BAST/).first()).toBeVisible();
  await keepScreenshot(mayor, testInfo, "dashboard-days-to-pay");
  await mayorContext.close();
});
