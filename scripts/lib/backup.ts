// Backups in pg_dump's custom format, and restoring one, with PostgreSQL's own client tools (postgresql-client
// 15 or newer on PATH: Debian's `apt-get install postgresql-client`; the embedded server ships none).
import { spawnSync } from "node:child_process";

function run(tool: string, args: string[]): void {
  const r = spawnSync(tool, args, { encoding: "utf8" });
  if (r.error && (r.error as NodeJS.ErrnoException).code === "ENOENT") {
    throw new Error(
      `${tool} was not found: install PostgreSQL's client tools (e.g. apt-get install postgresql-client)`,
    );
  }
  if (r.status !== 0)
    throw new Error(`${tool} failed (exit ${r.status}): ${(r.stderr || r.stdout).trim().slice(-2000)}`);
}

/** pg_dump --format=custom of the whole database at `url` into `file`. */
export function backupDatabase(url: string, file: string): void {
  run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file", file, "--dbname", url]);
}

/**
 * Restores `file` into the database at `url`, replacing what is there: every object in the backup is dropped
 * first (--clean --if-exists) and the whole restore is one transaction, so a failure changes nothing.
 */
export function restoreDatabase(url: string, file: string): void {
  run("pg_restore", [
    "--clean",
    "--if-exists",
    "--no-owner",
    "--no-privileges",
    "--single-transaction",
    "--exit-on-error",
    "--dbname",
    url,
    file,
  ]);
}
