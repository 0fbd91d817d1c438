// The translations a client component needs, and only those: the root layout's provider carries no
// messages, so a page does not ship the whole catalogue (about 30 kB) to every phone. Wrap each client
// component that calls useTranslations in this with the namespaces it reads.
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";

export async function ClientMessages({ namespaces, children }: { namespaces: string[]; children: React.ReactNode }) {
  const all = await getMessages();
  const messages = Object.fromEntries(namespaces.filter((n) => n in all).map((n) => [n, all[n]!]));
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}
