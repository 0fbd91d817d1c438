// Owns the database and the Next.js server process: starts PostgreSQL (embedded or DATABASE_URL),
// migrates, optionally seeds the demo, builds when sources changed, serves, and on Ctrl-C/SIGTERM
// stops Next.js first and PostgreSQL cleanly after it. (`npx next` does not forward SIGTERM,
// so Next is spawned directly from here.)
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import webpush from "web-push";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { createPrisma } from "@/lib/db/client";
import { systemClock } from "@/lib/clock";
import { demoLogins, seedDemo } from "@/prisma/seed/seed-demo";
import { DEMO_PASSWORD } from "@/prisma/seed/mojokerto";
import { migrate } from "./migrate";
import { openProjectDatabase, type ProjectDatabase } from "./project-database";
import { PROJECT_ROOT, externalServer, recreateDatabase, startEmbedded, tempDataDir } from "./postgres";

export type Mode = "demo" | "dev" | "production";

export interface LaunchOptions {
  mode: Mode;
  port: number;
  /** A brand-new database for this run only (browser tests). */
  fresh?: boolean;
}

export const NEXT_BIN = path.join(PROJECT_ROOT, "node_modules", "next", "dist", "bin", "next");
export const NEXT_SERVER = path.join(PROJECT_ROOT, "scripts", "next-server.mjs");
const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "messages",
  "public",
  "next.config.ts",
  "postcss.config.mjs",
  "package-lock.json",
  "tsconfig.json",
];

function log(m: string) {
  console.log(m);
}

/** A fingerprint of everything `next build` reads, to skip rebuilding an up-to-date app. */
function sourceFingerprint(): string {
  const h = createHash("sha256");
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      if (p.endsWith(path.join("lib", "generated"))) return;
      for (const name of readdirSync(p).sort()) walk(path.join(p, name));
    } else {
      h.update(`${path.relative(PROJECT_ROOT, p)}:${st.size}:${st.mtimeMs}\n`);
    }
  };
  for (const input of BUILD_INPUTS) walk(path.join(PROJECT_ROOT, input));
  return h.digest("hex");
}

