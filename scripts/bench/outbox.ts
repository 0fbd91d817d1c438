// `npm run bench:outbox -- [--messages 300] [--burst 5000] [--instances 2] [--sweep-seconds 15] [--json]`
// How well the notification outbox serves (issue 17): two app instances, each with its own connection pool, its
// LISTEN wake-up (lib/jobs/outbox-listener.ts) and its sweep, dispatch the same outbox with the real dispatcher and a
// stand-in push service that answers at once and records every delivery.
// 1. Latency: `--messages` offers' messages are committed one at a time (as routing does, one transaction each, a
//    few ms apart); the time from each commit to its delivery, with the wake-up and — for comparison — with the
//    sweep alone (what the portal did before: a message waited for the next sweep).
// 2. Burst: `--burst` messages committed at once, the time until the instances have delivered all of them.
// In both: every message delivered exactly once (duplicates and losses counted, never assumed).
// The last line printed is one JSON object.
import { createPrisma, type Db } from "@/lib/db/client";
import { systemClock } from "@/lib/clock";
import { dispatchOutbox, OUTBOX_BATCH } from "@/lib/data/notifications/dispatch-outbox";
import { listenForOutbox, type OutboxListener } from "@/lib/jobs/outbox-listener";
import type { Pusher } from "@/lib/notifications/push";
import { latencySummary, openBenchDatabase } from "./support";

const argv = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = argv.indexOf(name);
  const v = i >= 0 ? Number(argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 1) {
    console.error(`${name} must be a positive whole number`);
    process.exit(2);
  }
  return v;
};
const MESSAGES = arg("--messages", 300);
const BURST = arg("--burst", 5000);
const INSTANCES = arg("--instances", 2);
const SWEEP_SECONDS = arg("--sweep-seconds", 15);
const jsonOnly = argv.includes("--json");
const log = (m: string) => {
  if (!jsonOnly) console.error(m);
};

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
      for (;;) {
        const r = await dispatchOutbox(db, systemClock, { mailer: null, pusher: standIn });
        if (r.sent + r.retrying + r.failed < OUTBOX_BATCH) break;
      }
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
    console.log(JSON.stringify({ instances: INSTANCES, sweepSeconds: SWEEP_SECONDS, withWakeUp, sweepOnly, burst }));
  } finally {
    await producer.$disconnect();
    await bench.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
