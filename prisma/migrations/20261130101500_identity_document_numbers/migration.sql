-- Issue 18: NIB and NPWP are typed once, in the vendor's identity fields; their document records carry that number
-- (lib/domain/vendor.ts IDENTITY_DOCUMENTS, kept by lib/data/admin/vendors.ts). Existing records are made to agree:
-- a vendor without the number takes its document's when that is a valid one (NIB: 13 digits; NPWP: 15 or 16 digits,
-- as the vendor form checks), then every NIB/NPWP document takes its vendor's number. Records of vendors that still
-- have no number are left as they are (an admin fills the identity field; the next save carries it over).
UPDATE "Vendor" v SET nib = d.number, version = v.version + 1, "updatedAt" = now()
FROM "VendorDocument" d
WHERE d."vendorId" = v.id AND d.type = 'NIB' AND v.nib IS NULL AND d.number ~ '^\d{13}$';

UPDATE "Vendor" v SET npwp = d.number, version = v.version + 1, "updatedAt" = now()
FROM "VendorDocument" d
WHERE d."vendorId" = v.id AND d.type = 'NPWP' AND v.npwp IS NULL
  AND length(regexp_replace(d.number, '\D', '', 'g')) IN (15, 16);

UPDATE "VendorDocument" d SET number = v.nib, "updatedAt" = now()
FROM "Vendor" v
WHERE d."vendorId" = v.id AND d.type = 'NIB' AND v.nib IS NOT NULL AND d.number IS DISTINCT FROM v.nib;

UPDATE "VendorDocument" d SET number = v.npwp, "updatedAt" = now()
FROM "Vendor" v
WHERE d."vendorId" = v.id AND d.type = 'NPWP' AND v.npwp IS NOT NULL AND d.number IS DISTINCT FROM v.npwp;
