// The sweep's daily look at vendor documents: each one that expires within the warning window (and has not
// been warned about for its current expiry date) notifies the admins and the vendor once. Saving the document
// again (a renewal) clears the mark.
import type { Db } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { SYSTEM_ACTOR, writeAudit } from "@/lib/data/audit";
import { inTransaction } from "@/lib/data/tx";
import { notify } from "@/lib/data/notifications/notify";
import { EXPIRY_WARNING_DAYS } from "@/lib/data/admin/vendors";
import { dayAsDate, formatDateWIB, wibDay } from "@/lib/format";

const LABEL = { NIB: "NIB", NPWP: "NPWP", PIRT: "PIRT/SPP-IRT", HALAL: "sertifikat halal" } as const;

export async function warnExpiringDocuments(db: Db, clock: Clock): Promise<number> {
  const now = clock.now();
  const limit = new Date(dayAsDate(wibDay(now)).getTime() + EXPIRY_WARNING_DAYS * 86_400_000);
  return inTransaction(db, async (tx) => {
    // Claimed with SKIP LOCKED: two app instances never warn twice.
    const due = await tx.$queryRaw<
      { id: string; vendorId: string; type: keyof typeof LABEL; number: string; expiresOn: Date; vendorName: string }[]
    >`
      SELECT d.id, d."vendorId", d.type::text AS type, d.number, d."expiresOn", v.name AS "vendorName"
      FROM "VendorDocument" d JOIN "Vendor" v ON v.id = d."vendorId"
      WHERE d."expiresOn" IS NOT NULL AND d."expiresOn" <= ${limit}::date AND d."expiryWarnedAt" IS NULL AND v.status <> 'REMOVED'
      ORDER BY d."expiresOn" LIMIT 200
      FOR UPDATE OF d SKIP LOCKED`;
    for (const d of due) {
      const when = formatDateWIB(d.expiresOn);
      const expired = d.expiresOn < dayAsDate(wibDay(now));
      const title = `${LABEL[d.type]} ${d.vendorName} ${expired ? "sudah habis" : "habis"} ${when}`;
      await notify(
        tx,
        { role: "ADMIN" },
        { kind: "document.expiring", title, body: `Nomor ${d.number}.`, link: `/admin/vendors/${d.vendorId}` },
        now,
      );
      await notify(
        tx,
        { vendorId: d.vendorId },
        {
          kind: "document.expiring",
          title: `${LABEL[d.type]} Anda ${expired ? "sudah habis" : "habis"} ${when}`,
          body: "Perpanjang dan serahkan salinannya ke Diskopukmperindag agar tetap bisa menerima pesanan e-Katalog.",
          link: "/vendor/profile",
        },
        now,
      );
      await tx.vendorDocument.update({ where: { id: d.id }, data: { expiryWarnedAt: now } });
      await writeAudit(tx, SYSTEM_ACTOR, {
        action: "document.expiry_warned",
        entity: "Vendor",
        entityId: d.vendorId,
        after: { type: d.type, expiresOn: d.expiresOn.toISOString().slice(0, 10) },
      });
    }
    return due.length;
  });
}
