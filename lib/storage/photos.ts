// Delivery photos on local disk (UPLOAD_DIR, default .data/uploads): checked by their bytes, not by the
// name or type the browser claims; stored under a server-chosen name; read back only through an
// authorised route. A photo whose transaction then fails is left unreferenced (harmless; a later
// clean-up may remove files no fulfilment names).
import "server-only";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { AppError } from "@/lib/errors";

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

const TYPES = [
  { ext: "jpg", mime: "image/jpeg", test: (b: Buffer) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    ext: "png",
    mime: "image/png",
    test: (b: Buffer) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  {
    ext: "webp",
    mime: "image/webp",
    test: (b: Buffer) => b.toString("latin1", 0, 4) === "RIFF" && b.toString("latin1", 8, 12) === "WEBP",
  },
] as const;

function uploadDir(): string {
  // Runtime data, not part of the build: told to Turbopack so it does not trace the whole project.
  return path.resolve(/*turbopackIgnore: true*/ process.env.UPLOAD_DIR ?? path.join(process.cwd(), ".data", "uploads"));
}

/** The image type of `bytes`, or null when it is not a JPEG, PNG or WebP. */
export function photoTypeOf(bytes: Buffer): (typeof TYPES)[number] | null {
  return TYPES.find((t) => t.test(bytes)) ?? null;
}

/** Saves an uploaded photo for an order; returns the stored relative path. Throws VALIDATION for bad files. */
export async function savePhoto(orderId: string, file: File): Promise<string> {
  if (!/^[0-9a-f-]{36}$/.test(orderId)) throw new AppError("NOT_FOUND");
  if (file.size > MAX_PHOTO_BYTES) {
    throw new AppError("VALIDATION", { issues: { photo: ["Foto paling besar 5 MB"] } });
  }
  const bytes = Buffer.from(await file.arrayBuffer());
  const type = photoTypeOf(bytes);
  if (!type) throw new AppError("VALIDATION", { issues: { photo: ["Foto harus berupa JPEG, PNG atau WebP"] } });
  const relative = path.posix.join("photos", orderId, `${randomUUID()}.${type.ext}`);
  const full = path.join(/*turbopackIgnore: true*/ uploadDir(), relative);
  await mkdir(path.dirname(full), { recursive: true });
  await writeFile(full, bytes, { flag: "wx" });
  return relative;
}

/** Reads a stored photo (the path comes from the database, never from the request). */
export async function readPhoto(relative: string): Promise<{ bytes: Buffer; mime: string } | null> {
  const full = path.join(/*turbopackIgnore: true*/ uploadDir(), relative);
  if (!full.startsWith(uploadDir() + path.sep)) return null;
  try {
    const bytes = await readFile(full);
    const type = photoTypeOf(bytes);
    return type ? { bytes, mime: type.mime } : null;
  } catch {
    return null;
  }
}
