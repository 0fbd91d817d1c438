// What the benchmarks share: a throwaway database (a new one on DATABASE_URL's server, or a fresh embedded
// PostgreSQL), migrated, dropped again afterwards; and percentiles of latency samples.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import {
  dropDatabase,
  externalServer,
  recreateDatabase,
  startEmbedded,
  tempDataDir,
  type DatabaseServer,
} from "../lib/postgres";
import { migrate } from "../lib/migrate";

export interface BenchDatabase {
  url: string;
  /** "DATABASE_URL" or "embedded PostgreSQL", for the log. */
  where: string;
  /** The server it lives on, for databases beside it (pgbench's). */
  server: DatabaseServer;
  /** Drops the database (external server) or stops the embedded server with its data. */
  close(): Promise<void>;
}

export async function openBenchDatabase(label: string): Promise<BenchDatabase> {
  const given = process.env.DATABASE_URL;
  const server = given
    ? externalServer(given)
    : await startEmbedded({ dataDir: tempDataDir(label), ephemeral: true, log: () => {} });
  const name = `mm_${label.replace(/[^a-z0-9]/gi, "_")}_${process.pid}`;
  const url = await recreateDatabase(server, name);
  await migrate(url);
  return {
    url,
    where: given ? "DATABASE_URL" : "embedded PostgreSQL",
    server,
    close: async () => {
      if (given) await dropDatabase(server, name).catch(() => {});
      await server.stop();
    },
  };
}

/** The p-th percentile (nearest rank) of ascending samples, to 0.1 ms. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, i)]! * 10) / 10;
}

export function latencySummary(samples: number[]): { p50: number; p95: number; p99: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99) };
}

/** The pgbench program: $PGBENCH, then the PATH, then Debian's PostgreSQL packages (newest first); null if none. */
export function pgbenchPath(): string | null {
  if (process.env.PGBENCH) return process.env.PGBENCH;
  if (spawnSync("pgbench", ["--version"]).status === 0) return "pgbench";
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  for (const v of readdirSync(root).sort((a, b) => Number(b) - Number(a))) {
    const p = `${root}/${v}/bin/pgbench`;
    if (existsSync(p)) return p;
  }
  return null;
}

/**
 * The database's own floor on this machine, measured the standard way: pgbench's TPC-B-like transaction (scale 10,
 * `clients` clients, 2 threads, `seconds` s) against a database of its own beside the benchmark's, on the same server.
 * Returns the transactions per second (without the initial connection time).
 */
export async function measurePgbench(
  server: DatabaseServer,
  opts: { clients: number; seconds: number; log: (m: string) => void },
): Promise<{ tps: number; pgbench: string }> {
  const bin = pgbenchPath();
  if (!bin) {
    throw new Error(
      "pgbench not found: install it (Debian: apt-get install postgresql-contrib) or set PGBENCH to its path",
    );
  }
  const name = `mm_pgbench_${process.pid}`;
  const url = await recreateDatabase(server, name);
  try {
    opts.log(`[pgbench] initialising scale 10 in ${name}…`);
    const init = spawnSync(bin, ["-i", "-s", "10", "-q", url], { encoding: "utf8" });
    if (init.status !== 0) throw new Error(`pgbench -i failed: ${init.stderr}`);
    opts.log(`[pgbench] ${opts.clients} clients, 2 threads, ${opts.seconds} s…`);
    const run = spawnSync(bin, ["-c", String(opts.clients), "-j", "2", "-T", String(opts.seconds), url], {
      encoding: "utf8",
    });
    if (run.status !== 0) throw new Error(`pgbench failed: ${run.stderr}`);
    const m = /tps = ([\d.]+) \((?:without initial connection time|excluding connections establishing)\)/.exec(
      run.stdout,
    );
    if (!m) throw new Error(`pgbench printed no tps: ${run.stdout}`);
    const version = spawnSync(bin, ["--version"], { encoding: "utf8" }).stdout.trim();
    return { tps: Math.round(Number(m[1]) * 10) / 10, pgbench: version };
  } finally {
    await dropDatabase(server, name).catch(() => {});
  }
}

/** `--name N` among the benchmark's arguments: a positive whole number, or `fallback`; anything else ends the run. */
export function positiveIntArg(argv: readonly string[], name: string, fallback: number): number {
  const i = argv.indexOf(name);
  const v = i >= 0 ? Number(argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 1) {
    console.error(`${name} must be a positive whole number`);
    process.exit(2);
  }
  return v;
}

/** Progress to stderr, unless `--json` asks for the result line alone. */
export function progressLog(argv: readonly string[]): (m: string) => void {
  const quiet = argv.includes("--json");
  return (m) => {
    if (!quiet) console.error(m);
  };
}
