// English mode (issue 18): a notification is stored once and read in the reader's language — the same item reads in
// Bahasa Indonesia, then in English after the switch — and the audit trail names its codes in the language chosen.
// At 1280 px and 360 px, with screenshots.
import { expect, test } from "@playwright/test";
import { expectAccessible, keepScreenshot, login } from "./helpers";

test("an admin reads the same notification in Bahasa Indonesia and in English, and the audit trail's codes by name", async ({
  page,
}, testInfo) => {
  await login(page, "admin");
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto("/notifications");
  // The demo's sanction proposals, as routing and the failure report write them: a template with its parameters.
  const proposal = page
    .getByRole("listitem")
    .filter({ hasText: /Usulan sanksi SP\d — / })
    .first();
  await expect(proposal).toBeVisible();
  const number = (await proposal.textContent())!.match(/MM-\d{4}-\d+/)![0];
  await keepScreenshot(page, testInfo, "notifications-id");
  try {
    await page.getByRole("button", { name: /English/ }).click();
    const same = page
      .getByRole("listitem")
      .filter({ hasText: number })
      .filter({ hasText: /Proposed sanction SP\d — / });
    await expect(same.first()).toBeVisible();
    await expect(same.first()).not.toContainText("Usulan");
    await expectAccessible(page);
    await keepScreenshot(page, testInfo, "notifications-en");
    // The audit trail in English: record kinds and statuses by name, never their codes.
    await page.goto("/admin/audit?entity=Sanction");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.locator("main")).not.toContainText(/\b(PROPOSED|CONFIRMED|OVERRIDDEN)\b/);
    await keepScreenshot(page, testInfo, "audit-en");
  } finally {
    // Back to Bahasa Indonesia (the choice is kept on the account too).
    await page.getByRole("button", { name: /Bahasa Indonesia/ }).click();
  }
  await expect(page.getByRole("button", { name: /Bahasa Indonesia/ })).toHaveAttribute("aria-pressed", "true");
});

test("an OPD reads why its order is refused in English: the form's own check and the server's", async ({
  page,
}, testInfo) => {
  await login(page, "opd-diskominfo");
  await expect(page).toHaveURL(/\/opd$/);
  await page.getByRole("button", { name: /English/ }).click();
  await expect(page.getByRole("button", { name: /English/ })).toHaveAttribute("aria-pressed", "true");
  try {
    await page.goto("/opd/orders/new");
    // The browser's instant check: the same schema, its refusals written in the page's language.
    await page.getByLabel("Event name").fill("ab");
    await page.getByLabel("Contact phone").fill("12345");
    await page.getByRole("button", { name: "Send order" }).click();
    await expect(page.getByText("The event name needs at least 3 letters")).toBeVisible();
    await expect(page.getByText(/^Not a valid mobile number/)).toBeVisible();
    await expect(page.locator("main")).not.toContainText(/minimal 3 huruf|tidak valid|⟦/);
    await keepScreenshot(page, testInfo, "order-refused-client-en");
    // The server's refusal (too short a notice, with the earliest time in WIB), in English too.
    await page.getByLabel("Event name").fill(`Urgent meeting ${testInfo.project.name} ${Date.now()}`);
    const soon = new Date(Date.now() + 7 * 3600_000 + 30 * 60_000).toISOString();
    await page.getByLabel("Delivery date").fill(soon.slice(0, 10));
    await page.getByLabel("Delivery time").fill(soon.slice(11, 16));
    await page.getByLabel("Delivery place").fill("Aula Dinas Kominfo");
    await page.getByLabel("Contact person on site").fill("Bu Ani");
    await page.getByLabel("Contact phone").fill("0812 3456 7890");
    await page.getByLabel("Menu category").selectOption("MAKAN");
    await page.getByLabel("Portions").fill("10");
    await page.getByLabel("Price per portion (Rp)").fill("Rp 35.000");
    await page.getByRole("button", { name: "Send order" }).click();
    await expect(
      page.getByText(/^Too short notice: vendors need time to answer and prepare\. The earliest/),
    ).toBeVisible();
    await expect(page.locator("main")).not.toContainText(/Terlalu mendadak|⟦/);
    await expectAccessible(page);
    await keepScreenshot(page, testInfo, "order-refused-server-en");
  } finally {
    await page.getByRole("button", { name: /Bahasa Indonesia/ }).click();
  }
  await expect(page.getByRole("button", { name: /Bahasa Indonesia/ })).toHaveAttribute("aria-pressed", "true");
});

test("an admin reads why a form post was refused in English (the reason carried back to the page)", async ({
  page,
}, testInfo) => {
  await login(page, "admin");
  await expect(page).toHaveURL(/\/admin$/);
  await page.getByRole("button", { name: /English/ }).click();
  await expect(page.getByRole("button", { name: /English/ })).toHaveAttribute("aria-pressed", "true");
  try {
    await page.goto("/admin/rules");
    // A number pattern without {seq} could repeat numbers: refused, the reason in English.
    const pattern = page.getByLabel("Order letter (Surat Pesanan) number pattern");
    await pattern.fill("000.3/417/{year}");
    await pattern.press("Enter");
    await expect(page.getByText(/The number pattern must hold \{seq\}/)).toBeVisible();
    await expect(page.locator("main")).not.toContainText(/Pola nomor harus|⟦/);
    await keepScreenshot(page, testInfo, "rules-refused-en");
  } finally {
    await page.getByRole("button", { name: /Bahasa Indonesia/ }).click();
  }
});
