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
