// The vendor's own pages on a 360 px phone: deliveries, record, profile and notifications.
import { expect, test } from "@playwright/test";
import { expectAccessible, keepScreenshot, login } from "./helpers";

test("a vendor reads its record and deliveries, and keeps its profile current", async ({ page }, testInfo) => {
  // umkm-02's profile is changed only here (umkm-01 in the desktop run), so the two projects do not collide.
  await login(page, testInfo.project.name === "phone" ? "umkm-02" : "umkm-01");
  await expect(page).toHaveURL(/\/vendor$/);
  // A phone on mobile data gets only the translations its page's client components use (none here), not
  // the whole catalogue.
  const html = await (await page.request.get("/vendor")).text();
  expect(html).toContain("Tawaran menunggu jawaban");
  expect(html).not.toContain('"adminVendors":{');
  expect(html).not.toContain('"orderForm":{');

  await page.getByRole("link", { name: "Rekam jejak" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Rekam jejak");
  await expect(page.getByText("Peringkat pemerataan")).toBeVisible();
  await expectAccessible(page);
  await keepScreenshot(page, testInfo, "vendor-record");

  await page.getByRole("link", { name: "Pengiriman" }).click();
  await expect(page.getByRole("heading", { name: "Hari ini" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Profil" }).click();
  // The server refuses a number that is not a phone number: what was typed stays, the field is marked and
  // focused, and the page says why in the server's own words.
  const whatsapp = page.getByLabel("Nomor WhatsApp");
  const before = await whatsapp.inputValue();
  await whatsapp.fill("12");
  await page.getByLabel("Kapasitas harian (porsi)").fill("77");
  await page.getByRole("button", { name: "Simpan" }).first().click();
  await expect(page.getByText("Nomor WhatsApp: Nomor WhatsApp tidak valid (contoh: 0812 3456 7890)")).toBeVisible();
  await expect(whatsapp).toHaveValue("12");
  await expect(whatsapp).toHaveAttribute("aria-invalid", "true");
  await expect(whatsapp).toBeFocused();
  await expect(page.getByLabel("Kapasitas harian (porsi)")).toHaveValue("77");
  await expectAccessible(page);
  await whatsapp.fill(before);
  await expect(whatsapp).not.toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Kapasitas harian (porsi)").fill("0");
  // The browser stops an out-of-range value; the server would refuse it too. A valid one saves.
  await page.getByLabel("Kapasitas harian (porsi)").fill("90");
  await page.getByRole("button", { name: "Simpan" }).first().click();
  await expect(page.getByText("Perubahan disimpan.")).toBeVisible();
  await expect(page.getByLabel("Kapasitas harian (porsi)")).toHaveValue("90");
  const day = new Date(Date.now() + 7 * 3600_000 + 60 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("Tanggal", { exact: true }).fill(day);
  await page.getByLabel("Alasan (opsional)").fill("Hajatan keluarga");
  await page.getByRole("button", { name: "Tambah hari libur" }).click();
  await expect(page.getByText("Hajatan keluarga")).toBeVisible();
  await expectAccessible(page);
  await keepScreenshot(page, testInfo, "vendor-profile");
  await page
    .getByRole("listitem")
    .filter({ hasText: "Hajatan keluarga" })
    .getByRole("button", { name: "Hapus" })
    .click();
  await expect(page.getByText("Hajatan keluarga")).toHaveCount(0);

  await page.getByRole("link", { name: /Notifikasi/ }).click();
  await expect(page.getByRole("heading", { name: "Notifikasi" })).toBeVisible();
  await expectAccessible(page);
  await keepScreenshot(page, testInfo, "vendor-notifications");
});

test("a new vendor sees its first steps, and the password page refuses a wrong current password in words", async ({
  page,
}) => {
  await login(page, "umkm-02");
  await expect(page).toHaveURL(/\/vendor$/);
  await expect(page.getByRole("heading", { name: "Langkah pertama" })).toBeVisible();
  await page.getByRole("link", { name: "Ganti kata sandi dari admin dengan kata sandi Anda sendiri" }).click();
  await expect(page).toHaveURL(/\/account\/password$/);
  await page.getByLabel("Kata sandi sekarang").fill("bukan-kata-sandinya");
  await page.getByLabel("Kata sandi baru", { exact: true }).fill("frasa-sandi-baru-yang-panjang");
  await page.getByLabel("Ulangi kata sandi baru").fill("frasa-sandi-baru-yang-panjang");
  await page.getByRole("button", { name: "Simpan kata sandi" }).click();
  await expect(page.getByText("Kata sandi sekarang salah")).toBeVisible();
  await expectAccessible(page);
});
