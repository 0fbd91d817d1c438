// What the PDFs can print. The letters use PDF's standard fonts (Helvetica), whose characters are those of the
// WinAnsi encoding (Latin-1 and a few more): anything else — an emoji in an event name, a Chinese shop name — came
// out as garbage ("Ø‹ßr") and could push a line past the margin. Until the letters embed a Unicode font (issue 18),
// text is made printable before it is drawn: accents outside WinAnsi lose their mark ("ǎ" → "a"), emoji and other
// pictographs are left out, and any other character becomes "?", so what prints is never garbage and never wider
// than the text the layout measured.
const WIN_ANSI_EXTRA = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";

function printable(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || WIN_ANSI_EXTRA.includes(ch);
}

/** `text` in characters the standard PDF fonts print. */
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
