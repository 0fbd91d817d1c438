// The background sweep inside each app process: expires overdue offers (re-routing them), routes any
// order left SUBMITTED, ends suspensions whose time is up and dispatches the notification outbox. State
// lives only in PostgreSQL, so a restart simply resumes; several app instances can sweep at once (rows are claimed with SKIP LOCKED).
// Between sweeps the outbox listener sends each message the moment its transaction commits (lib/jobs/outbox-listener.ts).
import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { expireDueOffers, routeStrandedOrders } from "@/lib/data/offers/expire-offers";
import { endExpiredSuspensions } from "@/lib/data/sanctions/end-expired-suspensions";
import { drainOutbox } from "@/lib/data/notifications/dispatch-outbox";
import { warnExpiringDocuments } from "@/lib/data/admin/document-expiry";
import { smtpMailer } from "@/lib/notifications/mailer";
import { configuredPusher } from "@/lib/notifications/push";
import { configuredGateway } from "@/lib/notifications/gateway";
import { env, runtimeEnv } from "@/lib/env";
import { listenForOutbox } from "@/lib/jobs/outbox-listener";

let started = false;

/** Every due outbox row, with the channels this process has configured. */
function dispatchDue() {
  return drainOutbox(db(), systemClock, {
    mailer: smtpMailer(),
    pusher: configuredPusher(),
    gateway: configuredGateway(),
    appUrl: env().APP_URL,
  });
}

export function startRoutingWorker(intervalMs = runtimeEnv().ROUTING_SWEEP_SECONDS * 1000): void {
  if (started || !(intervalMs > 0)) return;
  started = true;
  let running = false;
  const sweep = async () => {
    if (running) return;
    running = true;
    try {
      const expired = await expireDueOffers(db(), systemClock);
      const stranded = await routeStrandedOrders(db(), systemClock);
      const reinstated = await endExpiredSuspensions(db(), systemClock);
      const warned = await warnExpiringDocuments(db(), systemClock);
      const outbox = await dispatchDue();
      // Signed-out sessions need remembering only until their tokens would have expired anyway.
      await db().revokedSession.deleteMany({ where: { expiresAt: { lt: systemClock.now() } } });
      if (expired.length + stranded + reinstated + warned + outbox.sent + outbox.retrying + outbox.failed > 0) {
        console.log(
          `[sweep] ${expired.length} offers expired and re-routed, ${stranded} stranded orders routed, ${reinstated} suspensions ended, ${warned} document expiry warnings; outbox: ${outbox.sent} sent, ${outbox.retrying} retrying, ${outbox.failed} failed`,
        );
      }
    } catch (e) {
      console.error("[sweep] failed; will retry:", e instanceof Error ? e.message : e);
    } finally {
      running = false;
    }
  };
  void sweep();
  setInterval(sweep, intervalMs).unref();
  listenForOutbox({
    connectionString: env().DATABASE_URL,
    dispatch: async () => {
      const r = await dispatchDue();
      if (r.sent + r.retrying + r.failed > 0)
        console.log(`[outbox] ${r.sent} sent, ${r.retrying} retrying, ${r.failed} failed`);
    },
    onError: (e) => console.error("[outbox] listener:", e instanceof Error ? e.message : e),
  });
}
