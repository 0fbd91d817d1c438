// Delivery photos on local disk (UPLOAD_DIR, default .data/uploads): checked in memory by their bytes, not by the
// name or type the browser claims; written only after the use case has checked the order (its OPD, its state) and
// under a server-chosen name; removed again when the transaction does not commit; read back only through an
// authorised route.
import { mkdir, readFile, rm, rmdir, writeFile } from "node:fs/promises";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { AppError } from "@/lib/errors";
import { runtimeEnv } from "@/lib/env";
import { fileKindOf } from "@/lib/domain/file-types";
import { vm } from "@/lib/domain/validation-message";

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;

function uploadDir(): string {
  // Runtime data, not part of the build: told to Turbopack so it does not trace the whole project.
  return path.resolve(
    /*turbopackIgnore: true*/ runtimeEnv().UPLOAD_DIR ?? path.join(process.cwd(), ".data", "uploads"),
  );
}

/** The image type of `bytes`, or null when it is not a JPEG, PNG or WebP. */
export function photoTypeOf(bytes: Buffer) {
  return fileKindOf(bytes, PHOTO_TYPES);
}

/** An uploaded photo whose size and bytes were checked, not stored yet. */
export interface CheckedPhoto {
  bytes: Buffer;
  ext: NonNullable<ReturnType<typeof photoTypeOf>>["ext"];
}

/**
 * Checks an uploaded photo in memory — size, and by its bytes that it is a JPEG, PNG or WebP — without writing
 * anything. Throws VALIDATION for a bad file. Storing it is the use case's, after it checked the order.
 */
export async function checkPhoto(file: File): Promise<CheckedPhoto> {
  if (file.size > MAX_PHOTO_BYTES) {
    throw new AppError("VALIDATION", { issues: { photo: [vm("delivery.photoTooBig")] } });
  }
  const bytes = Buffer.from(await file.arrayBuffer());
  const type = photoTypeOf(bytes);
  if (!type) throw new AppError("VALIDATION", { issues: { photo: [vm("delivery.photoType")] } });
  return { bytes, ext: type.ext };
}

/** Stores a checked photo for an order (an id the caller has checked); returns the stored relative path. */
export async function storePhoto(orderId: string, photo: CheckedPhoto): Promise<string> {
  if (!/^[0-9a-f-]{36}$/.test(orderId)) throw new AppError("NOT_FOUND");
  const relative = path.posix.join("photos", orderId, `${randomUUID()}.${photo.ext}`);
  const full = path.join(/*turbopackIgnore: true*/ uploadDir(), relative);
  await mkdir(path.dirname(full), { recursive: true });
  await writeFile(full, photo.bytes, { flag: "wx" });
  return relative;
}

/** Removes a stored photo whose transaction did not commit (missing already is fine). */
export async function removePhoto(relative: string): Promise<void> {
  const full = path.join(/*turbopackIgnore: true*/ uploadDir(), relative);
  if (!full.startsWith(uploadDir() + path.sep)) return;
  await rm(full, { force: true });
  await rmdir(path.dirname(full)).catch(() => undefined); // the order's folder, when now empty
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
