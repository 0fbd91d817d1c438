import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type TestInfo } from "@playwright/test";

export const DEMO_PASSWORD = "merata-demo-2026";

export async function login(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Nama pengguna").fill(username);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
}

/**
 * No serious or critical accessibility violations on the current page — axe's default rules plus the experimental
 * label-content-name-mismatch (WCAG 2.5.3: a control's accessible name contains the text it shows, so a person using
 * speech input can say what they see).
 */
/** The page's serious and critical axe violations, each as "rule: help (where)". */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .options({ rules: { "label-content-name-mismatch": { enabled: true } } })
    .analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  return bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

export async function expectAccessible(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
}

/** Keeps a full-page screenshot as a test artifact (360×740 on the phone project, 1280×800 on desktop). */
export async function keepScreenshot(page: Page, testInfo: TestInfo, name: string) {
  const file = testInfo.outputPath(`${name}-${testInfo.project.name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}

/** A 1×1 PNG, for photo uploads. */
export const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

/** A WIB calendar day n days from now. */
export function inDays(n: number): string {
  return new Date(Date.now() + 7 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10);
}

// Each test and project orders for its own day (beyond the seeded two weeks) and few portions: the demo
// pools are small (two MAKAN vendors of 60–80 portions a day for DISKOMINFO), and tests run side by side
// on one database.
export async function fillOrder(page: Page, eventName: string, day: number) {
  await page.getByLabel("Nama kegiatan").fill(eventName);
  await page.getByLabel("Tanggal antar").fill(inDays(day));
  await page.getByLabel("Jam antar").fill("10:00");
  await page.getByLabel("Tempat antar").fill("Aula Dinas Kominfo");
  await page.getByLabel("Nama kontak di lokasi").fill("Bu Ani");
  // Typed as people in Indonesia type them: spaced phone, thousands dots and "Rp".
  await page.getByLabel("Nomor HP kontak").fill("0812 3456 7890");
  await page.getByLabel("Kategori menu").selectOption("MAKAN");
  await page.getByLabel("Jumlah porsi").fill("10");
  await page.getByLabel("Harga per porsi (Rp)").fill("Rp 35.000");
}

/** A file a link downloads, as bytes. */
export async function download(page: Page, link: ReturnType<Page["getByRole"]>): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent("download"), link.click()]);
  return readFile((await file.path())!);
}

/** The page is no wider than its window (wide tables scroll inside their own region). */
export async function expectNoSidewaysScroll(page: Page) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll, `${page.url()} is ${scroll} px wide in a ${client} px window`).toBeLessThanOrEqual(client);
}
