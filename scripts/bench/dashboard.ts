// `npm run bench:dashboard -- --orders 1000000 [--vendors 1000] [--opds 60] [--runs 30] [--json]`
// Generates that much order history (fiscal years 2024–2026; skewed so some UMKM get far more than others;
// statuses as in real use; a payable per delivered order, most paid) in a fresh database (embedded, or a new database on DATABASE_URL's server) — the
// orders go in through plain INSERTs, so the spend rollups are kept by their own trigger exactly as in the
// app — then times each data function the dashboard, the mayor's home and the public page call, for one
// fiscal year and for all time, against the floor: the minimal hand-written SQL for the same figures on the
// same data, over a bare pg connection. The last line printed is one JSON object:
// {"orders":N,"queries":{"<name>":{"p50":ms,"p95":ms}},"floorMs":{"<name>":ms},...}
import pg from "pg";
import { createPrisma, type Db } from "@/lib/db/client";
import { fixedClock } from "@/lib/clock";
import { getDashboard } from "@/lib/data/dashboard/get-dashboard";
import { getSpread } from "@/lib/data/dashboard/get-spread";
import { spendByVendor } from "@/lib/db/sql/spend";
import { getMayorHome } from "@/lib/data/home/get-mayor-home";
import { getDaysToPay } from "@/lib/data/dashboard/get-days-to-pay";
import { getPublicSpread } from "@/lib/data/public/public-spread";
import { parsePeriod, type Period } from "@/lib/domain/period";
import { latencySummary, openBenchDatabase, type BenchDatabase, positiveIntArg, progressLog } from "./support";

/** The mayor's office reads the dashboard. */
const MAYOR = { id: null, role: "MAYOR" as const };

const argv = process.argv.slice(2);
const arg = (name: string, fallback: number) => positiveIntArg(argv, name, fallback);
const ORDERS = arg("--orders", 1_000_000);
const VENDORS = arg("--vendors", 1000);
const OPDS = arg("--opds", 60);
const RUNS = arg("--runs", 30);
const log = progressLog(argv);
const YEARS = [2024, 2025, 2026];

