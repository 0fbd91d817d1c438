// `npm run bench:routing -- --scenario <file> [--concurrency N] [--json] [--vs-pgbench]`
// Loads a scenario into a fresh database (embedded, or a new database on DATABASE_URL's server) and
// runs every order through the product's own use cases on a simulated clock: submit (routes at once),
// the vendor's scripted answer (decline / let expire / accept), the expiry sweep, failures with their
// sanctions confirmed at once. The last line printed is one JSON object (../shared/bench/README.md);
// its totals and violation counts are computed from the database after the run. With --vs-pgbench, pgbench runs
// first on the same server (its own scale-10 database beside the benchmark's, 16 clients, -j 2, 15 s) and the
// result adds pgbenchTps and ratioToPgbench (orders per second / pgbench TPS): a figure comparable across machines.
import { readFileSync } from "node:fs";
import path from "node:path";
import { createPrisma, type Db } from "@/lib/db/client";
import { rawSql } from "@/lib/db/raw";
import { fixedClock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { submitOrder } from "@/lib/data/orders/submit-order";
import { acceptOffer } from "@/lib/data/offers/accept-offer";
import { declineOffer } from "@/lib/data/offers/decline-offer";
import { expireDueOffers } from "@/lib/data/offers/expire-offers";
import { reportFailure } from "@/lib/data/fulfilment/report-failure";
import { decideSanction } from "@/lib/data/sanctions/decide-sanction";
import { endExpiredSuspensions } from "@/lib/data/sanctions/end-expired-suspensions";
import type { RouteOutcome } from "@/lib/data/routing/route-order";
import { checkInvariants } from "@/lib/data/routing/check-invariants";
import { measurePgbench, openBenchDatabase, percentile, type BenchDatabase } from "./support";
import { BENCH_ACCOUNT, loadScenario, scenarioSchema, type LoadedScenario, type Scenario } from "./scenario";

const argv = process.argv.slice(2);
const arg = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const scenarioFile = arg("--scenario");
const concurrency = Math.max(1, Number(arg("--concurrency") ?? 1));
const jsonOnly = argv.includes("--json");
// Diagnostics: with --pg-stats (and the server started with shared_preload_libraries=pg_stat_statements,
// e.g. EMBEDDED_PG_FLAGS="-c shared_preload_libraries=pg_stat_statements"), the statements that took the
// most database time are printed to stderr before the result.
const pgStats = argv.includes("--pg-stats");
const vsPgbench = argv.includes("--vs-pgbench");
if (!scenarioFile) {
  console.error("usage: npm run bench:routing -- --scenario <file.json> [--concurrency N] [--json]");
  process.exit(2);
}
const log = (m: string) => {
  if (!jsonOnly) console.error(m);
};

const FAILURE_TYPE = { NOT_DELIVERED: "NOT_DELIVERED", LATE: "VERY_LATE", SHORT_QUANTITY: "SHORT_QUANTITY" } as const;

async function run(db: Db, s: Scenario, ids: LoadedScenario) {
  const responses = new Map(s.responses.map((r) => [`${r.order}|${r.vendor}`, r.response]));
  const failures = new Map(s.failures.map((f) => [f.order, f.type]));
  const vendorCode = new Map([...ids.vendorIds].map(([code, id]) => [id, code]));
  const orders = [...s.orders].sort((a, b) => a.submitAt.localeCompare(b.submitAt));
  const refOf = new Map<string, string>(); // orderId → ref
  const accepted: { orderId: string; ref: string; deliverAt: string; opd: string }[] = [];
  const latencies: number[] = [];
  let rejected = 0;
  const rejectReasons: Record<string, number> = {};
  const admin = { id: ids.adminId, role: "ADMIN" as const };

  // The vendor's scripted answer to each offer it gets; an EXPIRE leaves it to the expiry sweep.
  const answer = async (
    orderId: string,
    outcome: RouteOutcome | null,
    at: Date,
  ): Promise<"ACCEPTED" | "WAITING" | "ESCALATED"> => {
    let o = outcome;
    const clock = fixedClock(at);
    while (o && o.kind === "OFFERED") {
      const code = vendorCode.get(o.vendorId)!;
      const scripted = responses.get(`${refOf.get(orderId)}|${code}`);
      const actor = { id: ids.vendorUsers.get(code)!, role: "VENDOR" as const, vendorId: o.vendorId };
      if (scripted === "EXPIRE") return "WAITING";
      if (scripted === "DECLINE") {
        o = (await declineOffer(db, { clock, actor, offerId: o.offerId, reason: "Tidak sanggup (skenario)" })).route;
        continue;
      }
      await acceptOffer(db, { clock, actor, offerId: o.offerId });
      return "ACCEPTED";
    }
    return "ESCALATED";
  };

  // The benchmark's own bookkeeping (the next deadline, whether an order is still awaiting delivery) is not the
  // app's work: asked on the hot path's connection pool (lib/db/raw.ts), so it costs the run as little as it can.
  const raw = rawSql(db);
  // The expiry sweep runs at each deadline in turn (as the app's sweep would), not late at the next batch.
  const sweepUntil = async (at: Date) => {
    for (;;) {
      const [next] = await raw.$queryRaw<{ due: Date | null }[]>`
        SELECT min("expiresAt") AS due FROM "Offer" WHERE status = 'PENDING'`;
      const due = next?.due ?? null;
      if (!due || due.getTime() > at.getTime()) return;
      const when = new Date(due.getTime() + 1);
      const expired = await expireDueOffers(db, fixedClock(when), 500);
      for (const e of expired) await answer(e.orderId, e.route, when);
    }
  };

  // Failures are reported by the OPD at delivery time; the admin confirms the sanction at once.
  const settleDue = async (at: Date) => {
    const due = accepted.filter((a) => a.deliverAt <= at.toISOString());
    for (const a of due) {
      accepted.splice(accepted.indexOf(a), 1);
      const type = failures.get(a.ref);
      if (!type) continue;
      const staff = ids.opdStaff.get(a.opd)!;
      const clock = fixedClock(new Date(new Date(a.deliverAt).getTime() + 30 * 60_000));
      const [order] = await raw.$queryRaw<{ status: string }[]>`
        SELECT status::text AS status FROM "Order" WHERE id = ${a.orderId}::uuid`;
      if (order?.status !== "ACCEPTED") continue;
      const r = await reportFailure(db, {
        clock,
        actor: { id: staff.userId, role: "OPD_STAFF", opdId: staff.opdId },
        orderId: a.orderId,
        input: {
          type: FAILURE_TYPE[type],
          evidence: `Kegagalan dari skenario: ${type}`,
        },
      });
      if (r.outcome === "FAILED")
        await decideSanction(db, {
          clock,
          actor: admin,
          sanctionId: r.sanctionId,
          input: {
            decision: "CONFIRM",
            reason: "Konfirmasi otomatis (benchmark)",
          },
        });
      if (r.outcome === "FAILED" && r.rerouted) await answer(a.orderId, r.rerouted, clock.now());
    }
  };

  // Where the run's time goes, phase by phase (each round: the sweep, suspensions ending, failures settled, then the
  // submissions until the last is routed, then the vendors' answers until the last is in).
  const phases = { sweep: 0, suspensions: 0, settle: 0, submit: 0, answers: 0 };
  const timed = async (phase: keyof typeof phases, work: () => Promise<unknown>) => {
    const t = performance.now();
    await work();
    phases[phase] += performance.now() - t;
  };
  const started = performance.now();
  // The app's own CPU over the run (this process: the use cases, the SQL round trips' client side), which does not
  // wait on the database or on a noisy neighbour the way the wall clock does.
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < orders.length; i += concurrency) {
    const batch = orders.slice(i, i + concurrency);
    const batchTime = new Date(batch[0]!.submitAt);
    await timed("sweep", () => sweepUntil(batchTime));
    await timed("suspensions", () => endExpiredSuspensions(db, fixedClock(batchTime)));
    await timed("settle", () => settleDue(batchTime));
    const roundStart = performance.now();
    let lastRouted = roundStart;
    await Promise.all(
      batch.map(async (o) => {
        const staff = ids.opdStaff.get(o.opd);
        if (!staff) throw new Error(`order ${o.ref} names unknown OPD ${o.opd}`);
        const at = new Date(o.submitAt);
        const t0 = performance.now();
        try {
          const r = await submitOrder(db, {
            clock: fixedClock(at),
            actor: { id: staff.userId, role: "OPD_STAFF", opdId: staff.opdId },
            input: {
              idempotencyKey: `bench-${o.ref}`,
              eventName: `Kegiatan ${o.ref}`,
              deliveryAt: new Date(o.deliverAt),
              place: "Kantor OPD",
              contactName: "Staf pengadaan",
              contactPhone: "081234567890",
              pax: o.pax,
              category: o.category,
              unitPrice: o.unitPrice,
              accountCode: BENCH_ACCOUNT,
              method: o.method,
            },
          });
          latencies.push(performance.now() - t0);
          lastRouted = Math.max(lastRouted, performance.now());
          refOf.set(r.orderId, o.ref);
          const answered = r.duplicate ? "WAITING" : await answer(r.orderId, r.route, at);
          if (answered === "ACCEPTED")
            accepted.push({ orderId: r.orderId, ref: o.ref, deliverAt: o.deliverAt, opd: o.opd });
        } catch (e) {
          if (e instanceof AppError) {
            rejected++;
            rejectReasons[e.code] = (rejectReasons[e.code] ?? 0) + 1;
            return;
          }
          throw e;
        }
      }),
    );
    phases.submit += lastRouted - roundStart;
    phases.answers += performance.now() - lastRouted;
    if (!jsonOnly && (i / concurrency) % 50 === 0)
      log(`[bench] ${Math.min(i + concurrency, orders.length)}/${orders.length} orders`);
  }
  // Run the clock to the end of the year: every pending offer expires and re-routes, every failure is settled.
  const end = new Date(Date.UTC(s.fiscalYear + 1, 0, 1));
  await sweepUntil(end);
  // Orders re-routed by the sweep and accepted then may still carry failures.
  const acceptedNow = await db.order.findMany({
    where: { status: "ACCEPTED" },
    select: { id: true, deliveryAt: true, opd: { select: { code: true } } },
  });
  for (const a of acceptedNow) {
    const ref = refOf.get(a.id);
    if (ref && failures.has(ref) && !accepted.some((x) => x.orderId === a.id))
      accepted.push({ orderId: a.id, ref, deliverAt: a.deliveryAt.toISOString(), opd: a.opd.code });
  }
  await settleDue(end);
  await sweepUntil(end);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const appCpuMsPerOrder = Math.round(((cpu.user + cpu.system) / 1000 / orders.length) * 1000) / 1000;
  const phaseSeconds = Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, Math.round(v / 10) / 100]));
  return {
    seconds,
    appCpuMsPerOrder,
    phaseSeconds,
    latencies: latencies.sort((a, b) => a - b),
    rejected,
    rejectReasons,
    end,
  };
}

