import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { getCurrentUser } from "@/lib/auth/guards";
import { Card } from "@/components/ui/card";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ChangePasswordForm } from "@/components/auth/change-password-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("password"))("title") };
}

/** Any signed-in user replaces their password (the first step of a new vendor). */
export default async function PasswordPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  const t = await getTranslations("password");
  return (
    <div className="max-w-md space-y-4">
      <h1 className="text-xl font-bold">{t("title")}</h1>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      <Card>
        <ClientMessages namespaces={["password"]}>
          <ChangePasswordForm />
        </ClientMessages>
      </Card>
    </div>
  );
}