/** The city and its history, in bulk SQL. */
async function generate(c: pg.Client) {
  await c.query(
    `INSERT INTO "Opd" (id, code, name, "updatedAt")
    SELECT gen_random_uuid(), 'OPD' || lpad(i::text, 3, '0'), 'Perangkat Daerah ' || i, now() FROM generate_series(1, $1) i`,
    [OPDS],
  );
  await c.query(`INSERT INTO "User" (id, username, name, "passwordHash", role, "opdId", "updatedAt")
    SELECT gen_random_uuid(), 'staf-' || lower(o.code), 'Staf ' || o.code, 'x', 'OPD_STAFF', o.id, now() FROM "Opd" o`);
  await c.query(
    `INSERT INTO "Vendor" (id, code, name, "ownerName", address, kelurahan, kecamatan, whatsapp, "dailyCapacityPax", "ekatalogStatus", "ekProductLive", "ekatalogUrl", "updatedAt")
    SELECT gen_random_uuid(), 'U' || lpad(i::text, 5, '0'), 'UMKM ' || i, 'Pemilik ' || i, 'Jl. Bench ' || i, 'Kelurahan', 'Kecamatan',
           '081200000000', 500, (ARRAY['BELUM', 'PROSES', 'TAYANG'])[1 + i % 3]::"EkatalogStatus", i % 3 = 2,
           CASE WHEN i % 3 = 2 THEN 'https://e-katalog.lkpp.go.id/produk/' || i END, now()
    FROM generate_series(1, $1) i`,
    [VENDORS],
  );
  await c.query(`INSERT INTO "Decree" (id, number, title, "effectiveFrom", status, "publishedAt", "updatedAt")
    VALUES (gen_random_uuid(), 'SK-BENCH', 'SK benchmark', '2024-01-01', 'IN_FORCE', now(), now())`);
  await c.query(`CREATE TEMP TABLE vm AS SELECT row_number() OVER (ORDER BY code) - 1 AS n, id FROM "Vendor"`);
  await c.query(
    `CREATE TEMP TABLE om AS SELECT row_number() OVER (ORDER BY o.code) - 1 AS n, o.id, u.id AS staff FROM "Opd" o JOIN "User" u ON u."opdId" = o.id`,
  );
  // Each UMKM serves two OPDs (its home OPD and another), so every pool has about 2 × vendors / OPDs UMKM.
  await c.query(
    `INSERT INTO "Allocation" (id, "decreeId", "opdId", "vendorId")
    SELECT DISTINCT ON (om.id, vm.id) gen_random_uuid(), (SELECT id FROM "Decree"), om.id, vm.id
    FROM vm JOIN om ON om.n = vm.n % $1 OR om.n = (vm.n * 7 + 3) % $1`,
    [OPDS],
  );
  await c.query(
    `INSERT INTO "Budget" (id, "opdId", "fiscalYear", "accountCode", "accountName", pagu, "updatedAt")
    SELECT gen_random_uuid(), om.id, y, '5.1.02.01.01.0052', 'Belanja Makanan dan Minuman Rapat', 5000000000, now()
    FROM om CROSS JOIN unnest($1::int[]) y`,
    [YEARS],
  );
  const chunk = 100_000;
  for (let done = 0; done < ORDERS; done += chunk) {
    const n = Math.min(chunk, ORDERS - done);
    // The UMKM is drawn with a skew (random()^2: low numbers far more often); its OPD is its home OPD.
    await c.query(
      `WITH g AS (
         SELECT $1::bigint + i AS k, floor($2 * random() ^ 2)::int AS v, floor(random() * 1096)::int AS d, random() AS r,
                10 + floor(random() * 90)::int AS pax, (ARRAY[25000, 35000, 45000])[1 + floor(random() * 3)::int] AS price
         FROM generate_series(1, $3) i)
       INSERT INTO "Order" (id, number, "opdId", "placedById", "budgetId", "eventName", "deliveryAt", "deliveryDay", place, "contactName",
                            "contactPhone", pax, category, "unitPrice", total, "fiscalYear", "accountCode", method, status, "idempotencyKey",
                            "payloadHash", "vendorId", "awardedAt", "cancelledAt", "cancelReason", "createdAt", "updatedAt")
       SELECT gen_random_uuid(), 'MM-' || extract(year FROM day)::int || '-' || lpad(g.k::text, 7, '0'), om.id, om.staff,
              (SELECT b.id FROM "Budget" b WHERE b."opdId" = om.id AND b."fiscalYear" = extract(year FROM day)::int),
              'Rapat ' || g.k, day + time '03:00', day, 'Aula', 'Staf', '081200000000', g.pax,
              CASE WHEN g.price = 25000 THEN 'KUDAPAN' ELSE 'MAKAN' END::"MenuCategory", g.price, g.pax * g.price,
              extract(year FROM day)::int, '5.1.02.01.01.0052', 'PENGADAAN_LANGSUNG',
              st.status::"OrderStatus", 'bench-' || g.k, 'x',
              CASE WHEN st.status IN ('DELIVERED', 'ACCEPTED', 'FAILED') THEN vm.id END,
              CASE WHEN st.status IN ('DELIVERED', 'ACCEPTED', 'FAILED') THEN day - interval '3 days' END,
              CASE WHEN st.status = 'CANCELLED' THEN day - interval '2 days' END,
              CASE WHEN st.status = 'CANCELLED' THEN 'Acara batal' END,
              day - interval '5 days', now()
       FROM g
       JOIN vm ON vm.n = g.v
       JOIN om ON om.n = vm.n % $4
       CROSS JOIN LATERAL (SELECT (date '2024-01-01' + g.d) AS day) dd
       CROSS JOIN LATERAL (SELECT CASE WHEN g.r < 0.80 THEN 'DELIVERED' WHEN g.r < 0.90 THEN 'ACCEPTED' WHEN g.r < 0.95 THEN 'CANCELLED'
                                       WHEN g.r < 0.98 THEN 'ESCALATED' WHEN g.r < 0.99 THEN 'OFFERED' ELSE 'FAILED' END AS status) st`,
      [done, VENDORS, n, OPDS],
    );
    log(`[bench] ${done + n}/${ORDERS} orders`);
  }
  // Failed orders carry their offer, the failure and a confirmed SP1.
  await c.query(`INSERT INTO "Offer" (id, "orderId", "vendorId", round, status, value, pax, "deliveryDay", "offeredAt", "expiresAt", "respondedAt")
    SELECT gen_random_uuid(), o.id, o."vendorId", 1, 'FAILED', o.total, o.pax, o."deliveryDay", o."awardedAt", o."awardedAt" + interval '1 hour', o."awardedAt"
    FROM "Order" o WHERE o.status = 'FAILED'`);
  await c.query(`INSERT INTO "Fulfilment" (id, "orderId", "offerId", "vendorId", outcome, "failureType", evidence, "createdAt")
    SELECT gen_random_uuid(), f."orderId", f.id, f."vendorId", 'FAILED', 'NOT_DELIVERED', 'Tidak datang', f."deliveryDay" + time '05:00' FROM "Offer" f`);
  await c.query(`INSERT INTO "Sanction" (id, "vendorId", "orderId", level, status, cause, "proposedAt")
    SELECT gen_random_uuid(), f."vendorId", f."orderId", 'SP1', 'CONFIRMED', 'Tidak mengantar', f."deliveryDay" + time '06:00' FROM "Offer" f`);
  // What the OPDs owe for the deliveries and what they paid (issue 20), as the app keeps it: a payable per delivered
  // order from its BAST; 95 % of those older than 30 days paid (a fifth of them late), 60 % of the rest; the
  // PaymentMonthly rollup is kept by its trigger.
  await c.query(`INSERT INTO "Payable" ("orderId", "opdId", "vendorId", "fiscalYear", amount, "bastAt", "invoiceStatus", "invoicedAt",
                                        "paidGross", "taxWithheld", "paidNet", "paidOn")
    SELECT o.id, o."opdId", o."vendorId", o."fiscalYear", o.total, b.bast,
           CASE WHEN pay.paid THEN 'ACCEPTED' WHEN pay.r < 0.5 THEN 'SUBMITTED' END::"InvoiceStatus",
           CASE WHEN pay.paid THEN b.bast + interval '1 day' END,
           CASE WHEN pay.paid THEN o.total ELSE 0 END,
           CASE WHEN pay.paid THEN o.total / 50 ELSE 0 END,
           CASE WHEN pay.paid THEN o.total - o.total / 50 ELSE 0 END,
           CASE WHEN pay.paid THEN (b.bast AT TIME ZONE 'Asia/Jakarta')::date + pay.wait END
    FROM "Order" o
    CROSS JOIN LATERAL (SELECT o."deliveryAt" + interval '2 hours' AS bast) b
    CROSS JOIN LATERAL (SELECT random() AS r, CASE WHEN random() < 0.8 THEN 3 + floor(random() * 12)::int
                                                   ELSE 15 + floor(random() * 40)::int END AS wait) w
    CROSS JOIN LATERAL (SELECT w.r, w.wait, (b.bast < timestamptz '2026-10-29' AND w.r < 0.95
                                             OR b.bast < timestamptz '2026-11-28' - w.wait * interval '1 day' AND w.r < 0.6) AS paid) pay
    WHERE o.status = 'DELIVERED'`);
  // Vacuumed and analysed, as autovacuum leaves a table soon after a bulk load: timings of the steady state, not of
  // autovacuum racing the first runs (and index-only scans need the visibility map).
  await c.query("VACUUM ANALYZE");
}

