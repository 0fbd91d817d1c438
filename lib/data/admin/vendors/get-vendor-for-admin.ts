// One vendor as its admin page shows it: the record, its documents (with their scans' facts and expiry), its login,
// its active menu.
import type { Tx } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import type { Actor } from "@/lib/data/audit";
import { requireAdmin } from "@/lib/data/authorise";
import { expiryLimit } from "@/lib/domain/vendor";
import { dayAsDate, wibDay } from "@/lib/format";

/** A vendor as its admin page shows it (getVendorForAdmin). */
export type VendorForAdmin = NonNullable<Awaited<ReturnType<typeof getVendorForAdmin>>>;

export async function getVendorForAdmin(tx: Tx, opts: { clock: Clock; actor: Actor; vendorId: string }) {
  requireAdmin(opts.actor);
  const { clock, vendorId } = opts;
  const limit = expiryLimit(clock.now());
  const v = await tx.vendor.findUnique({
    where: { id: vendorId },
    include: {
      documents: {
        orderBy: { type: "asc" },
        include: { scan: { select: { contentType: true, size: true, uploadedAt: true } } },
      },
      users: { select: { id: true, username: true, active: true, lastLoginAt: true } },
      menuItems: { where: { active: true }, select: { category: true, name: true, pricePerPax: true } },
    },
  });
  if (!v) return null;
  return {
    ...v,
    documents: v.documents.map((d) => ({
      id: d.id,
      type: d.type,
      number: d.number,
      scan: d.scan,
      issuedOn: d.issuedOn,
      expiresOn: d.expiresOn,
      expiring: d.expiresOn !== null && d.expiresOn <= limit,
      expired: d.expiresOn !== null && d.expiresOn < dayAsDate(wibDay(clock.now())),
    })),
  };
}
