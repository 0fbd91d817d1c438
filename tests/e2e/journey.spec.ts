// The whole order journey across two roles and two screens: OPD staff order on a desktop → the first UMKM
// declines on its phone → the second accepts → the OPD confirms delivery with a photo → the Surat Pesanan
// and BAST download as PDFs and the export opens as a workbook. Runs on the desktop project only.
import { expect, test, type Browser, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { UMKM } from "../../prisma/seed/mojokerto";
import { pdfText } from "../support/pdf-text";
import { download, expectAccessible, keepScreenshot, login, PNG } from "./helpers";

function wib(offsetDays = 0): { day: string; time: string } {
  const iso = new Date(Date.now() + 7 * 3600_000 + offsetDays * 86_400_000).toISOString();
  return { day: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** A 1×1 PNG: a real image for the delivery photo. */

function offeredVendor(status: string): string {
  const name = /Ditawarkan kepada (.+), jawab sebelum/.exec(status)?.[1];
  expect(name, status).toBeTruthy();
  return name!;
}

async function vendorPhone(browser: Browser, vendorName: string): Promise<Page> {
  const index = UMKM.findIndex(([name]) => name === vendorName);
  expect(index, vendorName).toBeGreaterThanOrEqual(0);
  // A context of its own (axe needs one): the vendor's phone, signed in separately from the OPD's desktop.
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true });
  const phone = await context.newPage();
  await login(phone, `umkm-${String(index + 1).padStart(2, "0")}`);
  await expect(phone).toHaveURL(/\/vendor$/);
  return phone;
}

test("order → decline → accept → delivery with photo → Surat Pesanan, BAST and Excel export", async ({
  page,
  browser,
}, testInfo) => {
  // Two roles, three sign-ins, three downloads: longer than the default budget on a busy 2-core machine.
  test.setTimeout(150_000);
  const eventName = `Rapat perjalanan ${Date.now()}`;
  await login(page, "opd-diskominfo");
  await expect(page).toHaveURL(/\/opd$/);
  await page.goto("/opd/orders/new");
  await page.getByLabel("Nama kegiatan").fill(eventName);
  await page.getByLabel("Tanggal antar").fill(wib(36).day);
  await page.getByLabel("Jam antar").fill("11:00");
  await page.getByLabel("Tempat antar").fill("Ruang Rapat Diskominfo");
  await page.getByLabel("Nama kontak di lokasi").fill("Pak Budi");
  await page.getByLabel("Nomor HP kontak").fill("081298765432");
  await page.getByLabel("Jumlah porsi").fill("12");
  await page.getByLabel("Harga per porsi (Rp)").fill("30000");
  await page.getByRole("button", { name: "Kirim pesanan" }).click();
  await expect(page).toHaveURL(/\/opd\/orders\/[0-9a-f-]{36}$/);
  const orderUrl = page.url();
  const first = offeredVendor((await page.getByRole("status").first().textContent()) ?? "");
  await expect(page.getByRole("link", { name: "Ingatkan UMKM lewat WhatsApp" })).toHaveAttribute(
    "href",
    /^https:\/\/wa\.me\/62\d+\?text=/,
  );
  await expectAccessible(page);

  // The first UMKM declines on its phone: the order moves on to the next one at once.
  const phone1 = await vendorPhone(browser, first);
  const card1 = phone1.getByRole("listitem").filter({ hasText: eventName });
  await card1.getByText("Tolak", { exact: true }).click();
  await card1.getByLabel("Alasan menolak").fill("Dapur penuh hari itu");
  await card1.getByRole("button", { name: "Tolak tawaran" }).click();
  await expect(phone1.getByText("Tawaran ditolak. Pesanan diteruskan ke UMKM berikutnya.")).toBeVisible();
  await phone1.context().close();

  await page.goto(orderUrl);
  const second = offeredVendor((await page.getByRole("status").first().textContent()) ?? "");
  expect(second).not.toBe(first);
  await expect(page.getByText(`${first} — Ditolak`)).toBeVisible();

  const phone2 = await vendorPhone(browser, second);
  const card2 = phone2.getByRole("listitem").filter({ hasText: eventName });
  await card2.getByText("Terima", { exact: true }).click();
  await card2.getByRole("button", { name: "Ya, saya sanggup mengirim" }).click();
  await expect(phone2.getByText("Tawaran diterima. Pesanan masuk ke daftar pengiriman.")).toBeVisible();
  await phone2.goto("/vendor/deliveries");
  await expect(phone2.getByText(eventName)).toBeVisible();
  await expectAccessible(phone2);
  await keepScreenshot(phone2, testInfo, "vendor-deliveries");
  await phone2.context().close();

  await page.goto(orderUrl);
  await expect(page.getByRole("status").first()).toHaveText(`Diterima oleh ${second}`);
  const sp = await download(page, page.getByRole("link", { name: "Surat Pesanan (PDF)" }));
  expect(sp.subarray(0, 5).toString()).toBe("%PDF-");
  expect(pdfText(sp)).toContain("SURAT PESANAN");
  expect(pdfText(sp)).toContain(second);
  expect(pdfText(sp)).toContain("Tiga ratus enam puluh ribu rupiah");

  // Delivered (the delivery is weeks away, so the OPD records it as received now, early) with a photo.
  await page.getByText("Konfirmasi pesanan diterima", { exact: true }).click();
  const now = wib();
  await page.getByLabel("Tanggal diterima").fill(now.day);
  await page.getByLabel("Jam diterima (WIB)").fill(now.time);
  // Weeks before the scheduled day: an early delivery needs its reason.
  await page.getByLabel(/Alasan diterima lebih awal/).fill("Acara dimajukan oleh panitia");
  await page
    .getByLabel("Foto penerimaan (opsional)")
    .setInputFiles({ name: "terima.png", mimeType: "image/png", buffer: PNG });
  await page.getByRole("button", { name: "Simpan penerimaan" }).click();
  await expect(page.getByText("Penerimaan dicatat.")).toBeVisible();
  await expect(page.getByRole("link", { name: "lihat foto" })).toBeVisible();
  const photo = await page.request.get(`${orderUrl.replace("/opd/orders/", "/api/orders/")}/photo`);
  expect(photo.headers()["content-type"]).toBe("image/png");
  const bast = await download(page, page.getByRole("link", { name: "BAST (PDF)" }));
  expect(pdfText(bast)).toContain("BERITA ACARA SERAH TERIMA");
  await expectAccessible(page);
  await keepScreenshot(page, testInfo, "order-delivered");

  // The accountability export, filtered to delivered orders, opens as a workbook with this order in it.
  await page.goto("/opd/orders?status=DELIVERED");
  const xlsx = await download(page, page.getByRole("link", { name: "Unduh Excel (SPJ)" }));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(xlsx).buffer);
  const ws = wb.getWorksheet("Pesanan")!;
  const rows = [...Array(ws.rowCount).keys()].map((i) => ws.getRow(i + 1));
  const row = rows.find((r) => r.getCell(4).value === eventName);
  expect(row, "the order is in the export").toBeTruthy();
  expect(row!.getCell(11).value).toBe(second);
  expect(row!.getCell(15).value).toBe(360_000);
});
