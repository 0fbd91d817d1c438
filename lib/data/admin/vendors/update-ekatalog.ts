// A vendor's e-Katalog checklist changed at the form's version; its status follows from the ticks
// (lib/domain/vendor.ts ekatalogStatusOf), in the same audited change.
import type { Db } from "@/lib/db/client";
import type { Actor } from "@/lib/data/audit";
import { requireAdmin } from "@/lib/data/authorise";
import { updateWithVersion } from "@/lib/data/admin/vendors/update-with-version";
import { parseInput } from "@/lib/validation/parse";
import { ekatalogSchema, versionSchema } from "@/lib/validation/admin-vendor";
import { ekatalogStatusOf } from "@/lib/domain/vendor";

/** The e-Katalog checklist; the status follows from it (BELUM → PROSES → TAYANG). */
export async function updateEkatalog(db: Db, opts: { actor: Actor; vendorId: string; input: unknown }) {
  const { actor, vendorId } = opts;
  requireAdmin(actor);
  const { version, ...rest } = (opts.input ?? {}) as Record<string, unknown>;
  const input = parseInput(ekatalogSchema, rest);
  const v = parseInput(versionSchema, version);
  const checklist = { ...input, kbliCode: input.kbliCode ?? null, ekatalogUrl: input.ekatalogUrl ?? null };
  await updateWithVersion(db, actor, vendorId, v, "vendor.ekatalog_updated", () => ({
    ...checklist,
    ekatalogStatus: ekatalogStatusOf(checklist),
  }));
}
