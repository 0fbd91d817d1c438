import { expect, test } from "@playwright/test";
import { expectAccessible, fillOrder, inDays, keepScreenshot, login } from "./helpers";

test("OPD staff order mamin and see which UMKM got the offer, and why", async ({ page }, testInfo) => {
  await login(page, "opd-diskominfo");
  await page.locator("#main").getByRole("link", { name: "Pesan mamin" }).click();
  await expect(page.getByRole("heading", { name: "Pesan mamin" })).toBeVisible();
  await expect(page.getByText("Batas SSH: Rp 49.000 per porsi")).toBeVisible();
  await expectAccessible(page);
  const eventName = `Rapat uji ${testInfo.project.name} ${Date.now()}`;
  await fillOrder(page, eventName, testInfo.project.name === "phone" ? 21 : 20);
  await expect(page.getByText("Rp 350.000")).toBeVisible();
  await keepScreenshot(page, testInfo, "order-form");
  await page.getByRole("button", { name: "Kirim pesanan" }).click();
  await expect(page).toHaveURL(/\/opd\/orders\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("status")).toContainText(/Ditawarkan kepada .+, jawab sebelum .+ WIB/);
  await expect(page.getByRole("heading", { name: "Mengapa UMKM ini?" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Mengapa UMKM ini?" })).toContainText("1");
  await expectAccessible(page);
  await keepScreenshot(page, testInfo, "order-offered");
});

test("the order form refuses bad input with clear messages and creates nothing", async ({ page }) => {
  await login(page, "opd-diskominfo");
  await expect(page).toHaveURL(/\/opd$/);
  await page.goto("/opd/orders/new");
  await fillOrder(page, "Rapat harga tinggi", 24);
  await page.getByLabel("Harga per porsi (Rp)").fill("60000");
  await page.getByLabel("Nomor HP kontak").fill("12345");
  await page.getByRole("button", { name: "Kirim pesanan" }).click();
  await expect(page.getByText("Harga per porsi melebihi batas SSH.")).toBeVisible();
  await expect(page.getByText("Nomor HP tidak valid (contoh 0812 3456 7890)")).toBeVisible();
  await expect(page).toHaveURL(/\/opd\/orders\/new$/);
});

test("a double click on submit creates exactly one order", async ({ page }, testInfo) => {
  await login(page, "opd-diskominfo");
  await expect(page).toHaveURL(/\/opd$/);
  await page.goto("/opd/orders/new");
  const eventName = `Rapat klik ganda ${testInfo.project.name} ${Date.now()}`;
  await fillOrder(page, eventName, testInfo.project.name === "phone" ? 23 : 22);
  await page.getByRole("button", { name: "Kirim pesanan" }).dblclick();
  await expect(page).toHaveURL(/\/opd\/orders\/[0-9a-f-]{36}$/);
  await page.goto("/opd");
  await expect(page.getByRole("cell", { name: eventName })).toHaveCount(1);
});

test("the orders list searches and filters, and an order can be cancelled with a reason", async ({
  page,
}, testInfo) => {
  await login(page, "opd-diskominfo");
  await expect(page).toHaveURL(/\/opd$/);
  await page.goto("/opd/orders/new");
  const eventName = `Rapat batal ${testInfo.project.name} ${Date.now()}`;
  await fillOrder(page, eventName, testInfo.project.name === "phone" ? 26 : 25);
  await page.getByRole("button", { name: "Kirim pesanan" }).click();
  await expect(page).toHaveURL(/\/opd\/orders\/[0-9a-f-]{36}$/);

  await page.goto("/opd/orders");
  await page.getByLabel("Cari").fill(eventName);
  await page.getByRole("button", { name: "Terapkan" }).click();
  await expect(page.getByText("1 pesanan")).toBeVisible();
  await expectAccessible(page);
  await page
    .getByRole("row", { name: new RegExp(eventName) })
    .getByRole("link")
    .click();

  await page.getByText("Batalkan pesanan", { exact: true }).click();
  await page.getByLabel("Alasan pembatalan").fill("Acara ditunda pimpinan");
  await page.getByRole("button", { name: "Ya, batalkan pesanan ini" }).click();
  await expect(page.getByText("Pesanan dibatalkan.")).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Dibatalkan");

  await page.goto("/opd/orders?status=CANCELLED");
  await expect(page.getByRole("cell", { name: eventName })).toBeVisible();
});

test("'Pesan lagi' repeats an order in three interactions: the button, the date, send", async ({ page }, testInfo) => {
  await login(page, "opd-diskominfo");
  await page.locator("#main").getByRole("link", { name: "Pesan mamin" }).click();
  const eventName = `Rapat berulang ${testInfo.project.name} ${Date.now()}`;
  await fillOrder(page, eventName, testInfo.project.name === "phone" ? 28 : 27);
  await page.getByRole("button", { name: "Kirim pesanan" }).click();
  await expect(page).toHaveURL(/\/opd\/orders\/[0-9a-f-]{36}$/);
  const first = page.url();
  // 1: the button on the order's page; the form opens filled with everything but the date.
  await page.getByRole("link", { name: "Pesan lagi" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Diisi dari pesanan MM-/ })).toBeVisible();
  await expect(page.getByLabel("Nama kegiatan")).toHaveValue(eventName);
  await expect(page.getByLabel("Tempat antar")).toHaveValue("Aula Dinas Kominfo");
  await expect(page.getByLabel("Nomor HP kontak")).toHaveValue("081234567890");
  await expect(page.getByText("Rp 350.000")).toBeVisible();
  await expectAccessible(page);
  await keepScreenshot(page, testInfo, "order-repeat");
  // 2: the date; 3: send.
  await page.getByLabel("Tanggal antar").fill(inDays(testInfo.project.name === "phone" ? 30 : 29));
  await page.getByRole("button", { name: "Kirim pesanan" }).click();
  await expect(page).toHaveURL(/\/opd\/orders\/[0-9a-f-]{36}$/);
  expect(page.url()).not.toBe(first);
  await expect(page.getByRole("heading", { name: /^Pesanan MM-/ })).toBeVisible();
});

test("too short a notice is caught at submit, with the earliest time that works offered in one tap", async ({
  page,
}, testInfo) => {
  await login(page, "opd-diskominfo");
  await expect(page).toHaveURL(/\/opd$/);
  await page.goto("/opd/orders/new");
  await fillOrder(page, `Rapat mendadak ${testInfo.project.name} ${Date.now()}`, 0);
  // Thirty minutes from now (WIB): no vendor could answer and cook in time.
  const soon = new Date(Date.now() + 7 * 3600_000 + 30 * 60_000).toISOString();
  await page.getByLabel("Tanggal antar").fill(soon.slice(0, 10));
  await page.getByLabel("Jam antar").fill(soon.slice(11, 16));
  await page.getByRole("button", { name: "Kirim pesanan" }).click();
  await expect(page.getByText(/Terlalu mendadak: UMKM perlu waktu menjawab dan menyiapkan/)).toBeVisible();
  await expect(page).toHaveURL(/\/opd\/orders\/new$/);
  // What was typed is still there; one tap puts in the earliest time, and the order goes through.
  await expect(page.getByLabel("Jumlah porsi")).toHaveValue("10");
  await expect(page.getByLabel("Nama kegiatan")).toHaveValue(/^Rapat mendadak/);
  await expect(page.getByLabel("Harga per porsi (Rp)")).toHaveValue("Rp 35.000");
  await expect(page.getByLabel("Tempat antar")).toHaveValue("Aula Dinas Kominfo");
  await page.getByRole("button", { name: /Pakai waktu tercepat/ }).click();
  await expect(page.getByLabel("Jam antar")).not.toHaveValue(soon.slice(11, 16));
  await expectAccessible(page);
  await page.getByRole("button", { name: "Kirim pesanan" }).click();
  await expect(page).toHaveURL(/\/opd\/orders\/[0-9a-f-]{36}$/);
});

test("a first order takes at most 8 interactions from the OPD home (the place, time and contact come filled)", async ({
  page,
}, testInfo) => {
  // Staff who never ordered before, in an agency that has: the agency's usual place, 09:00 and the staff member as the
  // contact come filled in; what is left is what only the person knows.
  await login(page, testInfo.project.name === "phone" ? "opd-dinsosp3a" : "opd-dpmptsp");
  await expect(page).toHaveURL(/\/opd$/);
  let interactions = 0;
  const act = async (step: Promise<void>) => {
    await step;
    interactions++;
  };
  await act(page.locator("#main").getByRole("link", { name: "Pesan mamin" }).click());
  await expect(page.getByLabel("Tempat antar")).not.toHaveValue("");
  await expect(page.getByLabel("Jam antar")).toHaveValue("09:00");
  await expect(page.getByLabel("Nama kontak di lokasi")).not.toHaveValue("");
  await act(page.getByLabel("Nama kegiatan").fill(`Rapat pertama ${testInfo.project.name} ${Date.now()}`));
  await act(page.getByLabel("Tanggal antar").fill(inDays(testInfo.project.name === "phone" ? 44 : 43)));
  if ((await page.getByLabel("Nomor HP kontak").inputValue()) === "")
    await act(page.getByLabel("Nomor HP kontak").fill("0813 3111 2222"));
  await act(page.getByLabel("Jumlah porsi").fill("15"));
  await act(page.getByLabel("Harga per porsi (Rp)").fill("20.000"));
  await act(page.getByRole("button", { name: "Kirim pesanan" }).click());
  await expect(page).toHaveURL(/\/opd\/orders\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("status").first()).toContainText(/Ditawarkan kepada|Dipesan pada jam tenang|menunggu/);
  expect(interactions).toBeLessThanOrEqual(8);
});
