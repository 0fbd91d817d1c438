// Amounts in Indonesian words ("terbilang"), as official documents write them next to the figure:
// 1.250.000 → "satu juta dua ratus lima puluh ribu". Pure; whole numbers from 0 to 999 triliun.
const ONES: readonly string[] = [
  "",
  "satu",
  "dua",
  "tiga",
  "empat",
  "lima",
  "enam",
  "tujuh",
  "delapan",
  "sembilan",
  "sepuluh",
  "sebelas",
];
const one = (n: number): string => ONES[n] ?? "";

function underThousand(n: number): string {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 1) words.push("seratus");
  else if (hundreds > 1) words.push(`${one(hundreds)} ratus`);
  if (rest > 0 && rest < 12) words.push(one(rest));
  else if (rest >= 12 && rest < 20) words.push(`${one(rest - 10)} belas`);
  else if (rest >= 20) {
    words.push(`${one(Math.floor(rest / 10))} puluh`);
    if (rest % 10) words.push(one(rest % 10));
  }
  return words.join(" ");
}

const SCALES = ["", "ribu", "juta", "miliar", "triliun"] as const;

/** Indonesian words for a whole number (no "rupiah"); throws outside 0 … 999.999.999.999.999. */
export function terbilang(value: number | bigint): string {
  const n = typeof value === "bigint" ? value : BigInt(value);
  if (typeof value === "number" && !Number.isInteger(value)) throw new RangeError(`not a whole number: ${value}`);
  if (n < 0n) return `minus ${terbilang(-n)}`;
  if (n === 0n) return "nol";
  if (n >= 1_000_000_000_000_000n) throw new RangeError(`too large for terbilang: ${n}`);
  const groups: number[] = [];
  for (let rest = n; rest > 0n; rest /= 1000n) groups.push(Number(rest % 1000n));
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i] ?? 0;
    if (g === 0) continue;
    // 1.000 is "seribu", never "satu ribu"; every other scale keeps "satu" (satu juta).
    if (i === 1 && g === 1) words.push("seribu");
    else words.push(SCALES[i] ? `${underThousand(g)} ${SCALES[i]}` : underThousand(g));
  }
  return words.join(" ");
}

/** "Satu juta dua ratus lima puluh ribu rupiah" — capitalised, as written under an amount. */
export function terbilangRupiah(value: number | bigint): string {
  const words = `${terbilang(value)} rupiah`;
  return words.charAt(0).toUpperCase() + words.slice(1);
}
