// `npm run bench:load -- [--duration 60] [--connections 50] [--instances 2] [--think-ms 1000] [--warmup 10]
//                         [--mix 6,50,28,16] [--json] [--profile DIR] [--timeline FILE]`
//
// Two production app instances (`next start`, the same build and AUTH_SECRET) against one fresh database
// seeded with the Mojokerto demo, and mixed loopback traffic through the real pages and forms
// (scripts/bench/load-traffic.ts): sign-ins, OPD staff opening the order form and submitting it, UMKM owners
// opening their offers and answering them, the mayor's office and admins reading dashboards. Every request
// goes to the next instance in turn. Every user signs in first; then all start together, the first --warmup
// seconds are not timed, and the traffic is timed for --duration seconds with --connections users in flight
// (steady state). Then the database is checked: every order the app acknowledged exists,
// nothing is left half-routed, and the routing invariants hold (lib/data/routing/check-invariants.ts).
//
// So that the traffic measures the product rather than refusals, every budget line gets a large pagu and
// every UMKM a large daily capacity in this throwaway database (bench:routing measures the rules themselves).
//
// The last line printed is one JSON object:
//   {"durationS","connections","instances","thinkMs","warmupS","dashboardCacheS","users":{…},"requests","rps","errors","refused",
//    "kinds":{"<kind>":{"requests","errors","refused":{reason:n},"rps","p50","p95","p99"}},
//    "cpu":{"machineBusy","appMsPerRequest"},"orders":{"acknowledged","lost","byStatus"},"invariants":{…},"violations",
//    "target":{"orderSubmitP95Ms":200,"ok"},"errorSamples":[…]}
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { createPrisma, type Db } from "@/lib/db/client";
import { systemClock } from "@/lib/clock";
import { DEFAULT_DASHBOARD_CACHE_SECONDS } from "@/lib/env";
import { checkInvariants } from "@/lib/data/routing/check-invariants";
import { periodPresets } from "@/lib/domain/period";
import { fiscalYearOf, wibDay } from "@/lib/format";
import { DEMO_PASSWORD } from "@/prisma/seed/mojokerto";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { ensureBuilt, NEXT_SERVER, serverEnv, stopServer, waitForHealth } from "../lib/launcher";
import { freePort, PROJECT_ROOT } from "../lib/postgres";
import { runTraffic, KINDS, type TrafficPlan } from "./load-traffic";
import { latencySummary, openBenchDatabase, type BenchDatabase } from "./support";

const argv = process.argv.slice(2);
const num = (name: string, fallback: number, min: number) => {
  const i = argv.indexOf(name);
  const v = i >= 0 ? Number(argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v < min) {
    console.error(`${name} needs a number ≥ ${min}`);
    process.exit(2);
  }
  return v;
};
const durationS = num("--duration", 60, 1);
const connections = Math.floor(num("--connections", 50, 4));
const instances = Math.floor(num("--instances", 2, 1));
const warmupS = num("--warmup", 10, 0);
const thinkMs = num("--think-ms", 1000, 0);
const jsonOnly = argv.includes("--json");
// Diagnostics: --profile DIR writes a V8 CPU profile of each instance into DIR (open it in Chrome's DevTools).
const profileDir = argv.includes("--profile") ? argv[argv.indexOf("--profile") + 1] : undefined;
// --timeline FILE writes every timed request as "<ms since the timed period began> <kind> <latency ms>" lines,
// to see whether slow requests come in bursts (a pause, a sweep, a GC) or evenly.
const timelineFile = argv.includes("--timeline") ? argv[argv.indexOf("--timeline") + 1] : undefined;
const log = (m: string) => {
  if (!jsonOnly) console.error(m);
};
const TARGET_SUBMIT_P95_MS = 200;

