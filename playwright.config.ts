import { defineConfig, devices } from "@playwright/test";
import { chromiumPath, CHROMIUM_ARGS } from "./tests/support/chromium";
import { pushStandInCertificate } from "./tests/support/push-stand-in";

const PORT = Number(process.env.E2E_PORT ?? 3100);

// Browser tests drive Debian's Chromium (Playwright's own download is not reachable here) against the
// built app on a fresh database that the demo launcher creates and removes (--fresh).
export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e",
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-report.json" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
  },
  projects: [
    // Journeys that change shared demo data run once, on the phone (vendors' real device).
    {
      name: "desktop",
      testIgnore: /vendor-offers|load-smoke/,
      use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } },
    },
    {
      name: "phone",
      testIgnore: /journey|admin|load-smoke/,
      use: { ...devices["Desktop Chrome"], viewport: { width: 360, height: 740 }, isMobile: false, hasTouch: true },
    },
    // The load benchmark's own smoke run (two app instances of its own; no browser).
    { name: "load", testMatch: /load-smoke/ },
  ],
  webServer: {
    command: `node --import tsx scripts/demo.ts --fresh --port ${PORT}`,
    url: `http://localhost:${PORT}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    // The push journey's stand-in push service (tests/e2e/notifications-journey.spec.ts) has a certificate of its own, which
    // the app must trust to deliver to it, as it trusts the browser vendors' push services.
    env: { NODE_EXTRA_CA_CERTS: pushStandInCertificate().certFile },
  },
});