function stats(samples: number[]) {
  const { p50, p95 } = latencySummary(samples);
  return { p50, p95 };
}

async function time(runs: number, fn: () => Promise<unknown>) {
  await fn(); // warm
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return samples;
}

/**
 * The floors: the same figures in the fewest hand-written statements, on bare connections — over the monthly
 * rollup, as both timed periods are whole months.
 */
function floors(c: pg.Pool, period: Period) {
  const spend = (scope: string) =>
    c.query(
      `SELECT "vendorId", sum("awardedValue"), sum("awardedCount"), sum("deliveredValue"), sum("deliveredCount")
             FROM "SpendMonthly" WHERE month BETWEEN $1 AND $2 ${scope} GROUP BY "vendorId"`,
      [period.from, period.to],
    );
  const year = period.to.slice(0, 4);
  const spread = () =>
    c.query(
      `WITH s AS (SELECT "vendorId", sum("awardedValue") a, sum("deliveredValue") d, sum("awardedCount") n
                        FROM "SpendMonthly" WHERE month BETWEEN $1 AND $2 GROUP BY "vendorId"),
                  al AS (SELECT DISTINCT "vendorId" FROM "Allocation" WHERE "decreeId" = (SELECT id FROM "Decree" WHERE status = 'IN_FORCE' LIMIT 1))
             SELECT v.id, v.code, v.name, COALESCE(s.a, 0), COALESCE(s.d, 0), COALESCE(s.n, 0)
             FROM "Vendor" v LEFT JOIN s ON s."vendorId" = v.id WHERE v.id IN (SELECT "vendorId" FROM al) OR s."vendorId" IS NOT NULL`,
      [period.from, period.to],
    );
  // Escalations and the city-wide reserve (RoutingDaily), and the sanctions in force: what the dashboard and the
  // public page show beside the spread.
  const resilience = () => [
    c.query(
      `SELECT to_char(day, 'YYYY-MM'), "opdId", sum(orders), sum(escalated), sum(reserve) FROM "RoutingDaily"
             WHERE day BETWEEN $1 AND $2 GROUP BY 1, 2`,
      [`${year}-01-01` < period.from ? `${year}-01-01` : period.from, period.to],
    ),
    c.query(
      `SELECT DISTINCT ON ("vendorId") "vendorId", level FROM "Sanction" WHERE status = 'CONFIRMED' AND level IN ('SP2', 'SP3')
             AND ("endsAt" IS NULL OR "endsAt" > now()) ORDER BY "vendorId", level DESC`,
    ),
  ];
  // Days to pay (issue 20): the rollup's months, what is owed now per OPD, the oldest overdue deliveries.
  const overdueBefore = "2026-11-14T00:00:00+07:00";
  const payments = (withList: boolean) => [
    // The OPDs by name (the figures are per OPD, named).
    c.query(`SELECT id, code, name FROM "Opd" ORDER BY code`),
    c.query(
      `SELECT to_char(month, 'YYYY-MM'), "opdId", "paidCount", "paidGross", "daysFromBast", "invoicedCount", "daysFromInvoice"
             FROM "PaymentMonthly" WHERE month BETWEEN $1 AND $2 AND "paidCount" > 0`,
      [`${year}-01-01` < period.from ? `${year}-01-01` : period.from, period.to],
    ),
    c.query(
      `SELECT "opdId", count(*), sum(amount - "paidGross"), count(*) FILTER (WHERE "bastAt" < $1) FROM "Payable"
             WHERE "paidOn" IS NULL GROUP BY 1`,
      [overdueBefore],
    ),
    ...(withList
      ? [
          c.query(
            `SELECT p."orderId", p.amount, p."paidGross", p."invoiceStatus", p."bastAt", o.number, d.name, v.name
                   FROM "Payable" p JOIN "Order" o ON o.id = p."orderId" JOIN "Opd" d ON d.id = p."opdId"
                   JOIN "Vendor" v ON v.id = p."vendorId"
                   WHERE p."paidOn" IS NULL AND p."bastAt" < $1 ORDER BY p."bastAt" LIMIT 20`,
            [overdueBefore],
          ),
        ]
      : []),
  ];
  return {
    daysToPay: () => Promise.all(payments(true)),
    spendByVendor: () => spend(""),
    spread,
    publicSpread: () =>
      Promise.all([
        spread(),
        c.query(`SELECT id, code, name FROM "Opd" ORDER BY code`),
        ...resilience(),
        ...payments(false),
        c.query(`SELECT value FROM "Setting" WHERE key = 'rules'`),
      ]),
    dashboard: () =>
      Promise.all([
        spread(),
        c.query(
          `SELECT to_char(month, 'YYYY-MM'), "vendorId", sum("awardedValue"), sum("deliveredValue") FROM "SpendMonthly"
                 WHERE month BETWEEN $1 AND $2 GROUP BY 1, 2`,
          [`${year}-01-01`, `${year}-12-31`],
        ),
        c.query(
          `SELECT "opdId", sum("deliveredValue"), sum("awardedValue") FROM "SpendMonthly" WHERE month BETWEEN $1 AND $2 GROUP BY 1`,
          [`${year}-01-01`, `${year}-12-31`],
        ),
        c.query(`SELECT "opdId", sum(pagu) FROM "Budget" WHERE "fiscalYear" = $1 GROUP BY 1`, [Number(year)]),
        c.query(
          `SELECT count(*) FROM "Fulfilment" WHERE outcome = 'FAILED' AND "createdAt" >= $1 AND "createdAt" < $2::date + 1`,
          [period.from, period.to],
        ),
        c.query(
          `SELECT status, count(*) FROM "Sanction" WHERE "proposedAt" >= $1 AND "proposedAt" < $2::date + 1 GROUP BY 1`,
          [period.from, period.to],
        ),
        c.query(`SELECT "ekatalogStatus", count(*) FROM "Vendor" WHERE status <> 'REMOVED' GROUP BY 1`),
        ...resilience(),
        ...payments(true),
        c.query(`SELECT value FROM "Setting" WHERE key = 'rules'`),
      ]),
  };
}

