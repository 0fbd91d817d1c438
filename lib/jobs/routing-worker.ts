// The background sweep inside each app process: expires overdue offers (re-routing them), routes any
// order left SUBMITTED and ends suspensions whose time is up. State lives only in PostgreSQL, so a
// restart simply resumes; several app instances can sweep at once (rows are claimed with SKIP LOCKED).
import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { expireDueOffers, routeStrandedOrders } from "@/lib/data/offers/expire-offers";
import { endExpiredSuspensions } from "@/lib/data/sanctions/end-expired-suspensions";

let started = false;

export function startRoutingWorker(intervalMs = Number(process.env.ROUTING_SWEEP_SECONDS ?? 15) * 1000): void {
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
      if (expired.length + stranded + reinstated > 0) {
        console.log(
          `[sweep] ${expired.length} offers expired and re-routed, ${stranded} stranded orders routed, ${reinstated} suspensions ended`,
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
}