async function main() {
  const file = path.resolve(process.cwd(), scenarioFile!);
  const scenario = scenarioSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  let database: BenchDatabase | undefined;
  let db: Db | undefined;
  try {
    database = await openBenchDatabase("bench");
    // The floor first, so both figures come from the same server in the same minute.
    const floor = vsPgbench ? await measurePgbench(database.server, { clients: 16, seconds: 15, log }) : null;
    if (floor) log(`[pgbench] ${floor.tps} TPS (${floor.pgbench})`);
    db = createPrisma(database.url, Number(process.env.BENCH_POOL_MAX ?? Math.min(40, concurrency * 2 + 4)));
    log(
      `[bench] ${scenario.name}: ${scenario.orders.length} orders, ${scenario.vendors.length} vendors, ${scenario.opds.length} OPDs; concurrency ${concurrency}; ${database.where}`,
    );
    const ids = await loadScenario(db, scenario);
    if (pgStats) await db.$executeRawUnsafe("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    if (pgStats) await db.$executeRawUnsafe("SELECT pg_stat_statements_reset()");
    const r = await run(db, scenario, ids);
    if (pgStats) {
      const top = await db.$queryRawUnsafe<
        { calls: bigint; total: number; mean: number; plan: number; query: string }[]
      >(
        `SELECT calls, round(total_exec_time::numeric, 1)::float AS total, round(mean_exec_time::numeric, 3)::float AS mean,
                round(total_plan_time::numeric, 1)::float AS plan,
                left(regexp_replace(query, '\\s+', ' ', 'g'), 160) AS query
         FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 25`,
      );
      for (const t of top) console.error(`${t.total}ms (+${t.plan}ms planning) ${t.calls}x ${t.mean}ms ${t.query}`);
      // Top-level statements only (what the app sends): how many per order, and their database time.
      const [sum] = await db.$queryRawUnsafe<{ calls: bigint; total: number }[]>(
        `SELECT sum(calls)::bigint AS calls, round(sum(total_exec_time)::numeric, 1)::float AS total
         FROM pg_stat_statements WHERE toplevel`,
      );
      console.error(
        `top-level statements: ${sum!.calls} (${(Number(sum!.calls) / scenario.orders.length).toFixed(1)} per order), ${sum!.total} ms`,
      );
    }
    const inv = await checkInvariants(db, r.end);
    const byStatus = Object.fromEntries(
      (await db.order.groupBy({ by: ["status"], _count: true })).map((g) => [g.status, g._count]),
    );
    const totals = await db.$queryRaw<{ code: string; total: bigint }[]>`
      SELECT v.code, COALESCE(sum(f.value) FILTER (WHERE f.status IN ('ACCEPTED', 'FAILED')), 0)::bigint AS total
      FROM "Vendor" v LEFT JOIN "Offer" f ON f."vendorId" = v.id GROUP BY v.code ORDER BY v.code`;
    const everAccepted = await db.$queryRaw<
      { n: bigint }[]
    >`SELECT count(DISTINCT "orderId") AS n FROM "Offer" WHERE status IN ('ACCEPTED', 'FAILED')`;
    const offers = await db.offer.count();
    const outcomes = Object.fromEntries(
      (await db.routingDecision.groupBy({ by: ["outcome"], _count: true })).map((g) => [g.outcome, g._count]),
    );
    const exclusionRows = await db.$queryRaw<{ reason: string; n: bigint }[]>`
      SELECT e->>'reason' AS reason, count(*) AS n FROM "RoutingDecision" d, jsonb_array_elements(d.exclusions) e GROUP BY 1 ORDER BY 2 DESC`;
    // Issue 15's figures: why orders ended with an admin (each escalated order's last decision), how many
    // orders the city-wide reserve served (awarded to a vendor offered from the reserve), the sanctions
    // confirmed by level, and the vendors suspended or removed when the year ends.
    const escalationRows = await db.$queryRaw<{ reason: string; n: bigint }[]>`
      SELECT split_part(d.outcome, ':', 2) AS reason, count(*) AS n
      FROM "Order" o
      JOIN LATERAL (SELECT r.outcome FROM "RoutingDecision" r WHERE r."orderId" = o.id ORDER BY r.round DESC LIMIT 1) d ON true
      WHERE o.status = 'ESCALATED' GROUP BY 1 ORDER BY 2 DESC`;
    const [reserve] = await db.$queryRaw<{ offered: bigint; awarded: bigint }[]>`
      SELECT count(*) FILTER (WHERE d.outcome = 'OFFERED') AS offered,
             count(*) FILTER (WHERE f.status IN ('ACCEPTED', 'FAILED')) AS awarded
      FROM "RoutingDecision" d LEFT JOIN "Offer" f ON f."decisionId" = d.id
      WHERE d.scope = 'RESERVE'`;
    const sanctionRows = await db.$queryRaw<{ level: string; status: string; n: bigint }[]>`
      SELECT level::text, status::text, count(*) AS n FROM "Sanction" GROUP BY 1, 2`;
    const vendorRows = await db.$queryRaw<{ status: string; n: bigint }[]>`
      SELECT status::text, count(*) AS n FROM "Vendor" GROUP BY 1`;
    const count = (rows: { n: bigint }[], pick: (r: never) => boolean) =>
      rows.filter((r) => pick(r as never)).reduce((a, r) => a + Number(r.n), 0);
    const result = {
      scenario: scenario.name,
      orders: scenario.orders.length,
      awarded: Number(everAccepted[0]!.n),
      escalated: byStatus.ESCALATED ?? 0,
      rejected: r.rejected,
      failed: byStatus.FAILED ?? 0,
      offers,
      concurrency,
      seconds: Math.round(r.seconds * 100) / 100,
      ordersPerSecond: Math.round((scenario.orders.length / r.seconds) * 10) / 10,
      appCpuMsPerOrder: r.appCpuMsPerOrder,
      phaseSeconds: r.phaseSeconds,
      latencyMs: {
        p50: percentile(r.latencies, 50),
        p95: percentile(r.latencies, 95),
        p99: percentile(r.latencies, 99),
      },
      vendorTotals: Object.fromEntries(totals.map((t) => [t.code, Number(t.total)])),
      capacityViolations: inv.capacityViolations,
      doubleAwards: inv.doubleAwards,
      lostOrders: inv.lostOrders,
      fairnessViolations: inv.fairnessViolations,
      budgetMismatches: inv.budgetMismatches,
      awardRollupMismatches: inv.awardRollupMismatches,
      rejectReasons: r.rejectReasons,
      decisionOutcomes: outcomes,
      exclusionReasons: Object.fromEntries(exclusionRows.map((x) => [x.reason, Number(x.n)])),
      ordersByStatus: byStatus,
      escalatedShare: Math.round(((byStatus.ESCALATED ?? 0) / scenario.orders.length) * 10000) / 10000,
      escalationsByCause: Object.fromEntries(escalationRows.map((x) => [x.reason, Number(x.n)])),
      reserveOffers: Number(reserve!.offered),
      servedByReserve: Number(reserve!.awarded),
      sanctionsByLevel: Object.fromEntries(
        ["SP1", "SP2", "SP3"].map((level) => [
          level,
          count(sanctionRows, (r: { level: string; status: string }) => r.level === level && r.status === "CONFIRMED"),
        ]),
      ),
      vendorsSuspendedAtEnd: count(vendorRows, (r: { status: string }) => r.status === "SUSPENDED"),
      vendorsRemovedAtEnd: count(vendorRows, (r: { status: string }) => r.status === "REMOVED"),
      ...(floor
        ? {
            pgbenchTps: floor.tps,
            ratioToPgbench: Math.round((scenario.orders.length / r.seconds / floor.tps) * 1000) / 1000,
            pgbench: floor.pgbench,
          }
        : {}),
    };
    console.log(JSON.stringify(result));
  } finally {
    await db?.$disconnect();
    await database?.close();
  }
}

await main();
