-- Issue 18: a vendor document's scan (PDF, JPEG or PNG; lib/data/admin/document-scans.ts checks it by its bytes and
-- its size) in a table of its own, so that listing documents never reads the bytes.
-- CreateTable
CREATE TABLE "VendorDocumentScan" (
    "documentId" UUID NOT NULL,
    "bytes" BYTEA NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "uploadedAt" TIMESTAMPTZ(3) NOT NULL,
    "uploadedById" UUID,

    CONSTRAINT "VendorDocumentScan_pkey" PRIMARY KEY ("documentId")
);

-- AddForeignKey
ALTER TABLE "VendorDocumentScan" ADD CONSTRAINT "VendorDocumentScan_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "VendorDocument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "VendorDocumentScan" ADD CONSTRAINT "VendorDocumentScan_type" CHECK ("contentType" IN ('application/pdf', 'image/jpeg', 'image/png'));
ALTER TABLE "VendorDocumentScan" ADD CONSTRAINT "VendorDocumentScan_size" CHECK (size > 0 AND size <= 5242880 AND size = octet_length(bytes));
