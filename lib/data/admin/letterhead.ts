// The city's kop surat: read by every letter, changed by admins (heading and logo), with its audit row. The logo is
// checked by its bytes and by drawing it once (a file pdfkit cannot print is refused now, not on the next letter);
// saving is a compare-and-set on the row's version, so two admins cannot overwrite each other unknowingly.
import PDFDocument from "pdfkit";
import type { Db, Tx } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { writeAudit, type Actor } from "@/lib/data/audit";
import { inTransaction } from "@/lib/data/tx";
import { parseInput } from "@/lib/validation/parse";
import {
  DEFAULT_LETTERHEAD,
  letterheadSchema,
  logoTypeOf,
  MAX_LOGO_BYTES,
  type Letterhead,
  type LogoType,
} from "@/lib/domain/letterhead";
import { vm } from "@/lib/domain/validation-message";

export async function getLetterhead(tx: Tx): Promise<Letterhead> {
  const row = await tx.letterhead.findUnique({ where: { id: 1 } });
  if (!row) return DEFAULT_LETTERHEAD;
  return {
    cityHeading: row.cityHeading,
    logo: row.logo && row.logoType ? { bytes: Buffer.from(row.logo), type: row.logoType as LogoType } : null,
    version: row.version,
  };
}

/** An uploaded logo checked in memory: size, type by its bytes, and that a letter can draw it. */
export function checkLogo(bytes: Buffer): { bytes: Buffer; type: LogoType } {
  const refuse = (why: string) => new AppError("VALIDATION", { issues: { logo: [why] } });
  if (bytes.length === 0) throw refuse(vm("letterhead.logoEmpty"));
  if (bytes.length > MAX_LOGO_BYTES) throw refuse(vm("letterhead.logoTooBig"));
  const type = logoTypeOf(bytes);
  if (!type) throw refuse(vm("letterhead.logoType"));
  try {
    new PDFDocument({ autoFirstPage: true }).image(bytes, 0, 0, { fit: [60, 60] });
  } catch {
    throw refuse(vm("letterhead.logoUnreadable"));
  }
  return { bytes, type };
}

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
