// One rule for the usernames and initial passwords admins give out, whoever the account is for.
import { z } from "zod";
import { isCommonPassword } from "@/lib/auth/common-passwords";
import { vm } from "@/lib/domain/validation-message";

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,39}$/, vm("account.username"));

/** At least 10 characters (passphrases up to 200 welcome), not one of the most common passwords. */
export const initialPasswordSchema = z
  .string()
  .min(10, vm("account.passwordShort"))
  .max(200, vm("account.passwordLong"))
  .refine((p) => !isCommonPassword(p), vm("account.passwordCommon"));
