import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { fileResponse, withErrorResponse } from "@/lib/http";
import { getPublicSpread } from "@/lib/data/public/public-spread";
import { listPublicAwards, PUBLIC_AWARDS_MAX } from "@/lib/data/public/list-awards";
import { renderSpreadCsv } from "@/lib/documents/spread-csv";
import { ocdsReleasePackage } from "@/lib/documents/ocds";

export const dynamic = "force-dynamic";

/**
 * GET the public spread for a period (and optionally one OPD, by code) — no login:
 * `csv` (one row per UMKM) or `ocds` (an OCDS 1.1 release package of the period's awards).
 */
export async function GET(req: Request, ctx: { params: Promise<{ format: string }> }) {
  return withErrorResponse(async () => {
    const { format } = await ctx.params;
    if (format !== "csv" && format !== "ocds") throw new AppError("NOT_FOUND");
    const url = new URL(req.url);
    const q = Object.fromEntries(["period", "from", "to", "opd"].map((k) => [k, url.searchParams.get(k) ?? undefined]));
    const view = await getPublicSpread(db(), systemClock, q);
    const { period } = view.spread;
    const scope = view.opd ? view.opd.code.toLowerCase() : "kota";
    const name = `mamin-merata-${scope}-${period.from}-${period.to}`;
    if (format === "csv") {
      return fileResponse(await renderSpreadCsv(view.spread), "text/csv; charset=utf-8", `${name}.csv`);
    }
    const awards = await listPublicAwards(db(), period, view.opd?.id ?? null);
    if (awards.length > PUBLIC_AWARDS_MAX) throw new AppError("PERIOD_TOO_LONG", { max: PUBLIC_AWARDS_MAX });
    const pkg = ocdsReleasePackage(awards, {
      uri: url.toString(),
      publishedAt: systemClock.now(),
      publisher: "Pemerintah Kota Mojokerto — Diskopukmperindag (Mamin Merata)",
    });
    return fileResponse(
      Buffer.from(JSON.stringify(pkg, null, 1)),
      "application/json; charset=utf-8",
      `${name}.ocds.json`,
    );
  });
}
