-- The outbox wakes its dispatchers as soon as a message is due (issue 17): a statement that writes a PENDING row due
-- now sends NOTIFY mm_outbox, which PostgreSQL delivers only when the writing transaction commits — so an offer's
-- push, SMS or WhatsApp message leaves within a moment of the offer, instead of at the next sweep (every 15 s).
-- Every app process LISTENs (lib/jobs/outbox-listener.ts); the sweep stays as the safety net for missed wake-ups.
-- One NOTIFY per statement (a statement inserts all of an audience's rows), none for in-app rows or rows held for
-- the morning (quiet hours): the sweep sends those when they fall due.
CREATE FUNCTION "mm_outbox_wake"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM fresh WHERE status = 'PENDING' AND "nextAttemptAt" <= now() + interval '1 second') THEN
    PERFORM pg_notify('mm_outbox', '');
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Notification_outbox_wake"
AFTER INSERT ON "Notification"
REFERENCING NEW TABLE AS fresh
FOR EACH STATEMENT EXECUTE FUNCTION "mm_outbox_wake"();
