import { existsSync } from "node:fs";

// Flags measured on our machines: without the background-networking ones Chromium keeps dialling out.
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
}

export function chromiumMissingMessage(): string | null {
  const p = chromiumPath();
  if (existsSync(p)) return null;
  return [
    `No Chromium found at ${p}; the browser tests need one.`,
    "Install Debian's Chromium:   sudo apt-get update && sudo apt-get install -y chromium",
    "or point CHROMIUM_PATH at an existing Chromium/Chrome binary.",
    "(`npx playwright install` cannot download browsers on our machines.)",
  ].join("\n");
}
