// Wakes the outbox dispatcher the moment a message is due: a connection of its own LISTENs on `mm_outbox`, which the
// Notification table's trigger NOTIFYs when a transaction commits a PENDING row due now (migration
// 20261129214000_outbox_wake). Wake-ups that arrive while a dispatch runs are folded into one more run after it.
// The connection comes back after an error or a database restart; meanwhile the sweep still sends everything.
import { Client } from "pg";

export const OUTBOX_CHANNEL = "mm_outbox";

export interface OutboxListener {
  /** Resolves once the first LISTEN is in place (tests wait for it). */
  ready: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Calls `dispatch` after each wake-up, never two at once. `reconnectMs`: the wait before listening again after the
 * connection fails.
 */
export function listenForOutbox(opts: {
  connectionString: string;
  dispatch: () => Promise<unknown>;
  reconnectMs?: number;
  onError?: (e: unknown) => void;
}): OutboxListener {
  let stopped = false;
  let client: Client | null = null;
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let again = false;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((r) => (markReady = r));

  const wake = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await opts.dispatch();
      } while (again && !stopped);
    } catch (e) {
      opts.onError?.(e);
    } finally {
      running = false;
    }
  };

  const connect = async () => {
    if (stopped) return;
    const c = new Client({ connectionString: opts.connectionString, application_name: "mm-outbox-listener" });
    client = c;
    const retry = (e: unknown) => {
      if (client !== c) return;
      client = null;
      opts.onError?.(e);
      c.removeAllListeners();
      c.on("error", () => {});
      void c.end().catch(() => {});
      if (!stopped) timer = setTimeout(() => void connect(), opts.reconnectMs ?? 5_000);
      timer?.unref?.();
    };
    c.on("error", retry);
    c.on("end", () => retry(new Error("outbox listener connection ended")));
    c.on("notification", (n) => {
      if (n.channel === OUTBOX_CHANNEL) void wake();
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${OUTBOX_CHANNEL}`);
      markReady();
      // Whatever fell due while this connection was away.
      void wake();
    } catch (e) {
      retry(e);
    }
  };
  void connect();

  return {
    ready,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      const c = client;
      client = null;
      if (c) {
        c.removeAllListeners();
        c.on("error", () => {});
        await c.end().catch(() => {});
      }
      while (running) await new Promise((r) => setTimeout(r, 10));
    },
  };
}
