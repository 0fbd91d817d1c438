// `npm run bench:outbox -- [--messages 300] [--burst 5000] [--instances 2] [--sweep-seconds 15] [--json]`
// How well the notification outbox serves (issue 17): two app instances, each with its own connection pool, its
// LISTEN wake-up (lib/jobs/outbox-listener.ts) and its sweep, dispatch the same outbox with the real dispatcher and a
// stand-in push service that answers at once and records every delivery.
// 1. Latency: `--messages` offers' messages are committed one at a time (as routing does, one transaction each, a
//    few ms apart); the time from each commit to its delivery, with the wake-up and — for comparison — with the
//    sweep alone (what the portal did before: a message waited for the next sweep).
// 2. Burst: `--burst` messages committed at once, the time until the instances have delivered all of them.
// In both: every message delivered exactly once (duplicates and losses counted, never assumed).
// 3. The same two runs with graphile-worker (a well-kept PostgreSQL queue, run here head to head): each message is a
//    job added by `graphile_worker.add_job()` in the producing transaction, worked by two runners (concurrency 1,
//    like the dispatcher) whose task does what the dispatcher does for a push row (find the subscriptions, send,
//    record the send). `--no-library` skips it.
// The last line printed is one JSON object.
import { createPrisma, type Db } from "@/lib/db/client";
import { systemClock } from "@/lib/clock";
import { drainOutbox } from "@/lib/data/notifications/dispatch-outbox";
import { listenForOutbox, type OutboxListener } from "@/lib/jobs/outbox-listener";
import type { Pusher } from "@/lib/notifications/push";
import { Logger, run as runWorker, runMigrations, type Runner } from "graphile-worker";
import { latencySummary, openBenchDatabase, positiveIntArg, progressLog } from "./support";

const argv = process.argv.slice(2);
const arg = (name: string, fallback: number) => positiveIntArg(argv, name, fallback);
const MESSAGES = arg("--messages", 300);
const BURST = arg("--burst", 5000);
const INSTANCES = arg("--instances", 2);
const SWEEP_SECONDS = arg("--sweep-seconds", 15);
const withLibrary = !argv.includes("--no-library");
const log = progressLog(argv);

/** Delivery times by message title, across instances. */
const delivered = new Map<string, number[]>();
const standIn: Pusher = {
  async send(_target, message) {
    const at = performance.now();
    const list = delivered.get(message.title);
    if (list) list.push(at);
    else delivered.set(message.title, [at]);
    return { gone: false };
  },
};

interface Instance {
  db: Db;
  listener: OutboxListener | null;
  sweep: NodeJS.Timeout;
}

function startInstance(url: string, wake: boolean): Instance {
  const db = createPrisma(url, 4);
  let running = false;
  const dispatchAll = async () => {
    if (running) return;
    running = true;
    try {
      await drainOutbox(db, systemClock, { mailer: null, pusher: standIn });
    } finally {
      running = false;
    }
  };
  const sweep = setInterval(() => void dispatchAll(), SWEEP_SECONDS * 1000);
  const listener = wake ? listenForOutbox({ connectionString: url, dispatch: dispatchAll }) : null;
  return { db, listener, sweep };
}

async function stopInstance(i: Instance) {
  clearInterval(i.sweep);
  await i.listener?.stop();
  await i.db.$disconnect();
}

