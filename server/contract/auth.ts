import { z } from "zod";
import { requiredSafeText, safeText } from "./text.ts";

/** Roles, from most field-bound to most public. `anonymous` is the absence of a session, never stored. */
export const Role = z.enum(["officer", "verifier", "admin", "leader", "guest"]);
export type Role = z.infer<typeof Role>;
export type Audience = Role | "anonymous";
export const AUDIENCES: Audience[] = ["anonymous", "guest", "officer", "verifier", "leader", "admin"];

/** Kecamatan code such as `63.11.04`. */
export const KecamatanKode = z.string().regex(/^63\.11\.0[1-8]$/, "must be a kecamatan code such as 63.11.04");

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "at least 3 characters")
  .max(40, "at most 40 characters")
  .regex(/^[a-z0-9._-]+$/, "letters, digits, dot, dash and underscore only");

/** NIST SP 800-63B: length over composition rules; long passphrases allowed. */
export const NewPassword = z.string().min(10, "at least 10 characters").max(200, "at most 200 characters");

export const LoginInput = z.object({
  // Not the Username rule: an old or mistyped name must still be a wrong login, not a form error.
  username: requiredSafeText({ max: 40, singleLine: true }).transform((v) => v.toLowerCase()),
  password: z.string().min(1, "required").max(200),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const ChangePasswordInput = z.object({
  currentPassword: z.string().min(1, "required").max(200),
  newPassword: NewPassword,
});

/** What a user may change of their own profile (`PATCH /api/auth/me`). */
export const OwnProfileInput = z
  .object({
    displayName: requiredSafeText({ max: 100, singleLine: true }).optional(),
    phone: safeText({ max: 30, singleLine: true }).nullish(),
  })
  .strict();

/** Guests (pengguna informasi) register themselves; every other role is issued by an admin. */
export const RegisterGuestInput = z.object({
  username: Username,
  displayName: requiredSafeText({ max: 100, singleLine: true }),
  password: NewPassword,
  phone: safeText({ max: 30, singleLine: true }).optional(),
});

/** The signed-in user as every client sees themself. */
export const SessionUser = z.strictObject({
  id: z.string().uuid(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  kecamatanKode: z.string().nullable(),
  position: z.string().nullable(),
  nip: z.string().nullable(),
  phone: z.string().nullable(),
  /** Kecamatan a verifier may act on; empty means all. */
  verifierRegions: z.array(z.string()),
  mustChangePassword: z.boolean(),
});
export type SessionUser = z.infer<typeof SessionUser>;
