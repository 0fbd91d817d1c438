// The city's kop surat (issue 18): the heading every letter prints above the OPD's name, and the city's logo beside
// it. Pure rules; stored by lib/data/admin/letterhead.ts, drawn by lib/documents/letterhead-pdf.ts.
import { z } from "zod";
import { fileKindOf } from "@/lib/domain/file-types";
import { vm } from "@/lib/domain/validation-message";

/** What letters print until an admin sets the heading. */
export const DEFAULT_CITY_HEADING = "PEMERINTAH KOTA MOJOKERTO";

/** A logo is a small emblem: 512 KB is plenty for a sharp print at 2 cm. */
export const MAX_LOGO_BYTES = 512 * 1024;

/** The image types a letter can print (pdfkit draws JPEG and PNG). */
export const LOGO_TYPES = ["image/png", "image/jpeg"] as const;
export type LogoType = (typeof LOGO_TYPES)[number];

/** The logo's type by its first bytes (never by the name or the type the browser claims), or null. */
export function logoTypeOf(bytes: Uint8Array): LogoType | null {
  return fileKindOf(bytes, LOGO_TYPES)?.mime ?? null;
}

export const letterheadSchema = z
  .object({
    // Printed in capitals, as a kop surat is.
    cityHeading: z
      .string()
      .trim()
      .min(5, vm("letterhead.headingShort"))
      .max(80, vm("letterhead.headingLong"))
      .transform((v) => v.replace(/\s+/g, " ").toUpperCase()),
    removeLogo: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
    version: z.coerce.number().int().min(0),
  })
  .strict();
export type LetterheadInput = z.infer<typeof letterheadSchema>;

/** The heading and logo a letter prints. */
export interface Letterhead {
  cityHeading: string;
  logo: { bytes: Buffer; type: LogoType } | null;
  /** 0 while nothing was saved (the built-in heading). */
  version: number;
}

export const DEFAULT_LETTERHEAD: Letterhead = { cityHeading: DEFAULT_CITY_HEADING, logo: null, version: 0 };
