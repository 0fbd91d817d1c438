// The public awards as an Open Contracting Data Standard (OCDS 1.1) release package: one release per order,
// tagged award and contract, with its parties — the buying OPD (buyer) and the UMKM (supplier, with
// details.scale "sme": every UMKM the decree names is a micro or small enterprise, and the product does not
// record which of the two) — the award and the contract. Each release is dated when the order reached the state it
// describes, and the releases come in that order. Pure; the route serves it as JSON. Validated against the official
// OCDS 1.1 schemas by tests/integration/ocds-schema.test.ts.
import type { PublicAward } from "@/lib/data/public/list-awards";
import { ocidFor } from "@/lib/domain/ocds-prefix";
import { AppError } from "@/lib/errors";

/** The portal's publication policy page (what is published, what is withheld and why). */
export const POLICY_PATH = "/transparansi/kebijakan";

export interface OcdsMeta {
  /** This package's own address. */
  uri: string;
  publishedAt: Date;
  publisher: string;
  /** The city's registered ocid prefix (OCDS_PREFIX). */
  ocidPrefix: string;
  /** The page saying what is published, what is withheld and why (/transparansi/kebijakan), as an absolute URL. */
  policyUrl: string;
}

const CATEGORY = { MAKAN: "Makan (nasi kotak)", KUDAPAN: "Kudapan (snack)" } as Record<string, string>;

/**
 * OCDS contract status: active until delivered (terminated = completed), cancelled when the UMKM failed to deliver or
 * the OPD cancelled after the UMKM accepted. The award stays active unless the order was cancelled.
 */
const CONTRACT_STATUS = {
  ACCEPTED: "active",
  DELIVERED: "terminated",
  FAILED: "cancelled",
  CANCELLED: "cancelled",
} as const;

/** The package of `awards`; none for no awards (OCDS requires at least one release): NOTHING_TO_PUBLISH. */
export function ocdsReleasePackage(awards: PublicAward[], meta: OcdsMeta) {
  if (awards.length === 0) throw new AppError("NOTHING_TO_PUBLISH");
  const published = meta.publishedAt.toISOString();
  return {
    uri: meta.uri,
    version: "1.1",
    publishedDate: published,
    publisher: { name: meta.publisher },
    license: "https://creativecommons.org/licenses/by/4.0/",
    publicationPolicy: meta.policyUrl,
    releases: awards.map((a) => {
      const buyer = { id: `opd-${a.opd.code}`, name: a.opd.name };
      const supplier = { id: `umkm-${a.vendor.code}`, name: a.vendor.name };
      const value = { amount: a.total, currency: "IDR" };
      const awardId = `${a.number}-award`;
      return {
        ocid: ocidFor(meta.ocidPrefix, a.number),
        id: `${a.number}-${a.status.toLowerCase()}`,
        date: a.changedAt.toISOString(),
        // A paid contract is also an implementation release: its transactions are the money actually paid.
        tag: a.payments.length > 0 ? ["award", "contract", "implementation"] : ["award", "contract"],
        initiationType: "tender",
        language: "id",
        parties: [
          {
            ...buyer,
            roles: ["buyer", "procuringEntity"],
            address: { locality: "Kota Mojokerto", countryName: "Indonesia" },
          },
          {
            ...supplier,
            roles: ["supplier"],
            address: {
              streetAddress: `${a.vendor.kelurahan}, ${a.vendor.kecamatan}`,
              locality: "Kota Mojokerto",
              countryName: "Indonesia",
            },
            details: { scale: "sme" },
          },
        ],
        buyer,
        tender: {
          id: a.number,
          title: `Mamin ${CATEGORY[a.category] ?? a.category}`,
          procurementMethod: a.method === "E_PURCHASING" ? "selective" : "direct",
          procurementMethodDetails: a.method === "E_PURCHASING" ? "E-Purchasing (e-Katalog)" : "Pengadaan Langsung",
          mainProcurementCategory: "goods",
        },
        awards: [
          {
            id: awardId,
            status: a.status === "CANCELLED" ? "cancelled" : "active",
            date: a.awardedAt.toISOString(),
            value,
            suppliers: [supplier],
            items: [
              {
                id: "1",
                description: CATEGORY[a.category] ?? a.category,
                quantity: a.pax,
                unit: { name: "porsi", value: { amount: a.unitPrice, currency: "IDR" } },
              },
            ],
          },
        ],
        contracts: [
          {
            id: `${a.number}-contract`,
            awardID: awardId,
            status: CONTRACT_STATUS[a.status],
            value,
            dateSigned: a.awardedAt.toISOString(),
            period: { startDate: a.deliveryAt.toISOString(), endDate: a.deliveryAt.toISOString() },
            ...(a.payments.length > 0
              ? {
                  implementation: {
                    transactions: a.payments.map((p) => ({
                      id: p.id,
                      // The day paid, in WIB (the treasurer's calendar day).
                      date: `${p.date.slice(0, 10)}T00:00:00+07:00`,
                      value: { amount: p.amount, currency: "IDR" },
                      payer: buyer,
                      payee: supplier,
                    })),
                  },
                }
              : {}),
          },
        ],
      };
    }),
  };
}