async function main() {
  let database: BenchDatabase | undefined;
  let db: Db | undefined;
  let raw: pg.Client | undefined;
  let pool: pg.Pool | undefined;
  try {
    database = await openBenchDatabase("bench-dash");
    const url = database.url;
    raw = new pg.Client({ connectionString: url });
    await raw.connect();
    pool = new pg.Pool({ connectionString: url, max: 10 });
    pool.on("error", () => {}); // an idle connection closed when the server stops
    log(`[bench] generating ${ORDERS} orders, ${VENDORS} UMKM, ${OPDS} OPDs…`);
    const g0 = performance.now();
    await generate(raw);
    const generateSeconds = Math.round((performance.now() - g0) / 100) / 10;
    db = createPrisma(url, 10);
    const clock = fixedClock("2026-11-28T03:00:00Z");
    const fy = parsePeriod("year:2026")!;
    const all = parsePeriod("custom:2024-01-01..2026-12-31")!;
    const opd = await db.opd.findFirstOrThrow({ orderBy: { code: "asc" } });
    const cases: { name: string; run: () => Promise<unknown>; floor?: () => Promise<unknown> }[] = [];
    for (const [label, period] of [
      ["fy", fy],
      ["all", all],
    ] as const) {
      const f = floors(pool, period);
      cases.push(
        {
          name: `spendByVendor.${label}`,
          run: () => spendByVendor(db!, { from: period.from, to: period.to }),
          floor: f.spendByVendor,
        },
        { name: `getSpread.${label}`, run: () => getSpread(db!, { clock, period }), floor: f.spread },
        {
          name: `getDaysToPay.${label}`,
          run: () => getDaysToPay(db!, { clock, period, opdId: null, targetDays: 14 }),
          floor: f.daysToPay,
        },
        { name: `getSpread.opd.${label}`, run: () => getSpread(db!, { clock, period, opdId: opd.id }) },
        {
          name: `getDashboard.${label}`,
          run: () => getDashboard(db!, { clock, actor: MAYOR, period, opdId: null }),
          floor: f.dashboard,
        },
        {
          name: `getPublicSpread.${label}`,
          run: () =>
            getPublicSpread(db!, {
              clock,
              query: period.kind === "custom" ? { from: period.from, to: period.to } : { period: period.key },
            }),
          floor: f.publicSpread,
        },
      );
    }
    cases.push({
      name: "getMayorHome.fy",
      run: () => getMayorHome(db!, { clock: clock, actor: MAYOR }),
      floor: floors(pool, fy).spread,
    });
    const queries: Record<string, { p50: number; p95: number }> = {};
    const floorMs: Record<string, number> = {};
    const floorP95: Record<string, number> = {};
    const ratio: Record<string, number> = {};
    const medianRatio: Record<string, number> = {};
    for (const k of cases) {
      queries[k.name] = stats(await time(RUNS, k.run));
      if (k.floor) {
        // The floor's own median and p95, each compared with the same statistic of the function.
        const floor = stats(await time(RUNS, k.floor));
        floorMs[k.name] = floor.p50;
        floorP95[k.name] = floor.p95;
        ratio[k.name] = Math.round((queries[k.name]!.p95 / Math.max(floor.p95, 0.1)) * 100) / 100;
        medianRatio[k.name] = Math.round((queries[k.name]!.p50 / Math.max(floor.p50, 0.1)) * 100) / 100;
      }
      log(`[bench] ${k.name}: ${JSON.stringify(queries[k.name])}${k.floor ? ` floor ${floorMs[k.name]} ms` : ""}`);
    }
    const [rows] = (
      await raw.query(
        `SELECT (SELECT count(*) FROM "SpendDaily")::int AS n, (SELECT count(*) FROM "SpendMonthly")::int AS m,
                (SELECT count(*) FROM "Payable")::int AS p, (SELECT count(*) FROM "Payable" WHERE "paidOn" IS NULL)::int AS u`,
      )
    ).rows;
    console.log(
      JSON.stringify({
        orders: ORDERS,
        vendors: VENDORS,
        opds: OPDS,
        runs: RUNS,
        generateSeconds,
        rollupRows: { daily: rows.n, monthly: rows.m },
        payables: { total: rows.p, unpaid: rows.u },
        queries,
        floorMs,
        floorP95Ms: floorP95,
        p50OverFloor: medianRatio,
        p95OverFloor: ratio,
        worstP95: Math.max(...Object.values(queries).map((q) => q.p95)),
      }),
    );
  } finally {
    await raw?.end().catch(() => {});
    await pool?.end().catch(() => {});
    await db?.$disconnect();
    await database?.close();
  }
}

await main();
