// The text of a pdfkit PDF, for tests: inflates each content stream and joins the hex strings of every
// TJ array (kerning splits words into pieces), one line per text object. WinAnsi bytes → Unicode for the
// few characters our documents use beyond ASCII.
import { inflateSync } from "node:zlib";

const WIN_ANSI: Record<number, string> = { 0x97: "—", 0x96: "–", 0xa0: " " };

export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString("latin1");
  const lines: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n([\s\S]*?)endstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(m[1] ?? "", "latin1")).toString("latin1");
    } catch {
      continue; // images and fonts are not text
    }
    for (const tj of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      const hex = [...(tj[1] ?? "").matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1] ?? "").join("");
      const bytes = Buffer.from(hex, "hex");
      lines.push([...bytes].map((b) => WIN_ANSI[b] ?? String.fromCharCode(b)).join(""));
    }
  }
  return lines.join("\n");
}
