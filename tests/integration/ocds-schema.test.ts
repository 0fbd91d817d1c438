// Open data that validates (issue 22): every OCDS release package the portal can publish — city-wide and per OPD, an
// empty period, a period with delivered, pending, failed and cancelled orders — is valid against the official OCDS
// 1.1 release-package and release schemas (tests/fixtures/ocds-1.1, unmodified, JSON Schema draft-04, checked with
// ajv), and passes the checks the OCDS Data Review Tool makes beyond the schema: a registered-form ocid prefix, unique
// release ids, dates in order, currency IDR, positive amounts. The public table's downloads are read back with
// readers independent of the library that writes them (read-excel-file for the workbook, csv-parse for the CSVs).
import { beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import readXlsxFile from "read-excel-file/node";
import { parse as parseCsv } from "csv-parse/sync";
import { testDb } from "@/tests/support/integration-setup";
import { createCity, orderInput } from "@/tests/factories/routing";
import { fixedClock } from "@/lib/clock";
import { submitOrder } from "@/lib/data/orders/submit-order";
import { acceptOffer } from "@/lib/data/offers/accept-offer";
import { confirmDelivery } from "@/lib/data/fulfilment/confirm-delivery";
import { reportFailure } from "@/lib/data/fulfilment/report-failure";
import { cancelOrder } from "@/lib/data/orders/cancel-order";
import { submitInvoice } from "@/lib/data/payments/submit-invoice";
import { reviewInvoice } from "@/lib/data/payments/review-invoice";
import { recordPayment } from "@/lib/data/payments/record-payment";
import { reversePayment } from "@/lib/data/payments/reverse-payment";
import { listPublicAwards } from "@/lib/data/public/list-awards";
import { getPublicSpread } from "@/lib/data/public/public-spread";
import { ocdsReleasePackage, POLICY_PATH } from "@/lib/documents/ocds";
import { renderSpreadCsv, renderSpreadXlsx, SPREAD_CSV_HEADER, SPREAD_XLSX_HEADER } from "@/lib/documents/spread-csv";
import { isOcdsPrefix, TEST_OCDS_PREFIX } from "@/lib/domain/ocds-prefix";
import { parsePeriod, type Period } from "@/lib/domain/period";

const SCHEMAS = path.join(process.cwd(), "tests", "fixtures", "ocds-1.1");
const schema = (name: string) => JSON.parse(readFileSync(path.join(SCHEMAS, name), "utf8"));

function validator() {
  // The OCDS schemas are draft-04 and use their own annotation keywords (codelist, openCodelist, deprecated…):
  // ajv is told to accept unknown keywords rather than to drop the official files' metadata.
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema(schema("release-schema.json"));
  return ajv.compile(schema("release-package-schema.json"));
}

type Pkg = ReturnType<typeof ocdsReleasePackage>;

/** What the OCDS Data Review Tool checks beyond the schema, as a list of problems (empty when all is well). */
function reviewProblems(pkg: Pkg): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  let previous = "";
  for (const r of pkg.releases) {
    const prefix = r.ocid.split("-").slice(0, 2).join("-");
    if (!isOcdsPrefix(prefix)) problems.push(`${r.ocid}: the ocid does not start with a registered-form prefix`);
    if (ids.has(`${r.ocid}|${r.id}`)) problems.push(`${r.id}: release id repeated`);
    ids.add(`${r.ocid}|${r.id}`);
    if (r.date < previous) problems.push(`${r.id}: releases out of date order`);
    previous = r.date;
    if (r.date > pkg.publishedDate) problems.push(`${r.id}: dated after the package was published`);
    const award = r.awards[0]!;
    const contract = r.contracts[0]!;
    if (award.date > r.date) problems.push(`${r.id}: award dated after its release`);
    if (contract.dateSigned < award.date) problems.push(`${r.id}: contract signed before the award`);
    if (contract.period.startDate > contract.period.endDate) problems.push(`${r.id}: contract period ends first`);
    const amounts = [award.value, contract.value, ...award.items.map((i) => i.unit.value)];
    for (const v of amounts) {
      if (v.currency !== "IDR") problems.push(`${r.id}: currency ${v.currency}`);
      if (!(v.amount > 0)) problems.push(`${r.id}: amount ${v.amount}`);
    }
    const item = award.items[0]!;
    if (item.quantity * item.unit.value.amount !== award.value.amount)
      problems.push(`${r.id}: items do not add up to the award`);
    if (!r.parties.some((p) => p.id === r.buyer.id && p.roles.includes("buyer"))) problems.push(`${r.id}: no buyer`);
    for (const s of award.suppliers)
      if (!r.parties.some((p) => p.id === s.id && p.roles.includes("supplier")))
        problems.push(`${r.id}: supplier ${s.id} not among the parties`);
  }
  return problems;
}

