// The text of a pdfkit PDF, for tests: inflates each content stream and joins the hex strings of every TJ array
// (kerning splits words into pieces), one line per TJ. Text in an embedded font (the letters' Noto Sans: two-byte
// glyph codes) is read back through that font's ToUnicode map, as a PDF reader copies it; text in a standard font
// through WinAnsi.
import { inflateSync } from "node:zlib";

const WIN_ANSI: Record<number, string> = { 0x97: "—", 0x96: "–", 0xa0: " " };

function inflate(stream: string): string | null {
  try {
    return inflateSync(Buffer.from(stream, "latin1")).toString("latin1");
  } catch {
    return null; // images and font programs are not text
  }
}

/** A ToUnicode CMap's glyph code → text, from its bfchar and bfrange sections (the forms pdfkit writes). */
function parseCmap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string) => {
    const units: number[] = [];
    for (let i = 0; i + 4 <= hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
    return String.fromCharCode(...units);
  };
  for (const section of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const m of section[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g))
      map.set(parseInt(m[1]!, 16), utf16(m[2]!.replace(/\s/g, "")));
  for (const section of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of section[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const lo = parseInt(m[1]!, 16);
      const hi = parseInt(m[2]!, 16);
      const target = m[3]!;
      if (target.startsWith("[")) {
        // A ligature maps to several characters, written with spaces inside its brackets (<0066 0069> is "fi").
        [...target.matchAll(/<([0-9a-fA-F\s]+)>/g)].forEach((t, i) => map.set(lo + i, utf16(t[1]!.replace(/\s/g, ""))));
      } else {
        const start = parseInt(target.slice(1, -1), 16);
        for (let c = lo; c <= hi; c++) map.set(c, String.fromCharCode(start + (c - lo)));
      }
    }
  }
  return map;
}

export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString("latin1");
  const objects = new Map<string, string>();
  for (const m of raw.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)) objects.set(m[1]!, m[2]!);
  const streamOf = (body: string | undefined) => {
    const m = body ? /stream\r?\n([\s\S]*?)endstream/.exec(body) : null;
    return m ? inflate(m[1]!) : null;
  };
  // Each font resource name (/F1, /F2 …) with its ToUnicode map, when it has one (embedded fonts).
  const cmaps = new Map<string, Map<number, string>>();
  for (const m of raw.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(objects.get(m[2]!) ?? "");
    const cmap = toUnicode ? streamOf(objects.get(toUnicode[1]!)) : null;
    if (cmap) cmaps.set(m[1]!, parseCmap(cmap));
  }
  const lines: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n([\s\S]*?)endstream/g)) {
    const content = inflate(m[1] ?? "");
    if (!content || !content.includes("TJ")) continue;
    let cmap: Map<number, string> | undefined;
    for (const op of content.matchAll(/\/(F\d+) [\d.]+ Tf|\[([^\]]*)\]\s*TJ/g)) {
      if (op[1]) {
        cmap = cmaps.get(op[1]);
        continue;
      }
      const hex = [...(op[2] ?? "").matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1] ?? "").join("");
      if (cmap) {
        let text = "";
        for (let i = 0; i + 4 <= hex.length; i += 4) text += cmap.get(parseInt(hex.slice(i, i + 4), 16)) ?? "\uFFFD";
        lines.push(text);
      } else {
        const bytes = Buffer.from(hex, "hex");
        lines.push([...bytes].map((b) => WIN_ANSI[b] ?? String.fromCharCode(b)).join(""));
      }
    }
  }
  return lines.join("\n");
}
