// The load benchmark itself, briefly: two app instances on their own database, every kind of traffic, and
// afterwards nothing lost and every routing invariant holding. Correctness only — its timings are the
// benchmark's to print (`npm run bench:load`), never asserted here.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";

test("bench:load runs two instances through mixed traffic with no error and no invariant broken", async () => {
  test.setTimeout(300_000);
  const root = path.resolve(import.meta.dirname, "..", "..");
  const r = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "scripts/bench/load.ts",
      ...["--duration", "10", "--connections", "12", "--warmup", "0", "--think-ms", "100", "--json"],
    ],
    { cwd: root, encoding: "utf8", timeout: 280_000, env: { ...process.env, NODE_ENV: "production" } },
  );
  expect(r.status, r.stderr.slice(-3000)).toBe(0);
  const result = JSON.parse(r.stdout.trim().split("\n").at(-1)!);
  expect(result.instances).toBe(2);
  expect(result.errorSamples).toEqual([]);
  expect(result.errors).toBe(0);
  expect(result.violations).toBe(0);
  expect(result.orders.lost).toBe(0);
  expect(result.orders.acknowledged).toBeGreaterThan(0);
  for (const kind of ["login", "orderForm", "orderSubmit", "vendorInbox", "vendorAnswer", "dashboard"])
    expect(result.kinds[kind].requests, kind).toBeGreaterThan(0);
  // Orders routed: none is left SUBMITTED.
  expect(result.orders.byStatus.SUBMITTED ?? 0).toBe(0);
});
