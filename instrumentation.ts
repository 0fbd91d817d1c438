// Next.js calls register() once per server process at start: begin the routing sweep there.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { startRoutingWorker } = await import("./lib/jobs/routing-worker");
    startRoutingWorker();
  }
}
