// `bench:routing --vs-pgbench` measures the database's floor with pgbench on the benchmark's own server: here, on the
// test server, briefly — pgbench is found, initialises its own database beside the others, reports its TPS, and
// leaves nothing behind.
import { describe, expect, inject, it } from "vitest";
import { externalServer } from "@/scripts/lib/postgres";
import { measurePgbench, pgbenchPath } from "@/scripts/bench/support";
import { testDb } from "@/tests/support/integration-setup";

describe("the pgbench floor", () => {
  it("runs pgbench against a database of its own on the same server and drops it afterwards", async () => {
    expect(pgbenchPath(), "pgbench (Debian: apt-get install postgresql-contrib)").not.toBeNull();
    const lines: string[] = [];
    const floor = await measurePgbench(externalServer(inject("adminUrl")), {
      clients: 4,
      seconds: 2,
      log: (m) => lines.push(m),
    });
    expect(floor.tps).toBeGreaterThan(0);
    expect(floor.pgbench).toMatch(/^pgbench \(PostgreSQL\) \d+/);
    expect(lines.join("\n")).toContain("initialising scale 10");
    const left = await testDb().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_database WHERE datname LIKE 'mm_pgbench_%'`;
    expect(left[0]?.n).toBe(0);
  }, 120_000);
});