async function commitMessages(db: Db, userId: string, titles: string[]) {
  await db.$executeRaw`
    INSERT INTO "Notification" (id, "userId", channel, kind, title, body, link, status, "nextAttemptAt")
    SELECT gen_random_uuid(), ${userId}::uuid, 'PUSH', 'offer', t, 'Tawaran baru: 20 porsi', '/tawaran/x', 'PENDING', now()
    FROM unnest(${titles}::text[]) t`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForAll(titles: string[], timeoutMs: number) {
  const until = performance.now() + timeoutMs;
  while (performance.now() < until && titles.some((t) => !delivered.has(t))) await sleep(5);
}

function tally(titles: string[], committed: Map<string, number>) {
  const latencies: number[] = [];
  let lost = 0;
  let duplicates = 0;
  for (const t of titles) {
    const at = delivered.get(t);
    if (!at) lost++;
    else {
      duplicates += at.length - 1;
      latencies.push(at[0]! - committed.get(t)!);
    }
  }
  return { lost, duplicates, latencies };
}

async function latencyRun(url: string, userId: string, producer: Db, wake: boolean, count: number) {
  const instances = Array.from({ length: INSTANCES }, () => startInstance(url, wake));
  await Promise.all(instances.map((i) => i.listener?.ready));
  await sleep(200);
  const committed = new Map<string, number>();
  const titles: string[] = [];
  for (let n = 0; n < count; n++) {
    const title = `${wake ? "wake" : "sweep"}-${n}`;
    titles.push(title);
    await commitMessages(producer, userId, [title]);
    committed.set(title, performance.now());
    await sleep(5 + Math.random() * 20);
  }
  await waitForAll(titles, SWEEP_SECONDS * 1000 + 10_000);
  await Promise.all(instances.map(stopInstance));
  const { lost, duplicates, latencies } = tally(titles, committed);
  return { messages: count, ...latencySummary(latencies), maxMs: Math.round(Math.max(...latencies)), lost, duplicates };
}

async function burstRun(url: string, userId: string, producer: Db) {
  const instances = Array.from({ length: INSTANCES }, () => startInstance(url, true));
  await Promise.all(instances.map((i) => i.listener?.ready));
  await sleep(200);
  const titles = Array.from({ length: BURST }, (_, n) => `burst-${n}`);
  const t0 = performance.now();
  await commitMessages(producer, userId, titles);
  const committed = new Map(titles.map((t) => [t, t0]));
  await waitForAll(titles, 120_000);
  const elapsed = performance.now() - t0;
  await Promise.all(instances.map(stopInstance));
  const { lost, duplicates } = tally(titles, committed);
  return {
    messages: BURST,
    seconds: Math.round(elapsed) / 1000,
    perSecond: Math.round((BURST - lost) / (elapsed / 1000)),
    lost,
    duplicates,
  };
}

// graphile-worker, head to head: the same producer and the same work per message, its own queue.
const quiet = new Logger(() => () => {});

async function startLibraryRunners(url: string): Promise<{ runners: Runner[]; dbs: Db[] }> {
  const runners: Runner[] = [];
  const dbs: Db[] = [];
  for (let i = 0; i < INSTANCES; i++) {
    const db = createPrisma(url, 4);
    dbs.push(db);
    runners.push(
      await runWorker({
        connectionString: url,
        concurrency: 1,
        pollInterval: SWEEP_SECONDS * 1000,
        noHandleSignals: true,
        logger: quiet,
        taskList: {
          deliver: async (payload) => {
            const { title, userId } = payload as { title: string; userId: string };
            const subs = await db.pushSubscription.findMany({ where: { userId } });
            for (const s of subs) {
              await standIn.send(s, { title, body: "Tawaran baru: 20 porsi", url: "/tawaran/x" });
              await db.pushSubscription.updateMany({ where: { id: s.id }, data: { lastSentAt: new Date() } });
            }
          },
        },
      }),
    );
  }
  return { runners, dbs };
}

async function addJobs(db: Db, userId: string, titles: string[]) {
  await db.$executeRaw`
    SELECT graphile_worker.add_job('deliver', json_build_object('title', t, 'userId', ${userId}::text))
    FROM unnest(${titles}::text[]) t`;
}

async function libraryRuns(url: string, userId: string, producer: Db) {
  await runMigrations({ connectionString: url, logger: quiet });
  let { runners, dbs } = await startLibraryRunners(url);
  const stop = async () => {
    await Promise.all(runners.map((r) => r.stop()));
    await Promise.all(dbs.map((d) => d.$disconnect()));
  };
  await sleep(500);
  const committed = new Map<string, number>();
  const titles: string[] = [];
  for (let n = 0; n < MESSAGES; n++) {
    const title = `gw-${n}`;
    titles.push(title);
    await addJobs(producer, userId, [title]);
    committed.set(title, performance.now());
    await sleep(5 + Math.random() * 20);
  }
  await waitForAll(titles, SWEEP_SECONDS * 1000 + 10_000);
  await stop();
  const l = tally(titles, committed);
  const latency = {
    messages: MESSAGES,
    ...latencySummary(l.latencies),
    maxMs: Math.round(Math.max(...l.latencies)),
    lost: l.lost,
    duplicates: l.duplicates,
  };
  log(`[bench:outbox] graphile-worker: ${JSON.stringify(latency)}`);
  ({ runners, dbs } = await startLibraryRunners(url));
  await sleep(500);
  const burstTitles = Array.from({ length: BURST }, (_, n) => `gw-burst-${n}`);
  const t0 = performance.now();
  await addJobs(producer, userId, burstTitles);
  await waitForAll(burstTitles, 120_000);
  const elapsed = performance.now() - t0;
  await stop();
  const b = tally(burstTitles, new Map(burstTitles.map((t) => [t, t0])));
  const burst = {
    messages: BURST,
    seconds: Math.round(elapsed) / 1000,
    perSecond: Math.round((BURST - b.lost) / (elapsed / 1000)),
    lost: b.lost,
    duplicates: b.duplicates,
  };
  log(`[bench:outbox] graphile-worker burst: ${JSON.stringify(burst)}`);
  return { name: "graphile-worker 0.16.6", withWakeUp: latency, burst };
}

async function main() {
  const bench = await openBenchDatabase("outbox");
  log(`[bench:outbox] ${bench.where}; ${INSTANCES} instances, sweep every ${SWEEP_SECONDS} s`);
  const producer = createPrisma(bench.url, 2);
  try {
    const user = await producer.user.create({
      data: { username: "admin-bench", name: "Admin bench", passwordHash: "x", role: "ADMIN" },
    });
    await producer.pushSubscription.create({
      data: { userId: user.id, endpoint: "https://push.example/bench", p256dh: "p", auth: "a" },
    });
    const withWakeUp = await latencyRun(bench.url, user.id, producer, true, MESSAGES);
    log(`[bench:outbox] with wake-up: ${JSON.stringify(withWakeUp)}`);
    // The sweep alone waits for its interval: a tenth of the messages is enough to show it.
    const sweepOnly = await latencyRun(bench.url, user.id, producer, false, Math.max(10, Math.round(MESSAGES / 10)));
    log(`[bench:outbox] sweep only: ${JSON.stringify(sweepOnly)}`);
    const burst = await burstRun(bench.url, user.id, producer);
    log(`[bench:outbox] burst: ${JSON.stringify(burst)}`);
    const library = withLibrary ? await libraryRuns(bench.url, user.id, producer) : null;
    console.log(
      JSON.stringify({ instances: INSTANCES, sweepSeconds: SWEEP_SECONDS, withWakeUp, sweepOnly, burst, library }),
    );
  } finally {
    await producer.$disconnect();
    await bench.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
