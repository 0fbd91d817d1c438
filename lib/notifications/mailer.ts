// SMTP through nodemailer when SMTP_URL is set (e.g. smtp://user:pass@mail.example.go.id:587); otherwise
// no mailer, and no e-mail rows are written (see lib/data/notifications/notify.ts).
import "server-only";
import nodemailer from "nodemailer";
import { env } from "@/lib/env";
import type { Mailer } from "@/lib/data/notifications/dispatch-outbox";

let cached: Mailer | null | undefined;

export function smtpMailer(): Mailer | null {
  if (cached !== undefined) return cached;
  const { SMTP_URL, MAIL_FROM } = env();
  if (!SMTP_URL) return (cached = null);
  const transport = nodemailer.createTransport(SMTP_URL);
  cached = {
    async send(mail) {
      await transport.sendMail({ from: MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
  return cached;
}