interface CpuReading {
  /** Jiffies, whole machine: busy and total. */
  busy: number;
  total: number;
  /** Jiffies used by the given processes (user + system). */
  procs: number;
  /** Jiffies used by every PostgreSQL process on the machine. */
  postgres: number;
  /** This process (the traffic generator), microseconds. */
  generatorUs: number;
}
/** user + system jiffies of one process from /proc/<pid>/stat. */
function procJiffies(pid: number | string): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]);
}
function postgresJiffies(): number {
  let sum = 0;
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "postgres") sum += procJiffies(pid);
    } catch {
      // gone meanwhile
    }
  }
  return sum;
}
/** CPU counters from /proc (Linux); null elsewhere. */
function readCpu(pids: number[]): CpuReading | null {
  try {
    const [, ...f] = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/);
    const n = f.map(Number);
    const idle = n[3]! + (n[4] ?? 0);
    const total = n.slice(0, 8).reduce((a, b) => a + b, 0);
    const procs = pids.reduce((a, pid) => a + procJiffies(pid), 0);
    const u = process.cpuUsage();
    return { busy: total - idle, total, procs, postgres: postgresJiffies(), generatorUs: u.user + u.system };
  } catch {
    return null;
  }
}
interface CpuUsed {
  machineBusy: number;
  appMs: number;
  postgresMs: number;
  generatorMs: number;
}
function cpuBetween(a: CpuReading, b: CpuReading): CpuUsed {
  const ticks = 100; // USER_HZ on Linux
  return {
    machineBusy: (b.busy - a.busy) / Math.max(1, b.total - a.total),
    appMs: ((b.procs - a.procs) * 1000) / ticks,
    postgresMs: ((b.postgres - a.postgres) * 1000) / ticks,
    generatorMs: (b.generatorUs - a.generatorUs) / 1000,
  };
}

/** How the connections are shared (--mix login,opd,vendor,dashboard weights): most are OPD staff and UMKM owners. */
const mixArg = argv.includes("--mix") ? argv[argv.indexOf("--mix") + 1]!.split(",").map(Number) : [6, 50, 28, 16];
if (mixArg.length !== 4 || mixArg.some((w) => !Number.isFinite(w) || w < 0) || mixArg.every((w) => w === 0)) {
  console.error("--mix needs four weights: login,opd,vendor,dashboard (e.g. 6,50,28,16)");
  process.exit(2);
}
function splitUsers(n: number) {
  const sum = mixArg.reduce((a, b) => a + b, 0);
  const [login, opd, vendor, dashboard] = mixArg.map((w) => (w > 0 ? Math.max(1, Math.round((n * w) / sum)) : 0)) as [
    number,
    number,
    number,
    number,
  ];
  // Rounding leaves the OPD staff (or the largest group) to make up the total.
  const rest = n - login - vendor - dashboard;
  return opd > 0 ? { login, opd: Math.max(1, rest), vendor, dashboard } : { login, opd: 0, vendor, dashboard };
}

/** Lifts budgets and capacities, and makes sure every fiscal year of the delivery window has ceilings and budgets. */
async function prepare(db: Db, deliveryDays: string[]) {
  const thisYear = fiscalYearOf(new Date());
  for (const year of new Set(deliveryDays.map((d) => Number(d.slice(0, 4))))) {
    if (year === thisYear) continue;
    await db.$executeRaw`
      INSERT INTO "PriceCeiling" (id, category, "fiscalYear", "maxPerPax", basis, "updatedAt")
      SELECT gen_random_uuid(), category, ${year}, "maxPerPax", basis, now() FROM "PriceCeiling" WHERE "fiscalYear" = ${thisYear}
      ON CONFLICT DO NOTHING`;
    await db.$executeRaw`
      INSERT INTO "Budget" (id, "opdId", "fiscalYear", "accountCode", "accountName", pagu, "updatedAt")
      SELECT gen_random_uuid(), "opdId", ${year}, "accountCode", "accountName", pagu, now() FROM "Budget" WHERE "fiscalYear" = ${thisYear}
      ON CONFLICT DO NOTHING`;
  }
  await db.$executeRaw`UPDATE "Budget" SET pagu = pagu + 1000000000000`;
  await db.$executeRaw`UPDATE "Vendor" SET "dailyCapacityPax" = 1000000`;
}

