// One rule for what an uploaded file is (lib/domain/file-types.ts): by its bytes, among the kinds each upload allows.
import { describe, expect, it } from "vitest";
import { fileKindOf } from "@/lib/domain/file-types";
import { logoTypeOf } from "@/lib/domain/letterhead";

const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const WEBP = Buffer.from("RIFF\x24\x00\x00\x00WEBPVP8 ", "latin1");
const PDF = Buffer.from("%PDF-1.7\n");

describe("file kinds by their bytes", () => {
  it("recognises each kind, only among those allowed", () => {
    const all = ["image/jpeg", "image/png", "image/webp", "application/pdf"] as const;
    expect(fileKindOf(PNG, all)?.mime).toBe("image/png");
    expect(fileKindOf(JPEG, all)?.mime).toBe("image/jpeg");
    expect(fileKindOf(WEBP, all)?.mime).toBe("image/webp");
    expect(fileKindOf(PDF, all)).toMatchObject({ mime: "application/pdf", ext: "pdf" });
    expect(fileKindOf(PDF, ["image/png"])).toBeNull();
    expect(logoTypeOf(WEBP)).toBeNull();
    expect(logoTypeOf(JPEG)).toBe("image/jpeg");
  });

  it("refuses what only looks like one by name or by a later signature", () => {
    const all = ["image/jpeg", "image/png", "image/webp", "application/pdf"] as const;
    for (const bytes of [
      Buffer.alloc(0),
      Buffer.from("GIF89a"),
      Buffer.from(" %PDF-1.4"),
      Buffer.from("<svg onload=alert(1)>"),
      PNG.subarray(0, 7),
      Buffer.from("RIFF\x24\x00\x00\x00WAVE", "latin1"),
    ])
      expect(fileKindOf(bytes, all)).toBeNull();
  });
});