export function ensureBuilt(force = false): void {
  const stampFile = path.join(PROJECT_ROOT, ".next", "mamin-merata-build.txt");
  const fingerprint = sourceFingerprint();
  if (
    !force &&
    existsSync(path.join(PROJECT_ROOT, ".next", "BUILD_ID")) &&
    existsSync(stampFile) &&
    readFileSync(stampFile, "utf8") === fingerprint
  ) {
    log("[build] app is up to date");
    return;
  }
  log("[build] building the app (next build) — about a minute on a 2-core machine…");
  const r = spawnSync(process.execPath, [NEXT_BIN, "build"], {
    cwd: PROJECT_ROOT,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (r.status !== 0) throw new Error("next build failed");
  writeFileSync(stampFile, fingerprint);
}

/** AUTH_SECRET for the demo: generated once and kept beside the data, so sessions survive restarts. */
export function demoAuthSecret(): string {
  const dir = path.join(PROJECT_ROOT, ".data");
  const file = path.join(dir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * VAPID keys for the demo's Web Push: generated once and kept beside the data (like AUTH_SECRET), so a phone
 * subscribed once stays subscribed across restarts. A production start takes them from the environment only.
 */
function demoVapidKeys(): { VAPID_PUBLIC_KEY: string; VAPID_PRIVATE_KEY: string } {
  const dir = path.join(PROJECT_ROOT, ".data");
  const file = path.join(dir, "vapid.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as ReturnType<typeof demoVapidKeys>;
  mkdirSync(dir, { recursive: true });
  const keys = webpush.generateVAPIDKeys();
  const out = { VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: keys.privateKey };
  writeFileSync(file, JSON.stringify(out), { mode: 0o600 });
  return out;
}

async function openFreshDatabase(): Promise<ProjectDatabase> {
  const given = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  const name = `mm_e2e_${process.pid}`;
  if (given) {
    const server = externalServer(given);
    const url = await recreateDatabase(server, name);
    log(`[db] fresh database ${name} on ${new URL(given).host}`);
    return { url, embedded: false, close: server.stop };
  }
  const server = await startEmbedded({ dataDir: tempDataDir("e2e"), ephemeral: true, log });
  const url = await recreateDatabase(server, name);
  log(`[db] fresh embedded PostgreSQL on 127.0.0.1:${new URL(url).port}`);
  return { url, embedded: true, close: server.stop };
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A launcher killed with SIGKILL leaves its Next.js server running (it holds the port and talks to a
 * database that is gone). Its pid is kept in .data/next-<port>.pid: stop it before starting again.
 */
async function stopOrphanedServer(pidFile: string): Promise<void> {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").trim());
  rmSync(pidFile, { force: true });
  if (!Number.isInteger(pid) || pid <= 0 || !pidAlive(pid)) return;
  let cmdline = "";
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    // not Linux, or already gone
  }
  if (!/next/.test(cmdline)) return;
  log(`[launcher] a web server from an earlier run (pid ${pid}) is still running; stopping it`);
  process.kill(pid, "SIGTERM");
  for (let i = 0; i < 100 && pidAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (pidAlive(pid)) process.kill(pid, "SIGKILL");
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, () => srv.close(() => resolve(true)));
  });
}

export async function waitForHealth(port: number, child: ChildProcess, timeoutMs = 90_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the web server exited with code ${child.exitCode}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the web server did not answer on port ${port} within ${timeoutMs / 1000}s`);
}

function printLogins(port: number) {
  const logins = demoLogins();
  const w = Math.max(...logins.map((l) => l.username.length));
  const lines = [
    "",
    `  Mamin Merata demo is running at http://localhost:${port}`,
    `  Password for every demo account: ${DEMO_PASSWORD}`,
    "",
    ...logins.map((l) => `    ${l.username.padEnd(w)}  ${l.role.padEnd(9)}  ${l.name}`),
    "",
    "  Ctrl-C stops the server and the database cleanly; data is kept for the next run.",
    "",
  ];
  console.log(lines.join("\n"));
}

/** The environment a Next.js server of ours runs with (the launcher's and the load benchmark's). */
export function serverEnv(mode: Mode, databaseUrl: string, authSecret: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: mode === "dev" ? "development" : "production",
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: authSecret,
    ...(mode !== "production" && !process.env.VAPID_PUBLIC_KEY ? demoVapidKeys() : {}),
    AUTH_TRUST_HOST: "true",
    MM_DEMO: mode === "production" ? "" : "1",
    // The README's demo logins for the admin and the mayor skip the second factor (demo accounts only,
    // never in a production start; see SECURITY.md). Other admin accounts still enrol.
    DEMO_SKIP_MFA: mode === "production" ? "" : (process.env.DEMO_SKIP_MFA ?? "1"),
    NEXT_TELEMETRY_DISABLED: "1",
  };
}

/** Stops a server process: SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
export async function stopServer(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  await new Promise<void>((resolve) => {
    const t = setTimeout(() => {
      child.kill("SIGKILL");
      resolve();
    }, graceMs);
    child.once("exit", () => {
      clearTimeout(t);
      resolve();
    });
  });
}

export async function launch(opts: LaunchOptions): Promise<void> {
  const started = Date.now();
  if (opts.mode === "production" && opts.fresh) throw new Error("--fresh is for demos and tests only");
  const database = opts.fresh ? await openFreshDatabase() : await openProjectDatabase(log);
  let child: ChildProcess | undefined;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (child) await stopServer(child);
    await database.close().catch((e) => console.error("[db] stop failed:", e));
    log("[launcher] stopped");
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  process.on("SIGHUP", () => void shutdown(0));

  try {
    await migrate(database.url, log);
    const authSecret = process.env.AUTH_SECRET ?? (opts.mode === "production" ? undefined : demoAuthSecret());
    if (!authSecret) throw new Error("AUTH_SECRET is required for a production start (at least 32 characters).");
    // The seed signs the demo offers' one-tap links with the secret the server will check them with.
    process.env.AUTH_SECRET = authSecret;
    const prisma = createPrisma(database.url, 2);
    try {
      if (opts.mode === "production") {
        const demo = await prisma.user.count({ where: { isDemo: true } });
        if (demo > 0) {
          throw new Error(
            `this database holds ${demo} demo accounts (password ${DEMO_PASSWORD}); a production start refuses it. Use a database without the demo seed.`,
          );
        }
      } else {
        await seedDemo(prisma, systemClock, log);
      }
    } finally {
      await prisma.$disconnect();
    }
    if (opts.mode !== "dev") ensureBuilt();
    const pidFile = path.join(PROJECT_ROOT, ".data", `next-${opts.port}.pid`);
    await stopOrphanedServer(pidFile);
    if (!(await portIsFree(opts.port))) {
      throw new Error(
        `port ${opts.port} is already in use (another demo?). Stop that process or choose another port: npm run demo -- --port 3100`,
      );
    }
    // Next.js behind our own HTTP server (scripts/next-server.mjs): it tells the app each connection's address.
    child = spawn(process.execPath, [NEXT_SERVER, opts.mode === "dev" ? "dev" : "start", String(opts.port)], {
      cwd: PROJECT_ROOT,
      stdio: ["ignore", "inherit", "inherit"],
      env: serverEnv(opts.mode, database.url, authSecret),
    });
    mkdirSync(path.dirname(pidFile), { recursive: true });
    if (child.pid) writeFileSync(pidFile, String(child.pid));
    child.on("exit", (code, signal) => {
      rmSync(pidFile, { force: true });
      if (!stopping) {
        console.error(`[launcher] the web server stopped (${signal ?? `code ${code}`})`);
        void shutdown(code ?? 1);
      }
    });
    await waitForHealth(opts.port, child);
    if (opts.mode !== "production") printLogins(opts.port);
    log(`[launcher] ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (e) {
    console.error(`[launcher] ${e instanceof Error ? e.message : String(e)}`);
    await shutdown(1);
  }
}

export function parseArgs(argv: string[]): { port: number; fresh: boolean; dev: boolean } {
  const portArg = argv.indexOf("--port");
  const port = portArg >= 0 ? Number(argv[portArg + 1]) : Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0) throw new Error("--port needs a number");
  return { port, fresh: argv.includes("--fresh"), dev: argv.includes("--dev") };
}
