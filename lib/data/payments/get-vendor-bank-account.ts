// The bank account a vendor's invoice form starts from (its own profile's), for the vendor itself.
import type { Tx } from "@/lib/db/client";

/** The vendor's bank account as its profile has it (the invoice form's defaults). */
export async function getVendorBankAccount(
  tx: Tx,
  vendorId: string,
): Promise<{ bankName: string | null; bankAccountNumber: string | null; bankAccountName: string | null }> {
  return tx.vendor.findUniqueOrThrow({
    where: { id: vendorId },
    select: { bankName: true, bankAccountNumber: true, bankAccountName: true },
  });
}
