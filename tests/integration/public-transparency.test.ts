import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { Readable } from "node:stream";
import { testDb } from "@/tests/support/integration-setup";
import { createCity, orderInput } from "@/tests/factories/routing";
import { fixedClock } from "@/lib/clock";
import { submitOrder } from "@/lib/data/orders/submit-order";
import { acceptOffer } from "@/lib/data/offers/accept-offer";
import { confirmDelivery } from "@/lib/data/fulfilment/confirm-delivery";
import { reportFailure } from "@/lib/data/fulfilment/report-failure";
import { getPublicSpread } from "@/lib/data/public/public-spread";
import { getSpread } from "@/lib/data/dashboard/get-spread";
import { listPublicAwards } from "@/lib/data/public/list-awards";
import { ocdsReleasePackage } from "@/lib/documents/ocds";
import { TEST_OCDS_PREFIX } from "@/lib/domain/ocds-prefix";
import { renderSpreadCsv, SPREAD_CSV_HEADER } from "@/lib/documents/spread-csv";
import { renderDashboardXlsx } from "@/lib/documents/dashboard-xlsx";
import { getDashboard } from "@/lib/data/dashboard/get-dashboard";
import { parsePeriod } from "@/lib/domain/period";

/** The mayor's office reads the dashboard. */
const MAYOR = { id: null, role: "MAYOR" as const };

