import type { Metadata } from "next";
import Link from "next/link";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { z } from "zod";
import { MessageCircle } from "lucide-react";
import { requirePageRole } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { listNotifications } from "@/lib/data/notifications/list-notifications";
import { toLocale } from "@/lib/i18n/locales";
import { markAllReadAction } from "@/lib/actions/notifications";
import { formatDateTimeWIB, toLocaleTag } from "@/lib/format";
import { Pager } from "@/components/ui/pager";
import { Card, EmptyState } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { ActionForm } from "@/components/ui/action-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("title") };
}

const pageSchema = z.coerce.number().int().min(1).max(10_000).catch(1);

export default async function NotificationsPage({
  searchParams,
}: {
  searchParams: Promise<{ page?: string; done?: string }>;
}) {
  const user = await requirePageRole("ADMIN", "MAYOR", "OPD_STAFF", "VENDOR");
  const sp = await searchParams;
  const appLocale = toLocale(await getLocale());
  // Each notification in the reader's language (rendered from its template when it has one).
  const list = await listNotifications(db(), { actor: user, page: pageSchema.parse(sp.page ?? 1), locale: appLocale });
  const t = await getTranslations();
  const locale = toLocaleTag(appLocale);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-bold sm:text-2xl">{t("notifications.title")}</h1>
        <span role="status" className="text-sm text-slate-600">
          {t("notifications.unread", { count: list.unread })}
        </span>
        {list.unread > 0 ? (
          <ActionForm action={markAllReadAction} className="ml-auto">
            <Button type="submit" variant="secondary">
              {t("notifications.markAll")}
            </Button>
          </ActionForm>
        ) : null}
      </div>
      <Card>
        {list.items.length === 0 ? (
          <EmptyState>{t("notifications.empty")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {list.items.map((n) => (
              <li key={n.id} className={`py-3 ${n.read ? "" : "border-l-4 border-brand-600 pl-3"}`}>
                <p className="font-medium">
                  {n.read ? null : <span className="sr-only">{t("notifications.new")}: </span>}
                  {n.title}
                </p>
                <p className="text-sm text-slate-700">{n.body}</p>
                <p className="mt-1 flex flex-wrap items-center gap-3 text-xs text-slate-500">
                  {formatDateTimeWIB(n.createdAt, locale)}
                  {n.channel === "WHATSAPP" && n.link ? (
                    <a
                      href={n.link}
                      target="_blank"
                      rel="noopener noreferrer"
                      className="inline-flex items-center gap-1 text-sm font-medium text-green-800 underline"
                    >
                      <MessageCircle aria-hidden className="size-4" />
                      {t("notifications.sendWhatsapp")}
                    </a>
                  ) : n.link ? (
                    <Link href={n.link} className="text-sm font-medium text-brand-700 underline">
                      {t("notifications.open")}
                    </Link>
                  ) : null}
                </p>
              </li>
            ))}
          </ul>
        )}
        <Pager page={list.page} pages={list.pages} href={(p) => `/notifications?page=${p}`} />
      </Card>
    </div>
  );
}
