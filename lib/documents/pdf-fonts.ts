// The font every PDF embeds (issue 18): Noto Sans, shipped in assets/fonts (OFL 1.1), so names and places print as
// typed — "Ñoño", "Łódź", "ǎ", Greek, Cyrillic — instead of what the PDF standard fonts' WinAnsi could not encode.
// pdfkit embeds only the glyphs a document uses. `hasGlyph` tells pdf-safe-text.ts what the font can draw.
import path from "node:path";
import * as fontkit from "fontkit";

const DIR = path.join(process.cwd(), "assets", "fonts");

export const PDF_FONTS = {
  Sans: path.join(DIR, "NotoSans-Regular.ttf"),
  "Sans-Bold": path.join(DIR, "NotoSans-Bold.ttf"),
  "Sans-Italic": path.join(DIR, "NotoSans-Italic.ttf"),
} as const;

/** Registers the embedded fonts on a document and starts it in the regular face. */
export function embedFonts(doc: PDFKit.PDFDocument): void {
  for (const [name, file] of Object.entries(PDF_FONTS)) doc.registerFont(name, file);
  doc.font("Sans");
  // Noto Sans' line is about a fifth taller than Helvetica's: tightened a little so a letter keeps its signatures on
  // the page it was laid out for.
  doc.lineGap(-1.5);
}

let regular: fontkit.Font | undefined;

/** Whether the embedded font draws this code point (the regular face; bold and italic cover the same characters). */
export function hasGlyph(codePoint: number): boolean {
  regular ??= fontkit.openSync(PDF_FONTS.Sans) as fontkit.Font;
  return regular.hasGlyphForCodePoint(codePoint);
}

/**
 * Writes in the page's bottom margin (a footer) without pdfkit starting a new page for it: the margin is lifted while
 * `draw` runs. Noto Sans' line is taller than Helvetica's, and a footer that does not fit must not add pages.
 */
export function inBottomMargin(doc: PDFKit.PDFDocument, draw: () => void): void {
  const bottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  try {
    draw();
  } finally {
    doc.page.margins.bottom = bottom;
  }
}
