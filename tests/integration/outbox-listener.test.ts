// The outbox wakes its dispatcher when a transaction commits a message that is due (trigger + LISTEN), not at the next
// sweep: a committed due row wakes it, a rolled-back one, an in-app row and a row held for the morning do not; the
// listener comes back after its connection is killed.
import { afterEach, describe, expect, it, vi } from "vitest";
import { testDb, testDbUrl } from "@/tests/support/integration-setup";
import { createUser } from "@/tests/factories";
import { listenForOutbox, type OutboxListener } from "@/lib/jobs/outbox-listener";

let listener: OutboxListener | null = null;
afterEach(async () => {
  await listener?.stop();
  listener = null;
});

async function row(userId: string, channel: "WHATSAPP" | "IN_APP", dueInMs: number, status = "PENDING") {
  await testDb().$executeRaw`
    INSERT INTO "Notification" (id, "userId", channel, kind, title, body, status, "nextAttemptAt")
    VALUES (gen_random_uuid(), ${userId}::uuid, ${channel}::"NotificationChannel", 'test', 'Judul', 'Isi',
            ${status}::"NotificationStatus", now() + ${`${dueInMs} milliseconds`}::interval)`;
}

/** Waits long enough for a NOTIFY to have arrived had one been sent (a round trip on the listener's connection). */
const settle = () => new Promise((r) => setTimeout(r, 300));

describe("outbox wake-up", () => {
  it("wakes once per committed statement with a due message, and not for what is not due or not committed", async () => {
    const db = testDb();
    const user = await createUser(db, { role: "ADMIN" });
    let wakes = 0;
    listener = listenForOutbox({ connectionString: testDbUrl(), dispatch: async () => void wakes++ });
    await listener.ready;
    await vi.waitFor(() => expect(wakes).toBe(1)); // the catch-up pass on connecting
    wakes = 0;

    await row(user.id, "WHATSAPP", 0);
    await vi.waitFor(() => expect(wakes).toBe(1));

    await row(user.id, "IN_APP", 0, "SENT");
    await row(user.id, "WHATSAPP", 9 * 3600_000); // quiet hours: sent by the sweep in the morning
    await db
      .$transaction(async (tx) => {
        await tx.$executeRaw`
          INSERT INTO "Notification" (id, "userId", channel, kind, title, body, status, "nextAttemptAt")
          VALUES (gen_random_uuid(), ${user.id}::uuid, 'WHATSAPP', 'test', 'Judul', 'Isi', 'PENDING', now())`;
        throw new Error("rolled back");
      })
      .catch(() => {});
    await settle();
    expect(wakes).toBe(1);
  });

  it("listens again after its connection is killed, and catches up on what fell due meanwhile", async () => {
    const db = testDb();
    const user = await createUser(db, { role: "ADMIN" });
    let wakes = 0;
    const errors: unknown[] = [];
    listener = listenForOutbox({
      connectionString: testDbUrl(),
      dispatch: async () => void wakes++,
      reconnectMs: 50,
      onError: (e) => errors.push(e),
    });
    await listener.ready;
    await vi.waitFor(() => expect(wakes).toBe(1));

    await db.$queryRaw`
      SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE application_name = 'mm-outbox-listener' AND datname = current_database()`;
    await vi.waitFor(() => expect(errors.length).toBeGreaterThan(0));
    // Back, with a catch-up pass; then a new message wakes it again.
    await vi.waitFor(() => expect(wakes).toBe(2), { timeout: 5_000 });
    await vi.waitFor(async () => {
      const [r] = await db.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE application_name = 'mm-outbox-listener' AND datname = current_database() AND query ILIKE 'LISTEN%'`;
      expect(r?.n).toBe(1);
    });
    await row(user.id, "WHATSAPP", 0);
    await vi.waitFor(() => expect(wakes).toBe(3));
  });

  it("folds wake-ups that arrive during a dispatch into one more pass", async () => {
    const db = testDb();
    const user = await createUser(db, { role: "ADMIN" });
    let passes = 0;
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    listener = listenForOutbox({
      connectionString: testDbUrl(),
      dispatch: async () => {
        passes++;
        await gate;
      },
    });
    await listener.ready;
    for (let i = 0; i < 5; i++) await row(user.id, "WHATSAPP", 0);
    await settle();
    expect(passes).toBe(1);
    release();
    await vi.waitFor(() => expect(passes).toBe(2));
    await settle();
    expect(passes).toBe(2);
  });
});
