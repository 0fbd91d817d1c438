#!/usr/bin/env node
// `npm test`: typecheck, lint, format, unit, integration and browser (e2e) tests, then one line
// "N passed, N failed" over all of them. Each check step counts as one test; vitest and Playwright
// suites count their own tests. Options: --only <step[,step]>, --summary <file.json>.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const only = opt("--only")?.split(",");
const summaryFile = opt("--summary");
const results = path.join(root, "test-results");
mkdirSync(results, { recursive: true });
const bin = (name) => path.join(root, "node_modules", ".bin", name);

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const steps = [
  { name: "typecheck", cmd: [bin("tsc"), "--noEmit"] },
  { name: "lint", cmd: [bin("eslint"), "--max-warnings", "0", "."] },
  { name: "format", cmd: [bin("prettier"), "--check", "."] },
  {
    name: "unit",
    cmd: [
      bin("vitest"),
      "run",
      "--project",
      "unit",
      "--reporter=default",
      "--reporter=json",
      "--outputFile",
      path.join(results, "unit.json"),
    ],
    report: "vitest",
  },
  {
    name: "integration",
    cmd: [
      bin("vitest"),
      "run",
      "--project",
      "integration",
      "--reporter=default",
      "--reporter=json",
      "--outputFile",
      path.join(results, "integration.json"),
    ],
    report: "vitest",
  },
  { name: "e2e", cmd: [bin("playwright"), "test"], report: "playwright", file: path.join(results, "e2e-report.json") },
].filter((s) => !only || only.includes(s.name));

if (steps.some((s) => s.name === "e2e") && !existsSync(chromium)) {
  console.error(
    [
      "",
      `npm test needs Chromium for the browser tests, and none was found at ${chromium}.`,
      "Install it with:   sudo apt-get update && sudo apt-get install -y chromium",
      "or set CHROMIUM_PATH to a Chromium/Chrome binary. (`npx playwright install` cannot download browsers here.)",
      "",
    ].join("\n"),
  );
  process.exit(1);
}

let passed = 0;
let failed = 0;
const lines = [];
for (const step of steps) {
  const started = Date.now();
  console.log(`\n━━ ${step.name} ━━`);
  const out = step.file ?? (step.report === "vitest" ? step.cmd[step.cmd.length - 1] : undefined);
  if (out) rmSync(out, { force: true });
  const r = spawnSync(step.cmd[0], step.cmd.slice(1), {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, FORCE_COLOR: process.env.CI ? "0" : "1" },
  });
  let p = 0;
  let f = 0;
  if (step.report && out && existsSync(out)) {
    const json = JSON.parse(readFileSync(out, "utf8"));
    if (step.report === "vitest") {
      p = json.numPassedTests;
      f = json.numFailedTests;
    } else {
      p = (json.stats?.expected ?? 0) + (json.stats?.flaky ?? 0);
      f = json.stats?.unexpected ?? 0;
    }
    if (r.status !== 0 && f === 0) f = 1; // the runner failed outside any test (setup, web server…)
    if (p + f === 0) f = 1; // a suite that ran nothing is a failure, not a pass
  } else if (r.status === 0) {
    p = 1;
  } else {
    f = 1;
  }
  passed += p;
  failed += f;
  lines.push(
    `${step.name.padEnd(12)} ${String(p).padStart(4)} passed ${String(f).padStart(4)} failed  ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}
console.log(`\n━━ summary ━━\n${lines.join("\n")}`);
if (summaryFile) writeFileSync(summaryFile, JSON.stringify({ passed, failed }));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