/** Invoiced, accepted, paid in two parts of which the first is reversed and recorded again. */
async function payInParts(
  db: ReturnType<typeof testDb>,
  staff: { id: string; role: "OPD_STAFF"; opdId: string },
  vendor: { id: string; role: "VENDOR"; vendorId: string },
  orderId: string,
  amount: number,
) {
  await db.user.update({ where: { id: staff.id }, data: { treasurer: true } });
  const at = fixedClock("2026-06-12T02:00:00Z");
  const bank = { bankName: "Bank Jatim", bankAccountNumber: "0012345678", bankAccountName: "Pemilik" };
  await submitInvoice(db, { clock: at, actor: vendor, orderId, input: { ...bank, amount: String(amount) } });
  await reviewInvoice(db, { clock: at, actor: staff, orderId, input: { decision: "ACCEPT" } });
  const pay = (day: string, gross: number) =>
    recordPayment(db, {
      clock: fixedClock(`${day}T03:00:00Z`),
      actor: staff,
      orderId,
      input: { method: "LS", paidOn: day, reference: "SP2D 1/LS/2026", gross: String(gross), taxWithheld: "0" },
    });
  const first = await pay("2026-06-15", amount / 2);
  await reversePayment(db, {
    clock: fixedClock("2026-06-16T03:00:00Z"),
    actor: staff,
    paymentId: first.paymentId,
    input: { reason: "Nomor SP2D salah dicatat" },
  });
  await pay("2026-06-16", amount / 2);
  await pay("2026-06-20", amount / 2);
}

let june: Period;
let july: Period;
let opdCodes: string[];

beforeAll(async () => {
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
  // Every state an order can be published in, and one never answered (not published).
  const fates = ["deliver", "accept", "fail", "cancel", "leave", "deliver", "cancel"] as const;
  for (const [i, fate] of fates.entries()) {
    const opd = i % 2;
    const r = await submitOrder(db, {
      clock,
      actor: staff(opd),
      input: orderInput({ pax: 20 + i, deliveryAt: new Date(`2026-06-1${i}T03:00:00Z`) }),
    });
    if (r.route?.kind !== "OFFERED" || fate === "leave") continue;
    await acceptOffer(db, {
      clock: fixedClock(`2026-06-01T02:1${i}:00Z`),
      actor: vendorActor(r.route.vendorId),
      offerId: r.route.offerId,
    });
    const after = fixedClock(`2026-06-1${i}T04:00:00Z`);
    if (fate === "deliver") {
      await confirmDelivery(db, {
        clock: after,
        actor: staff(opd),
        orderId: r.orderId,
        input: {
          deliveredAt: new Date(`2026-06-1${i}T03:00:00Z`),
          quantityReceived: 20 + i,
          rating: 5,
        },
      });
      // The first delivery is invoiced and paid in two parts, one reversed and paid again (issue 20).
      if (i === 0) await payInParts(db, staff(opd), vendorActor(r.route.vendorId), r.orderId, 20 * 40_000);
    }
    if (fate === "fail")
      await reportFailure(db, {
        clock: after,
        actor: staff(opd),
        orderId: r.orderId,
        input: { type: "NOT_DELIVERED", evidence: "Tidak datang." },
      });
    if (fate === "cancel")
      await cancelOrder(db, {
        clock: fixedClock("2026-06-05T02:00:00Z"),
        actor: staff(opd),
        orderId: r.orderId,
        reason: "Rapat dibatalkan pimpinan",
      });
  }
  june = parsePeriod("month:2026-06")!;
  july = parsePeriod("month:2026-07")!;
  opdCodes = (await db.opd.findMany({ where: { id: { in: city.opds.map((o) => o.id) } }, select: { code: true } })).map(
    (o) => o.code,
  );
});

