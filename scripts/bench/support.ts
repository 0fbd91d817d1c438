// What the benchmarks share: a throwaway database (a new one on DATABASE_URL's server, or a fresh embedded
// PostgreSQL), migrated, dropped again afterwards; and percentiles of latency samples.
import { dropDatabase, externalServer, recreateDatabase, startEmbedded, tempDataDir } from "../lib/postgres";
import { migrate } from "../lib/migrate";

export interface BenchDatabase {
  url: string;
  /** "DATABASE_URL" or "embedded PostgreSQL", for the log. */
  where: string;
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
