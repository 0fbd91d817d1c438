// The admins' queues in the browser: a sanction confirmed with a reason (at SP1, a warning, so no pool
// changes under the other journeys), the escalation queue and the audit trail. Desktop project only.
import { expect, test } from "@playwright/test";
import { expectAccessible, keepScreenshot, login } from "./helpers";

test("an admin confirms a sanction proposal with a reason, and the decision shows in the audit trail", async ({
  page,
}, testInfo) => {
  await login(page, "admin");
  await expect(page).toHaveURL(/\/admin$/);
  await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Sanksi" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sanksi UMKM" })).toBeVisible();
  await expectAccessible(page);
  await keepScreenshot(page, testInfo, "admin-sanctions");
  const proposal = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("button", { name: "Tetapkan sanksi" }) })
    .first();
  const vendorName = (await proposal.locator("span.font-semibold").first().textContent())!.trim();
  await proposal.getByLabel("Tingkat sanksi").selectOption("SP1");
  await proposal.getByLabel("Alasan keputusan").fill("Peringatan tertulis pertama, sesuai laporan OPD.");
  await proposal.getByRole("button", { name: "Tetapkan sanksi" }).click();
  await expect(page.getByText("Sanksi ditetapkan; UMKM diberi tahu.")).toBeVisible();
  const decided = page.locator("section").filter({ has: page.getByRole("heading", { name: "Keputusan terakhir" }) });
  await expect(decided).toContainText(vendorName);
  await expect(decided).toContainText("Peringatan tertulis pertama, sesuai laporan OPD.");

  await page.getByRole("link", { name: "Lihat jejak audit sanksi" }).click();
  await expect(page).toHaveURL(/\/admin\/audit\?entity=Sanction/);
  await expect(page.getByText("sanction.confirmed").first()).toBeVisible();
  await expectAccessible(page);
  await keepScreenshot(page, testInfo, "admin-audit");

  await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Eskalasi" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Pesanan tereskalasi" })).toBeVisible();
  await expectAccessible(page);
  await keepScreenshot(page, testInfo, "admin-escalations");
});
