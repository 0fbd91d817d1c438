// One rule for the usernames and initial passwords admins give out, whoever the account is for.
import { z } from "zod";
import { isCommonPassword } from "@/lib/auth/common-passwords";

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,39}$/, "Nama pengguna 3–40 huruf kecil, angka, titik, garis bawah atau tanda hubung");

/** At least 10 characters (passphrases up to 200 welcome), not one of the most common passwords. */
export const initialPasswordSchema = z
  .string()
  .min(10, "Kata sandi minimal 10 karakter")
  .max(200, "Kata sandi paling panjang 200 karakter")
  .refine((p) => !isCommonPassword(p), "Kata sandi ini terlalu umum; pilih yang lain (frasa panjang boleh)");
