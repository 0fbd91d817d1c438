// One rule for the usernames and initial passwords admins give out, whoever the account is for.
import { z } from "zod";

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,39}$/, "Nama pengguna 3–40 huruf kecil, angka, titik, garis bawah atau tanda hubung");

export const initialPasswordSchema = z.string().min(10, "Kata sandi minimal 10 karakter").max(200);
