// WhatsApp click-to-chat (wa.me) links: staff nudge a vendor about an offer from their own phone.
import { formatDateTimeWIB } from "@/lib/format";
import { normalizePhone } from "@/lib/domain/indonesian-input";
// wa.me wants the number in international form, digits only: 0812… and +62 812… both become 62812….

/** The number as wa.me wants it (62 and the digits after the leading 0), or null when it cannot be an Indonesian
 * number (normalizePhone is the one rule for reading what people type). */
export function waNumber(raw: string | null | undefined): string | null {
  const local = normalizePhone(raw);
  return local ? `62${local.slice(1)}` : null;
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
  /** The offer's one-tap link (absolute): the vendor opens it and answers without typing a password. */
  link?: string;
}): string {
  const answer = o.link ? ` Jawab langsung di sini: ${o.link}` : "";
  return `Halo ${o.vendorName}, ada tawaran pesanan mamin ${o.orderNumber} (${o.pax} porsi, ${o.eventName}, dikirim ${formatDateTimeWIB(o.deliveryAt)}) di Mamin Merata. Mohon dijawab sebelum ${formatDateTimeWIB(o.expiresAt)}.${answer} Terima kasih.`;
}
