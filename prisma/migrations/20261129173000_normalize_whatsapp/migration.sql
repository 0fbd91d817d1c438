-- WhatsApp numbers are stored in one form since issue 17 (lib/domain/indonesian-input.ts normalizePhone: "0" and the
-- digits, e.g. 081234567890), whatever way they were typed. Numbers stored before as typed ("+62 812-3456-7890",
-- "812 3456 7890") are brought to that form here, so the SQL nudge (notify.ts: leading 0 → 62) reads them too.
UPDATE "Vendor" v SET whatsapp = n.local
FROM (
  SELECT id, CASE
    WHEN d LIKE '62%' THEN '0' || substr(d, 3)
    WHEN d LIKE '8%' THEN '0' || d
    ELSE d END AS local
  FROM (SELECT id, regexp_replace(whatsapp, '\D', '', 'g') AS d FROM "Vendor" WHERE whatsapp ~ '^[\s\d+().-]+$') x
) n
WHERE n.id = v.id AND n.local ~ '^0\d{8,13}$' AND v.whatsapp <> n.local;
