// Quiet hours change the city's rules for a moment: this runs in the desktop project only (the phone project
// ignores admin specs), so the two projects never change them at once.
import { expect, test } from "@playwright/test";
import { fillOrder, login } from "./helpers";

test("an order placed in quiet hours waits for the morning, and the OPD is told when the vendor sees it", async ({
  page,
  browser,
}) => {
  const hhmm = (offsetMin: number) =>
    new Date(Date.now() + 7 * 3600_000 + offsetMin * 60_000).toISOString().slice(11, 16);
  const admin = await browser.newPage();
  const setQuiet = async (start: string, end: string) => {
    await admin.goto("/admin/rules");
    await admin.getByLabel("Jam tenang mulai (WIB)").fill(start);
    await admin.getByLabel("Jam tenang selesai (WIB)").fill(end);
    await admin.getByRole("button", { name: "Simpan aturan" }).click();
    await expect(admin.getByText("Perubahan disimpan.")).toBeVisible();
  };
  await login(admin, "admin");
  await expect(admin).toHaveURL(/\/admin$/);
  // "Night" is now: quiet hours from an hour ago until two hours from now.
  const end = hhmm(120);
  await setQuiet(hhmm(-60), end);
  try {
    await login(page, "opd-diskominfo");
    await expect(page).toHaveURL(/\/opd$/);
    await page.goto("/opd/orders/new");
    await fillOrder(page, `Rapat jam tenang ${Date.now()}`, 40);
    await page.getByRole("button", { name: "Kirim pesanan" }).click();
    await expect(page).toHaveURL(/\/opd\/orders\/[0-9a-f-]{36}$/);
    await expect(page.getByText(/Dipesan pada jam tenang: tawaran dikirim ke ponsel UMKM pada/)).toContainText(
      end.replace(":", "."),
    );
  } finally {
    await setQuiet("21:00", "06:00");
    await admin.close();
  }
});