describe("the public transparency data", () => {
  it("shows the dashboard's spread, lists every award once, and exports both as CSV and OCDS without personal data", async () => {
    const db = testDb();
    const city = await createCity(db, {
      opds: 2,
      vendors: 3,
      pools: [
        [0, 1],
        [1, 2],
      ],
      capacity: 10_000,
    });
    const clock = fixedClock("2026-06-01T02:00:00Z");
    const staff = (i: number) => ({ id: city.opds[i]!.staffId, role: "OPD_STAFF" as const, opdId: city.opds[i]!.id });
    const vendorActor = (vendorId: string) => ({
      id: city.vendors.find((v) => v.id === vendorId)!.userId,
      role: "VENDOR" as const,
      vendorId,
    });
    const fates = ["deliver", "accept", "fail", "leave", "deliver"] as const;
    for (const [i, fate] of fates.entries()) {
      const r = await submitOrder(db, {
        clock,
        actor: staff(i % 2),
        input: orderInput({ pax: 20 + i, deliveryAt: new Date(`2026-06-1${i}T03:00:00Z`) }),
      });
      if (r.route?.kind !== "OFFERED" || fate === "leave") continue;
      await acceptOffer(db, { clock, actor: vendorActor(r.route.vendorId), offerId: r.route.offerId });
      const after = fixedClock(`2026-06-1${i}T04:00:00Z`);
      if (fate === "deliver")
        await confirmDelivery(db, {
          clock: after,
          actor: staff(i % 2),
          orderId: r.orderId,
          input: {
            deliveredAt: new Date(`2026-06-1${i}T03:00:00Z`),
            quantityReceived: 20 + i,
            rating: 5,
          },
        });
      if (fate === "fail")
        await reportFailure(db, {
          clock: after,
          actor: staff(i % 2),
          orderId: r.orderId,
          input: { type: "NOT_DELIVERED", evidence: "Tidak datang." },
        });
    }

    const view = await getPublicSpread(db, { clock, query: { period: "month:2026-06" } });
    const period = parsePeriod("month:2026-06")!;
    expect(view.spread).toEqual(await getSpread(db, { clock, period, opdId: null }));
    expect(view.query).toEqual({ period: "month:2026-06" });
    // One OPD by its code; an unknown code means the whole city.
    const one = await getPublicSpread(db, {
      clock,
      query: {
        period: "month:2026-06",
        opd: view.opds.find((o) => o.id === city.opds[0]!.id)!.code,
      },
    });
    expect(one.opd?.id).toBe(city.opds[0]!.id);
    expect(one.spread.vendors.map((v) => v.id).sort()).toEqual([city.vendors[0]!.id, city.vendors[1]!.id].sort());
    expect((await getPublicSpread(db, { clock, query: { period: "month:2026-06", opd: "NOPE" } })).opd).toBeNull();

    // Awards: the four accepted orders (delivered, to deliver, failed), none of the unanswered one.
    const awards = await listPublicAwards(db, { period, opdId: null });
    expect(awards).toHaveLength(4);
    expect(awards.map((a) => a.status).sort()).toEqual(["ACCEPTED", "DELIVERED", "DELIVERED", "FAILED"]);
    // The spread counts what UMKM keep: a failed order's value is not theirs.
    const kept = awards.filter((a) => a.status !== "FAILED");
    expect(kept.reduce((s, a) => s + a.total, 0)).toBe(view.spread.awarded);
    expect(await listPublicAwards(db, { period: parsePeriod("month:2026-07")!, opdId: null })).toEqual([]);

    const pkg = ocdsReleasePackage(awards, {
      uri: "http://localhost/api/public/transparansi/ocds?period=month:2026-06",
      publishedAt: clock.now(),
      publisher: "Pemerintah Kota Mojokerto",
      ocidPrefix: TEST_OCDS_PREFIX,
      policyUrl: "http://localhost/transparansi/kebijakan",
    });
    expect(pkg.version).toBe("1.1");
    expect(pkg.releases).toHaveLength(4);
    for (const [i, r] of pkg.releases.entries()) {
      const a = awards[i]!;
      expect(r.ocid).toBe(`${TEST_OCDS_PREFIX}-${a.number}`);
      expect(r.tag).toEqual(["award", "contract"]);
      const supplier = r.parties.find((p) => p.roles.includes("supplier"))!;
      expect(supplier).toMatchObject({ name: a.vendor.name, details: { scale: "sme" } });
      expect(r.parties.find((p) => p.roles.includes("buyer"))?.name).toBe(a.opd.name);
      expect(r.awards[0]!.value).toEqual({ amount: a.total, currency: "IDR" });
      expect(r.contracts[0]!.awardID).toBe(r.awards[0]!.id);
      expect(r.contracts[0]!.status).toBe(
        { ACCEPTED: "active", DELIVERED: "terminated", FAILED: "cancelled", CANCELLED: "cancelled" }[a.status],
      );
    }
    const text = JSON.stringify(pkg);
    for (const secret of ["081234567890", "Bu Ani", "npwp", "ownerName", "whatsapp"])
      expect(text).not.toContain(secret);

    // The CSV parses back to the same figures.
    const csv = await renderSpreadCsv(view.spread);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const wb = new ExcelJS.Workbook();
    const ws = await wb.csv.read(Readable.from(csv.subarray(3)));
    const rows = ws.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0]!.slice(1)).toEqual([...SPREAD_CSV_HEADER]);
    expect(rows).toHaveLength(1 + view.spread.vendors.length);
    const awardedSum = rows.slice(1).reduce((s, r) => s + Number(r[4]), 0);
    expect(awardedSum).toBe(view.spread.awarded);

    // Hostile business names (CSV formula injection): each is written as text in the CSV, and as a plain string
    // cell (never a formula) in the workbooks.
    const hostile = ['=HYPERLINK("http://evil.example","klik")', "+62 Catering", "-1+1", "@SUM(A1)", "\tTab", "\rCR"];
    for (const [i, v] of city.vendors.entries())
      await db.vendor.update({ where: { id: v.id }, data: { name: hostile[i]! } });
    const renamed = (
      await getPublicSpread(db, { clock: fixedClock("2026-06-01T03:00:00Z"), query: { period: "month:2026-06" } })
    ).spread;
    expect(renamed.vendors.every((v) => hostile.includes(v.name))).toBe(true);
    const csvText = (await renderSpreadCsv(renamed)).toString("utf8");
    const cells = csvText
      .split(/\r?\n/)
      .flatMap((line) => line.split(","))
      .map((c) => c.replace(/^"/, ""));
    for (const c of cells) expect(c, c).not.toMatch(/^[=+@\t\r]|^-(?!\d)/);
    for (const v of renamed.vendors) expect(csvText).toContain(`'${v.name.replace(/"/g, '""')}`);
    const xlsx = await renderDashboardXlsx(
      await getDashboard(db, { clock, actor: MAYOR, period, opdId: null }),
      "Kota",
      clock.now(),
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx as unknown as ArrayBuffer);
    let seen = 0;
    book.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type, `${sheet.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === "string" && hostile.includes(cell.value)) seen++;
        }),
      ),
    );
    expect(seen).toBeGreaterThan(0);
  });
});
