// The sweep's daily look at vendor documents: each one that expires within the warning window (and has not
// been warned about for its current expiry date) notifies the admins and the vendor once. Saving the document
// again (a renewal) clears the mark.
import type { Db } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { SYSTEM_ACTOR, writeAudit } from "@/lib/data/audit";
import { inTransaction } from "@/lib/data/tx";
import { notice, notify } from "@/lib/data/notifications/notify";
import { expiryLimit } from "@/lib/domain/vendor";
import { dayAsDate, wibDay } from "@/lib/format";
import { DocumentType } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { z } from "zod";
import { queryRows } from "@/lib/db/sql/decode";
import { day, row, text, uuid } from "@/lib/db/sql/columns";

const warnExpiringDocumentsDueRow = row({
  id: uuid,
  vendorId: uuid,
  type: z.enum(DocumentType),
  number: text,
  expiresOn: day,
  vendorName: text,
});

export async function warnExpiringDocuments(db: Db, clock: Clock): Promise<number> {
  const now = clock.now();
  const limit = expiryLimit(now);
  return inTransaction(db, async (tx) => {
    // Claimed with SKIP LOCKED: two app instances never warn twice.
    const due = await queryRows(
      tx,
      "warnExpiringDocuments.due",
      warnExpiringDocumentsDueRow,
      Prisma.sql`
      SELECT d.id, d."vendorId", d.type::text AS type, d.number, d."expiresOn", v.name AS "vendorName"
      FROM "VendorDocument" d JOIN "Vendor" v ON v.id = d."vendorId"
      WHERE d."expiresOn" IS NOT NULL AND d."expiresOn" <= ${limit}::date AND d."expiryWarnedAt" IS NULL AND v.status <> 'REMOVED'
      ORDER BY d."expiresOn" LIMIT 200
      FOR UPDATE OF d SKIP LOCKED`,
    );
    for (const d of due) {
      const params = {
        document: { label: `adminVendors.docTypes.${d.type}` },
        expired: d.expiresOn < dayAsDate(wibDay(now)) ? "yes" : "no",
        expiresOn: { day: d.expiresOn.toISOString() },
      };
      await notify(
        tx,
        { role: "ADMIN" },
        notice(
          "document.expiring",
          "documentExpiringAdmin",
          { ...params, vendor: d.vendorName, documentNumber: d.number },
          `/admin/vendors/${d.vendorId}`,
        ),
        now,
      );
      await notify(
        tx,
        { vendorId: d.vendorId },
        notice("document.expiring", "documentExpiringVendor", params, "/vendor/profile"),
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
