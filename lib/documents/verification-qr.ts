// The QR code printed on a letter (issue 18): it opens the letter's public verification page.
import "server-only";
import QRCode from "qrcode";

/** The verification page of an issued letter, as an absolute address on this portal. */
export function verifyUrlFor(appUrl: string, verifyCode: string): string {
  return `${appUrl.replace(/\/+$/, "")}/verifikasi/${verifyCode}`;
}

/** A PNG QR code of `url` (error correction M: still reads when a stamp or a fold covers part of it). */
export function qrPng(url: string): Promise<Buffer> {
  return QRCode.toBuffer(url, { type: "png", errorCorrectionLevel: "M", margin: 1, width: 256 });
}
