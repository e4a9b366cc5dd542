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
  .regex(/^[a-z0-9._-]+$/, "letters, digits, dot, dash and underscore only")
  // Sign-in reads a name such as 0812-3456-7890 as a phone number (+62…): an account by that name could
  // never sign in, so it is refused here, where an admin can still pick another.
  .refine((u) => {
    const asContact = normalizeGuestContact(u);
    return asContact === null || asContact === u;
  }, "looks like a phone number, which sign-in would read as one; add a letter");

/** NIST SP 800-63B: length over composition rules; long passphrases allowed. */
export const NewPassword = z.string().min(10, "at least 10 characters").max(200, "at most 200 characters");

export const LoginInput = z.object({
  // Not the Username rule: an old or mistyped name must still be a wrong login, not a form error.
  username: requiredSafeText({ max: 80, singleLine: true }).transform((v) => normalizeGuestContact(v) ?? v.toLowerCase()),
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

/**
 * A guest signs in with the e-mail address or phone number they registered with: an e-mail lower-cased,
 * a phone number as digits with Indonesia's country code (`0812…` and `+62 812…` are one account).
 */
export function normalizeGuestContact(raw: string): string | null {
  const v = raw.trim().toLowerCase();
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) return v.length <= 80 ? v : null;
  const digits = v.replace(/[\s().-]/g, "");
  if (!/^\+?\d{8,15}$/.test(digits)) return null;
  const bare = digits.replace(/^\+/, "");
  return bare.startsWith("0") ? `62${bare.slice(1)}` : bare;
}

export const GuestContact = z.string().transform((v, ctx) => {
  const contact = normalizeGuestContact(v);
  if (contact === null) {
    ctx.addIssue({ code: "custom", message: "an e-mail address or a phone number (such as 0812 3456 7890)" });
    return z.NEVER;
  }
  return contact;
});

/**
 * Guests (pengguna informasi) register themselves with an e-mail address or a phone number (`contact`,
 * which becomes what they sign in with) and must agree to the terms; every other role is issued by an
 * admin. `username` is the older form of the same (a plain name), still taken.
 */
export const RegisterGuestInput = z
  .object({
    contact: GuestContact.optional(),
    username: Username.optional(),
    displayName: requiredSafeText({ max: 100, singleLine: true }),
    password: NewPassword,
    phone: safeText({ max: 30, singleLine: true }).optional(),
    consent: z.literal(true, "agree to the terms to register"),
  })
  .refine((v) => v.contact !== undefined || v.username !== undefined, { path: ["contact"], message: "an e-mail address or a phone number" });

/** A guest closes their own account: the password again, so a borrowed unlocked phone cannot. */
export const DeleteOwnAccountInput = z.strictObject({ password: z.string().min(1, "required").max(200) });

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
