// What an uploaded file is, by its first bytes — never by its name or the type the browser claims (pure). Every upload
// (delivery photos, the city's logo, document scans) asks this one rule, each then allowing its own kinds.
const KINDS = [
  { ext: "jpg", mime: "image/jpeg", test: (b: Uint8Array) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    ext: "png",
    mime: "image/png",
    test: (b: Uint8Array) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((x, i) => b[i] === x),
  },
  {
    ext: "webp",
    mime: "image/webp",
    test: (b: Uint8Array) => ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 12) === "WEBP",
  },
  // "%PDF-" at the very start (what every PDF writer puts there).
  { ext: "pdf", mime: "application/pdf", test: (b: Uint8Array) => ascii(b, 0, 5) === "%PDF-" },
] as const;

function ascii(b: Uint8Array, from: number, to: number): string {
  return b.length < to ? "" : String.fromCharCode(...b.subarray(from, to));
}

export type FileKind = (typeof KINDS)[number];
export type FileMime = FileKind["mime"];

/** The file name extension of a kind (by its MIME type). */
export function extensionOf(mime: FileMime): FileKind["ext"] {
  return KINDS.find((k) => k.mime === mime)!.ext;
}

/** The kind of a file by its bytes, among `allowed` (MIME types), or null. */
export function fileKindOf<M extends FileMime>(
  bytes: Uint8Array,
  allowed: readonly M[],
): Extract<FileKind, { mime: M }> | null {
  const kind = KINDS.find((k) => allowed.includes(k.mime as M) && k.test(bytes));
  return (kind as Extract<FileKind, { mime: M }> | undefined) ?? null;
}
