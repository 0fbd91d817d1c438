// What the PDFs can print. The letters embed Noto Sans (lib/documents/pdf-fonts.ts): every character it draws prints
// as typed. Anything else — an emoji in an event name, a Chinese shop name — would print as an empty box, so text is
// made printable before it is drawn: accents the font lacks lose their mark, emoji and other pictographs are left
// out, and any other character becomes "?", so what prints is never garbage and never wider than the text measured.
import { hasGlyph } from "@/lib/documents/pdf-fonts";

function printable(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  if (c === 0x0a) return true;
  if (c < 0x20 || (c >= 0x7f && c < 0xa0)) return false;
  // Invisible format characters (joiners, variation selectors) carry emoji sequences, not text.
  if (/\p{Cf}|[\ufe00-\ufe0f]/u.test(ch)) return false;
  return hasGlyph(c);
}

/** `text` in characters the embedded font prints. */
export function pdfSafeText(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFC")) {
    if (printable(ch)) out += ch;
    else if (ch === "\t" || ch === "\r") out += " ";
    else if (/\p{Extended_Pictographic}|\p{Emoji_Component}|[\u200d\ufe0e\ufe0f]/u.test(ch)) continue;
    else {
      const bare = ch.normalize("NFKD").replace(/\p{M}/gu, "");
      out += bare && [...bare].every(printable) ? bare : "?";
    }
  }
  return out.replace(/ {2,}/g, " ");
}

/** Every string in `value` (objects and arrays, deeply) made printable; dates, numbers and the rest unchanged. */
export function pdfSafe<T>(value: T): T {
  if (typeof value === "string") return pdfSafeText(value) as T;
  if (Array.isArray(value)) return value.map((v) => pdfSafe(v)) as T;
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, pdfSafe(v)])) as T;
  return value;
}
