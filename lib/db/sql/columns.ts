// The column types a raw statement's row is decoded with (lib/db/sql/decode.ts), as the driver hands them over:
// int8 (count(*), sums cast to bigint, money) as BigInt, int4 as a number, timestamps and dates as Date (a date as
// its UTC midnight), uuid and text as strings, json parsed. One name per column kind, so a row schema reads as the
// SELECT list it checks.
import { z } from "zod";
import { rp } from "@/lib/domain/money";

export const uuid = z.string();
export const text = z.string();
export const int = z.number().int();
export const int8 = z.bigint();
export const float = z.number();
export const bool = z.boolean();
export const instant = z.date();
export const day = z.date();
export const row = z.object;

// Inside a json_build_object payload: instants arrive as ISO text, rupiah as decimal text (exact, whatever the size:
// a JSON number would lose digits past 2^53).
export const jsonInstant = z.string().transform((s) => new Date(s));
export const jsonInt8 = z
  .string()
  .regex(/^-?\d+$/)
  .transform((s) => BigInt(s));

/** Rupiah (bigint in the database) as the number the code carries (rp: exact, refused past 2^53). */
export const rupiah = z.bigint().transform(rp);
export const jsonRupiah = jsonInt8.transform(rp);
