import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { fileResponse, withErrorResponse } from "@/lib/http";
import { getPublicSpread } from "@/lib/data/public/public-spread";
import { listPublicAwards, PUBLIC_AWARDS_MAX } from "@/lib/data/public/list-awards";
import { renderSpreadCsv, renderSpreadXlsx } from "@/lib/documents/spread-csv";
import { ocdsReleasePackage, POLICY_PATH } from "@/lib/documents/ocds";

export const dynamic = "force-dynamic";

const FORMATS = ["csv", "csv-titik-koma", "xlsx", "ocds"] as const;
type Format = (typeof FORMATS)[number];

/** The publication policy page's absolute address (OCDS publicationPolicy, the workbook's notes). */
const policyUrl = () => new URL(POLICY_PATH, env().APP_URL).toString();

/**
 * GET the public spread for a period (and optionally one OPD, by code) — no login:
 * `csv` (one row per UMKM; comma-separated, "." decimals), `csv-titik-koma` (the same for Excel set to Indonesian:
 * ";" and "," decimals), `xlsx` (the same as a workbook) or `ocds` (an OCDS 1.1 release package of the period's
 * awards). The dialects are described on /transparansi/kebijakan.
 */
export async function GET(req: Request, ctx: { params: Promise<{ format: string }> }) {
  return withErrorResponse(async () => {
    const { format: given } = await ctx.params;
    if (!(FORMATS as readonly string[]).includes(given)) throw new AppError("NOT_FOUND");
    const format = given as Format;
    const url = new URL(req.url);
    const q = Object.fromEntries(["period", "from", "to", "opd"].map((k) => [k, url.searchParams.get(k) ?? undefined]));
    const view = await getPublicSpread(db(), { clock: systemClock, query: q });
    const { period } = view.spread;
    const scope = view.opd ? view.opd.code.toLowerCase() : "kota";
    const name = `mamin-merata-${scope}-${period.from}-${period.to}`;
    if (format === "csv" || format === "csv-titik-koma") {
      const dialect = format === "csv" ? "comma" : "semicolon";
      return fileResponse(
        await renderSpreadCsv(view.spread, dialect),
        `text/csv; charset=utf-8; header=present`,
        `${name}${dialect === "semicolon" ? "-titik-koma" : ""}.csv`,
      );
    }
    if (format === "xlsx") {
      const xlsx = await renderSpreadXlsx(view.spread, {
        scope: view.opd ? `${view.opd.code} — ${view.opd.name}` : "Seluruh OPD Kota Mojokerto",
        generatedAt: systemClock.now(),
        policyUrl: policyUrl(),
      });
      return fileResponse(xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", `${name}.xlsx`);
    }
    const awards = await listPublicAwards(db(), { period, opdId: view.opd?.id ?? null });
    if (awards.length > PUBLIC_AWARDS_MAX) throw new AppError("PERIOD_TOO_LONG", { max: PUBLIC_AWARDS_MAX });
    const pkg = ocdsReleasePackage(awards, {
      uri: new URL(url.pathname + url.search, env().APP_URL).toString(),
      publishedAt: systemClock.now(),
      publisher: "Pemerintah Kota Mojokerto — Diskopukmperindag (Mamin Merata)",
      ocidPrefix: env().OCDS_PREFIX,
      policyUrl: policyUrl(),
    });
    return fileResponse(
      Buffer.from(JSON.stringify(pkg, null, 1)),
      "application/json; charset=utf-8",
      `${name}.ocds.json`,
    );
  });
}
