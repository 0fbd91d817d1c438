// Tax withheld on a catering purchase (MISSION.md: catering is a service): PPh 23 at 2%, 4% when the
// vendor has no NPWP; a UMKM holding a PP 55/2022 certificate pays 0.5% final tax instead. No PPN
// (the regional food-and-drink tax applies instead). An estimate for the OPD's accountability file.
export type TaxBasis = "PP55" | "PPH23" | "PPH23_NO_NPWP";

export const TAX_RATES: Record<TaxBasis, number> = { PP55: 0.005, PPH23: 0.02, PPH23_NO_NPWP: 0.04 };

export function taxBasisOf(vendor: { hasPp55: boolean; npwp: string | null }): TaxBasis {
  if (vendor.hasPp55) return "PP55";
  return vendor.npwp && vendor.npwp.trim() !== "" ? "PPH23" : "PPH23_NO_NPWP";
}

/** Whole rupiah withheld on `amount` (rounded down, as withholding slips do). */
export function estimateTax(amount: number, basis: TaxBasis): number {
  // Rates are 0.5%, 2% and 4%: per-mille integers keep this exact for any rupiah amount.
  const perMille = Math.round(TAX_RATES[basis] * 1000);
  return Math.floor((amount * perMille) / 1000);
}
