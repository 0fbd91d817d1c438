import { db } from "@/lib/db";
import { checkHealth } from "@/lib/data/system/check-health";

export const dynamic = "force-dynamic";

/** Public by design: says only whether the app and its database answer. */
export async function GET() {
  const health = await checkHealth(db());
  return Response.json(health, { status: health.db === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
