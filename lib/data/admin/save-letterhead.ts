// An admin saves the city's kop surat: its heading lines and logo (PNG or JPEG, checked by its bytes, at most 512 KB),
// with a version check against a stale form and its audit row.
import type { Db } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { writeAudit, type Actor } from "@/lib/data/audit";
import { inTransaction } from "@/lib/data/tx";
import { parseInput } from "@/lib/validation/parse";
import { letterheadSchema } from "@/lib/domain/letterhead";
import { checkLogo } from "@/lib/data/admin/letterhead";

export async function saveLetterhead(
  db: Db,
  opts: { clock: Clock; actor: Actor & { id: string }; input: unknown; logo?: Buffer | null },
): Promise<void> {
  if (opts.actor.role !== "ADMIN") throw new AppError("FORBIDDEN");
  const input = parseInput(letterheadSchema, opts.input);
  const logo = opts.logo && opts.logo.length > 0 ? checkLogo(opts.logo) : null;
  await inTransaction(db, async (tx) => {
    const before = await tx.letterhead.findUnique({
      where: { id: 1 },
      select: { cityHeading: true, logoType: true, version: true },
    });
    if ((before?.version ?? 0) !== input.version) throw new AppError("CONFLICT");
    const logoData = logo
      ? { logo: new Uint8Array(logo.bytes), logoType: logo.type }
      : input.removeLogo
        ? { logo: null, logoType: null }
        : {};
    if (before) {
      const { count } = await tx.letterhead.updateMany({
        where: { id: 1, version: input.version },
        data: { cityHeading: input.cityHeading, ...logoData, version: { increment: 1 }, updatedById: opts.actor.id },
      });
      if (count !== 1) throw new AppError("CONFLICT");
    } else {
      await tx.letterhead.create({
        data: { id: 1, cityHeading: input.cityHeading, ...logoData, updatedById: opts.actor.id },
      });
    }
    await writeAudit(tx, opts.actor, {
      action: "letterhead.saved",
      entity: "Letterhead",
      entityId: "1",
      before: before ? { cityHeading: before.cityHeading, logo: before.logoType !== null } : null,
      after: {
        cityHeading: input.cityHeading,
        logo: logo ? true : input.removeLogo ? false : before?.logoType != null,
        logoBytes: logo?.bytes.length,
        at: opts.clock.now(),
      },
    });
  });
}
