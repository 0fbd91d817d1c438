// What the OPD owes once it confirmed a delivery (issue 20): one Payable row in the confirming transaction, for the
// BAST's amount (portions received × price per portion), from the moment of the BAST.
import type { Tx } from "@/lib/db/client";

export async function createPayable(
  tx: Tx,
  o: {
    orderId: string;
    opdId: string;
    vendorId: string;
    fiscalYear: number;
    quantityReceived: number;
    unitPrice: bigint;
    bastAt: Date;
  },
): Promise<void> {
  await tx.payable.create({
    data: {
      orderId: o.orderId,
      opdId: o.opdId,
      vendorId: o.vendorId,
      fiscalYear: o.fiscalYear,
      amount: BigInt(o.quantityReceived) * o.unitPrice,
      bastAt: o.bastAt,
    },
  });
}
