// The city's kop surat as every letter reads it, and the check of an uploaded logo: by its bytes and by drawing it
// once (a file pdfkit cannot print is refused now, not on the next letter). Saving it: save-letterhead.ts (a
// compare-and-set on the row's version, so two admins cannot overwrite each other unknowingly).
import PDFDocument from "pdfkit";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import {
  DEFAULT_LETTERHEAD,
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