function startInstance(port: number, env: NodeJS.ProcessEnv): { child: ChildProcess; output: string[] } {
  const output: string[] = [];
  const node = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  const child = spawn(process.execPath, [...node, NEXT_SERVER, "start", String(port)], {
    cwd: PROJECT_ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env,
  });
  const keep = (b: Buffer) => {
    output.push(...b.toString().split("\n").filter(Boolean));
    if (output.length > 200) output.splice(0, output.length - 200);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  return { child, output };
}

async function main() {
  let database: BenchDatabase | undefined;
  let db: Db | undefined;
  const servers: { child: ChildProcess; output: string[] }[] = [];
  try {
    ensureBuilt();
    database = await openBenchDatabase("bench-load");
    db = createPrisma(database.url, 4);
    // One secret for both instances, set before the seed: it signs the seeded offers' one-tap links.
    const secret = randomBytes(32).toString("base64url");
    process.env.AUTH_SECRET = secret;
    log(`[load] seeding the Mojokerto demo (${database.where})`);
    await seedDemo(db, systemClock, log);
    const deliveryDays = Array.from({ length: 14 }, (_, k) => wibDay(new Date(Date.now() + (k + 1) * 86_400_000)));
    await prepare(db, deliveryDays);

    const years = [...new Set(deliveryDays.map((d) => Number(d.slice(0, 4))))];
    const opds = await db.user.findMany({
      where: { role: "OPD_STAFF", active: true, opdId: { not: null } },
      select: { username: true, opd: { select: { budgets: { where: { fiscalYear: years[0] } } } } },
      orderBy: { username: "asc" },
    });
    const vendors = await db.user.findMany({
      where: { role: "VENDOR", active: true, vendor: { status: "ACTIVE" } },
      select: { username: true },
      orderBy: { username: "asc" },
    });
    const ceilings = await db.priceCeiling.findMany({ where: { fiscalYear: years[0] } });
    const today = wibDay(new Date());
    const presets = periodPresets(today).map((p) => `/dashboard?period=${encodeURIComponent(p)}`);

    const ports: number[] = [];
    for (let i = 0; i < instances; i++) {
      const port = await freePort();
      ports.push(port);
      servers.push(
        // As `npm run demo` serves it: the demo's admin and mayor sign in without a second factor.
        startInstance(port, serverEnv("demo", database.url, secret)),
      );
    }
    await Promise.all(servers.map((s, i) => waitForHealth(ports[i]!, s.child)));
    log(`[load] ${instances} instances on ports ${ports.join(", ")}`);

    const base: Omit<TrafficPlan, "durationMs" | "warmupMs" | "users"> = {
      ports,
      thinkMs,
      password: DEMO_PASSWORD,
      opdUsers: opds
        .map((u) => ({ username: u.username, accounts: u.opd!.budgets.map((b) => b.accountCode) }))
        .filter((u) => u.accounts.length > 0),
      vendorUsers: vendors.map((v) => v.username),
      dashboardUsers: [
        { username: "walikota", paths: [...presets, "/mayor"] },
        { username: "admin", paths: presets.slice(0, 3) },
      ],
      ceilings: Object.fromEntries(ceilings.map((c) => [c.category, Number(c.maxPerPax)])),
      deliveryDays,
      log,
    };
    // CPU over the timed period: the machine's (all processes) and the app instances' own.
    const cpu: { start?: CpuReading; used?: CpuUsed } = {};
    // The generator's own event loop: when it lags, every latency it measures is late by as much.
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    const users = splitUsers(connections);
    const r = await runTraffic({
      ...base,
      onTimed: (phase) => {
        const now = readCpu(servers.map((s) => s.child.pid!));
        if (!now) return;
        if (phase === "start") {
          cpu.start = now;
          loopDelay.enable();
        } else if (cpu.start) {
          cpu.used = cpuBetween(cpu.start, now);
          loopDelay.disable();
        }
      },
      durationMs: durationS * 1000,
      warmupMs: warmupS * 1000,
      users,
    });
    const acknowledged = r.acknowledgedOrders;
    if (timelineFile) writeFileSync(timelineFile, r.timeline.map((t) => t.join(" ")).join("\n") + "\n");

    // The database afterwards: every acknowledged order exists once, nothing half-routed, every invariant.
    const ids = [...acknowledged];
    const [found] = await db.$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM "Order" WHERE id = ANY(${ids}::uuid[])`;
    const byStatus = Object.fromEntries(
      (
        await db.order.groupBy({
          by: ["status"],
          where: { eventName: { startsWith: "Rapat koordinasi beban uji" } },
          _count: true,
        })
      ).map((g) => [g.status, g._count]),
    );
    const invariants = await checkInvariants(db, new Date());
    const violations = Object.values(invariants).reduce((a, b) => a + b, 0);
    const seconds = r.elapsedMs / 1000;
    const kinds = Object.fromEntries(
      KINDS.map((k) => {
        const s = r.stats[k];
        return [
          k,
          {
            requests: s.samples.length + s.errors,
            errors: s.errors,
            refused: s.refused,
            rps: Math.round((s.samples.length / seconds) * 10) / 10,
            ...latencySummary(s.samples),
          },
        ];
      }),
    );
    const requests = KINDS.reduce((a, k) => a + r.stats[k].samples.length + r.stats[k].errors, 0);
    const errors = KINDS.reduce((a, k) => a + r.stats[k].errors, 0);
    const refused = KINDS.reduce((a, k) => a + Object.values(r.stats[k].refused).reduce((x, y) => x + y, 0), 0);
    const submitP95 = kinds.orderSubmit!.p95;
    const lost = ids.length - Number(found!.n);
    console.log(
      JSON.stringify({
        durationS: Math.round(seconds * 10) / 10,
        connections,
        instances,
        thinkMs,
        warmupS,
        // The instances' DASHBOARD_CACHE_SECONDS (the dashboards read snapshots that old at most; 0 = live).
        dashboardCacheS: Number(process.env.DASHBOARD_CACHE_SECONDS ?? DEFAULT_DASHBOARD_CACHE_SECONDS),
        users,
        requests,
        rps: Math.round((requests / seconds) * 10) / 10,
        errors,
        refused,
        kinds,
        // How busy the machine was (0–1, every process: app, PostgreSQL, this generator) and the app instances'
        // CPU per timed request — a capacity figure that varies less from run to run than latency does.
        cpu: cpu.used
          ? {
              machineBusy: Math.round(cpu.used.machineBusy * 100) / 100,
              appMsPerRequest: Math.round((cpu.used.appMs / Math.max(1, requests)) * 10) / 10,
              postgresMsPerRequest: Math.round((cpu.used.postgresMs / Math.max(1, requests)) * 10) / 10,
              generatorMsPerRequest: Math.round((cpu.used.generatorMs / Math.max(1, requests)) * 10) / 10,
              generatorLoopDelayP99Ms: Math.round(loopDelay.percentile(99) / 1e5) / 10,
            }
          : null,
        orders: { acknowledged: ids.length, lost, byStatus },
        invariants,
        violations,
        target: {
          orderSubmitP95Ms: TARGET_SUBMIT_P95_MS,
          ok: errors === 0 && violations === 0 && lost === 0 && submitP95 <= TARGET_SUBMIT_P95_MS,
        },
        errorSamples: r.errorSamples,
      }),
    );
  } catch (e) {
    for (const s of servers) if (s.output.length) console.error(s.output.slice(-30).join("\n"));
    throw e;
  } finally {
    await Promise.all(servers.map((s) => stopServer(s.child)));
    await db?.$disconnect();
    await database?.close();
  }
}

await main();
