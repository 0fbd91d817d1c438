// WhatsApp click-to-chat (wa.me) links: staff nudge a vendor about an offer from their own phone.
import { formatDateTimeWIB } from "@/lib/format";
// wa.me wants the number in international form, digits only: 0812… and +62 812… both become 62812….

/** The number as wa.me wants it, or null when it cannot be an Indonesian mobile/landline number. */
export function waNumber(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let digits = raw.replace(/[^\d]/g, "");
  if (digits.startsWith("0")) digits = `62${digits.slice(1)}`;
  else if (digits.startsWith("8")) digits = `62${digits}`;
  if (!/^62\d{8,13}$/.test(digits)) return null;
  return digits;
}

/** https://wa.me/<number>?text=<message>, or null without a usable number. */
export function waLink(raw: string | null | undefined, message: string): string | null {
  const n = waNumber(raw);
  return n ? `https://wa.me/${n}?text=${encodeURIComponent(message)}` : null;
}

/** The prefilled message staff send a vendor about an offer (always Indonesian: it goes to the UMKM). */
export function offerNudgeMessage(o: {
  vendorName: string;
  orderNumber: string;
  pax: number;
  eventName: string;
  deliveryAt: Date;
  expiresAt: Date;
}): string {
  return `Halo ${o.vendorName}, ada tawaran pesanan mamin ${o.orderNumber} (${o.pax} porsi, ${o.eventName}, dikirim ${formatDateTimeWIB(o.deliveryAt)}) di Mamin Merata. Mohon dijawab sebelum ${formatDateTimeWIB(o.expiresAt)}. Terima kasih.`;
}