async function pkgFor(period: Period, opdCode: string | null): Promise<Pkg> {
  const db = testDb();
  const opd = opdCode ? await db.opd.findUniqueOrThrow({ where: { code: opdCode } }) : null;
  const awards = await listPublicAwards(db, { period, opdId: opd?.id ?? null });
  return ocdsReleasePackage(awards, {
    uri: `https://mamin.mojokertokota.go.id/api/public/transparansi/ocds?period=month:${period.from.slice(0, 7)}`,
    publishedAt: new Date("2026-08-01T00:00:00Z"),
    publisher: "Pemerintah Kota Mojokerto — Diskopukmperindag (Mamin Merata)",
    ocidPrefix: TEST_OCDS_PREFIX,
    policyUrl: `https://mamin.mojokertokota.go.id${POLICY_PATH}`,
  });
}

describe("the OCDS release packages", () => {
  it("are valid against the official OCDS 1.1 schemas: city-wide and per OPD; an empty period has none", async () => {
    const validate = validator();
    const packages = [await pkgFor(june, null), ...(await Promise.all(opdCodes.map((c) => pkgFor(june, c))))];
    expect(packages[0]!.releases.length).toBeGreaterThanOrEqual(6);
    expect(packages.slice(1).map((p) => p.releases.length)).not.toContain(0);
    // A package must hold at least one release: a period without contracts is refused in words, not served empty.
    await expect(pkgFor(july, null)).rejects.toMatchObject({ code: "NOTHING_TO_PUBLISH" });
    expect(validate({ ...packages[0], releases: [] })).toBe(false);
    for (const pkg of packages) {
      const ok = validate(pkg);
      expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
      expect(ok).toBe(true);
      expect(reviewProblems(pkg)).toEqual([]);
    }
  });

  it("publish cancelled and failed orders as such, and every state once", async () => {
    const pkg = await pkgFor(june, null);
    const byStatus = (s: string) => pkg.releases.filter((r) => r.id.endsWith(`-${s}`));
    expect(byStatus("cancelled").map((r) => [r.awards[0]!.status, r.contracts[0]!.status])).toEqual([
      ["cancelled", "cancelled"],
      ["cancelled", "cancelled"],
    ]);
    expect(byStatus("failed").map((r) => [r.awards[0]!.status, r.contracts[0]!.status])).toEqual([
      ["active", "cancelled"],
    ]);
    expect(byStatus("delivered").map((r) => r.contracts[0]!.status)).toEqual(["terminated", "terminated"]);
    expect(byStatus("accepted").map((r) => r.contracts[0]!.status)).toEqual(["active"]);
    // A cancelled release is dated when it was cancelled, after the award it undoes.
    for (const r of byStatus("cancelled")) expect(r.date).toBe("2026-06-05T02:00:00.000Z");
    expect(pkg.publicationPolicy).toBe("https://mamin.mojokertokota.go.id/transparansi/kebijakan");
  });

  it("publish what the OPD paid as the contract's transactions: payer the OPD, payee the UMKM, reversals left out", async () => {
    const pkg = await pkgFor(june, null);
    const paid = pkg.releases.filter((r) => r.tag.includes("implementation"));
    expect(paid).toHaveLength(1);
    const r = paid[0]!;
    const tx = r.contracts[0]!.implementation!.transactions;
    expect(tx.map((t) => [t.date.slice(0, 10), t.value.amount, t.payer.id, t.payee.id])).toEqual([
      ["2026-06-16", 400_000, r.buyer.id, r.awards[0]!.suppliers[0]!.id],
      ["2026-06-20", 400_000, r.buyer.id, r.awards[0]!.suppliers[0]!.id],
    ]);
    expect(tx.reduce((a, t) => a + t.value.amount, 0)).toBe(r.contracts[0]!.value.amount);
    // Dated when the last payment was recorded.
    expect(r.date).toBe("2026-06-20T03:00:00.000Z");
  });

  it("would be caught: the schema test refuses what the portal used to write", async () => {
    const validate = validator();
    const pkg = await pkgFor(june, null);
    // A sentence where a URI belongs (publicationPolicy before issue 22).
    expect(
      validate({ ...pkg, publicationPolicy: "Data pemesanan mamin OPD Kota Mojokerto: tanpa data pribadi." }),
    ).toBe(false);
    expect(validate.errors?.[0]?.instancePath).toBe("/publicationPolicy");
    // An ocid prefix that is not of the registered form, a repeated release, a foreign currency, a zero amount.
    const bad = structuredClone(pkg);
    bad.releases[0]!.ocid = `ocds-mamin-mjk-${bad.releases[0]!.id}`;
    bad.releases[1] = bad.releases[0]!;
    bad.releases[2]!.awards[0]!.value = { amount: 0, currency: "USD" };
    const problems = reviewProblems(bad);
    expect(problems.some((p) => p.includes("registered-form prefix"))).toBe(true);
    expect(problems.some((p) => p.includes("release id repeated"))).toBe(true);
    expect(problems.some((p) => p.includes("currency USD"))).toBe(true);
    expect(problems.some((p) => p.includes("amount 0"))).toBe(true);
  });
});

