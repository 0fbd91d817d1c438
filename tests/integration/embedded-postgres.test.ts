import { spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import pg from "pg";
import { PROJECT_ROOT, startEmbedded, tempDataDir } from "@/scripts/lib/postgres";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function startChild(dataDir: string): Promise<{ pid: number; url: string }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(PROJECT_ROOT, "tests/support/embedded-child.ts"), dataDir],
    {
      cwd: PROJECT_ROOT,
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (b: Buffer) => {
      out += b.toString();
      const m = /READY (\S+)/.exec(out);
      if (m) resolve({ pid: child.pid!, url: m[1]! });
    });
    child.on("exit", (code) => reject(new Error(`child exited ${code}`)));
  });
}

async function query(url: string, sql: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows;
  } finally {
    await c.end();
  }
}

describe("embedded PostgreSQL lifecycle", () => {
  it("keeps data across a crash of its owner (SIGKILL) and starts again in the same folder", async () => {
    const dataDir = tempDataDir("crash");
    dirs.push(dataDir);
    const first = await startChild(dataDir);
    await query(first.url, "CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)");
    process.kill(first.pid, "SIGKILL");
    // The orphaned postgres still holds the folder; the next start must recover on its own.
    expect(existsSync(path.join(dataDir, "postmaster.pid"))).toBe(true);
    const again = await startEmbedded({ dataDir, log: () => {} });
    try {
      expect(await query(again.adminUrl, "SELECT v FROM kept")).toEqual([{ v: 42 }]);
    } finally {
      await again.stop();
    }
    expect(existsSync(path.join(dataDir, "postmaster.pid"))).toBe(false);
  });

  it("shuts down cleanly on SIGTERM, leaving no postmaster.pid", async () => {
    const dataDir = tempDataDir("term");
    dirs.push(dataDir);
    const { pid } = await startChild(dataDir);
    const exited = new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        try {
          process.kill(pid, 0);
        } catch {
          clearInterval(timer);
          resolve();
        }
      }, 100);
    });
    process.kill(pid, "SIGTERM");
    await exited;
    expect(existsSync(path.join(dataDir, "postmaster.pid"))).toBe(false);
    expect(existsSync(path.join(dataDir, "PG_VERSION"))).toBe(true);
  });
});
