-- Offers reach the vendor by SMS/WhatsApp through a configured HTTP gateway (issue 17, item 1): a channel of the outbox.
-- AlterEnum
ALTER TYPE "NotificationChannel" ADD VALUE 'GATEWAY';

