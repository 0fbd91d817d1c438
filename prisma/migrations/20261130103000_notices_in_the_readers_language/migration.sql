-- Issue 18: notifications stored as a template plus parameters (lib/domain/notices.ts) beside the Indonesian text
-- written with them, so each is read in the reader's language; and each user's language, so e-mail, push and text
-- messages reach them in it. Older rows keep their text and no template.
ALTER TABLE "Notification" ADD COLUMN "template" TEXT;
ALTER TABLE "Notification" ADD COLUMN "params" JSONB;

ALTER TABLE "User" ADD COLUMN "locale" TEXT NOT NULL DEFAULT 'id';
ALTER TABLE "User" ADD CONSTRAINT "User_locale" CHECK (locale IN ('id', 'en'));