describe("the public table's downloads", () => {
  it("open with independent readers: the workbook with numbers as numbers, both CSV dialects with their separators", async () => {
    const db = testDb();
    const view = await getPublicSpread(db, {
      clock: fixedClock("2026-08-01T00:00:00Z"),
      query: { period: "month:2026-06" },
    });
    const s = view.spread;
    expect(s.vendors.length).toBeGreaterThan(0);

    const sheets = await readXlsxFile(
      await renderSpreadXlsx(s, {
        scope: "Seluruh OPD Kota Mojokerto",
        generatedAt: new Date("2026-08-01T00:00:00Z"),
        policyUrl: "https://mamin.mojokertokota.go.id/transparansi/kebijakan",
      }),
    );
    expect(sheets.map((x) => x.sheet)).toEqual(["Sebaran", "Keterangan"]);
    const [header, ...rows] = sheets[0]!.data;
    expect(header).toEqual([...SPREAD_XLSX_HEADER]);
    expect(rows).toHaveLength(s.vendors.length);
    for (const [i, v] of s.vendors.entries()) {
      const row = rows[i]!;
      expect(row.slice(0, 5)).toEqual([v.code, v.name, v.orders, v.awarded, v.delivered]);
      for (const n of row.slice(2)) expect(typeof n).toBe("number");
    }
    const shares = rows.map((r) => r[5] as number);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 2);
    expect(sheets[1]!.data.flat()).toContain("https://mamin.mojokertokota.go.id/transparansi/kebijakan");

    for (const dialect of ["comma", "semicolon"] as const) {
      const csv = await renderSpreadCsv(s, dialect);
      expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = csv.toString("utf8");
      expect(text).toContain("\r\n");
      const records: string[][] = parseCsv(text, { bom: true, delimiter: dialect === "comma" ? "," : ";" });
      expect(records[0]).toEqual([...SPREAD_CSV_HEADER]);
      expect(records).toHaveLength(1 + s.vendors.length);
      for (const [i, v] of s.vendors.entries()) {
        const r = records[i + 1]!;
        expect(r.slice(0, 5)).toEqual([v.code, v.name, String(v.orders), String(v.awarded), String(v.delivered)]);
        // Decimals as the dialect's readers expect them: "12.5" for the comma file, "12,5" for Indonesian Excel.
        expect(r[5]).toMatch(dialect === "comma" ? /^\d+(\.\d+)?$/ : /^\d+(,\d+)?$/);
      }
    }
  });
});
