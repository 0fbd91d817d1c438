// The translations a client component needs, and only those: the root layout's provider carries no
// messages, so a page does not ship the whole catalogue (about 30 kB) to every phone. Wrap each client
// component that calls useTranslations in this with the namespaces it reads — a dotted name ("validation.order")
// ships one part of a namespace.
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";

type Messages = Awaited<ReturnType<typeof getMessages>>;

/** `path` ("validation.order") of `from`, copied into `into` at the same place; nothing when it is not there. */
function copyPath(from: Messages, into: Record<string, unknown>, path: string) {
  const parts = path.split(".");
  let src: unknown = from;
  for (const p of parts) src = src && typeof src === "object" ? (src as Record<string, unknown>)[p] : undefined;
  if (src === undefined) return;
  let dst = into;
  for (const p of parts.slice(0, -1)) dst = (dst[p] ??= {}) as Record<string, unknown>;
  dst[parts.at(-1)!] = src;
}

export async function ClientMessages({ namespaces, children }: { namespaces: string[]; children: React.ReactNode }) {
  const all = await getMessages();
  const messages: Record<string, unknown> = {};
  for (const n of namespaces) copyPath(all, messages, n);
  return <NextIntlClientProvider messages={messages as Messages}>{children}</NextIntlClientProvider>;
}
