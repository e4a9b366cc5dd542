import { z } from "zod";
import { KecamatanKode, NewPassword, Role, SessionUser, Username } from "./auth.ts";
import { requiredSafeText, safeText } from "./text.ts";
import { instant } from "./time.ts";

const optionalText = (max: number) => safeText({ max, singleLine: true }).nullish().transform((v) => (v ? v : null));
/** NIP: the 18-digit Indonesian civil-servant number. */
const Nip = z
  .string()
  .trim()
  .regex(/^\d{18}$/, "NIP is 18 digits")
  .nullish()
  .or(z.literal("").transform(() => null))
  .transform((v) => v ?? null);

const userFields = {
  displayName: requiredSafeText({ max: 100, singleLine: true }),
  role: Role,
  kecamatanKode: KecamatanKode.nullish().transform((v) => v ?? null),
  position: optionalText(120),
  nip: Nip,
  phone: optionalText(30),
  verifierRegions: z.array(KecamatanKode).max(8).default([]),
};

/** An officer works in exactly one kecamatan; other roles have none. */
function checkRoleFields(
  u: { role?: Role; kecamatanKode?: string | null; verifierRegions?: string[] },
  ctx: z.RefinementCtx,
) {
  if (u.role === "officer" && !u.kecamatanKode)
    ctx.addIssue({ code: "custom", path: ["kecamatanKode"], message: "an officer needs a kecamatan" });
  if (u.role && u.role !== "officer" && u.kecamatanKode)
    ctx.addIssue({ code: "custom", path: ["kecamatanKode"], message: "only officers belong to a kecamatan" });
  if (u.role && u.role !== "verifier" && u.verifierRegions?.length)
    ctx.addIssue({ code: "custom", path: ["verifierRegions"], message: "only verifiers have verifier regions" });
}

export const CreateUserInput = z
  .object({ username: Username, ...userFields, password: NewPassword.optional() })
  .superRefine(checkRoleFields);
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const UpdateUserInput = z
  .object({
    displayName: userFields.displayName.optional(),
    role: Role.optional(),
    kecamatanKode: KecamatanKode.nullish(),
    position: optionalText(120).optional(),
    nip: Nip.optional(),
    phone: optionalText(30).optional(),
    verifierRegions: z.array(KecamatanKode).max(8).optional(),
    active: z.boolean().optional(),
  })
  .strict();
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

export const UserIdParams = z.object({ id: z.string().uuid("not a user id") });

export const UserListQuery = z.object({
  q: safeText({ max: 100, singleLine: true }).optional(),
  role: Role.optional(),
  kecamatan: KecamatanKode.optional(),
  active: z.enum(["true", "false"]).optional().transform((v) => (v === undefined ? undefined : v === "true")),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** A user as an admin sees it: what the user sees of themself, and the account's state. */
export const AdminUserView = SessionUser.extend({
  active: z.boolean(),
  failedLogins: z.number().int(),
  lockedUntil: z.string().nullable(),
  passwordChangedAt: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type AdminUserView = z.infer<typeof AdminUserView>;

/** Answer of creating a user or resetting a password without giving one: shown once, never stored. */
export const OneTimePasswordResult = z.strictObject({
  user: AdminUserView,
  oneTimePassword: z.string().optional(),
});
export type OneTimePasswordResult = z.infer<typeof OneTimePasswordResult>;

/** An audit action's name, such as `report.status_changed` or `user.created`. */
const AuditActionName = z.string().regex(/^[a-z][a-z_.]{0,59}$/, "an action such as report.status_changed");

export const AuditQuery = z.object({
  /** Only these actions: one, a comma-separated list, or the parameter repeated. */
  action: z
    .union([z.string(), z.array(z.string()).max(50)])
    .optional()
    .transform((v) => {
      const names = [v ?? []].flat().flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean);
      return names.length ? names : undefined;
    })
    .pipe(z.array(AuditActionName).max(50, "at most 50 actions").optional()),
  /** The actor's username as recorded. */
  actor: safeText({ max: 60, singleLine: true }).optional(),
  actorId: z.string().uuid("not a user id").optional(),
  /** Entries at or after this instant… */
  from: instant().optional(),
  /** …and before this one. */
  to: instant().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().positive().optional(),
});

/**
 * One line of the audit log, with what a person reads: who (`actorName`, their display name now) did
 * `action` to what (`targetLabel`: a report's number and perihal, a user's name, an incident's number and
 * title, an agency or an assignment — null when the target is gone or has no label). `details` is what
 * the action recorded (free-form JSON: a decision's from/to and note, a broken claim's holder, …).
 */
export const AuditEntry = z.strictObject({
  id: z.number().int(),
  at: z.string(),
  action: z.string(),
  actorId: z.string().nullable(),
  actorUsername: z.string().nullable(),
  actorName: z.string().nullable(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  targetLabel: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
