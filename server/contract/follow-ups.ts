import { z } from "zod";
import type { ErrorCode } from "./errors.ts";
import { requiredSafeText, safeText } from "./text.ts";
import { instant } from "./time.ts";

/**
 * Follow-up (tindak lanjut): a verified report or an incident assigned to partner agencies, with an
 * instruction and a deadline. Each assignment is open → responded (the response entered by staff on the
 * agency's behalf) → closed; it is overdue while open past its deadline. Officers and guests never see
 * assignments.
 */

export const FOLLOW_UP_LIMITS = {
  agencyNameMax: 120,
  instructionMax: 2_000,
  responseMax: 5_000,
  noteMax: 2_000,
  agenciesPerAssignment: 20,
  /** Deadline when none is given, from the moment of assigning. */
  defaultDeadlineDays: 3,
  /** The farthest deadline accepted. */
  deadlineMaxDays: 365,
} as const;

export const AgencyKind = z.enum(["polres", "kodim", "kejaksaan", "satpol_pp", "camat", "kominda", "other"]);
export type AgencyKind = z.infer<typeof AgencyKind>;

/** An optional one-line text: empty becomes null. */
const optionalLine = (max: number) => safeText({ max, singleLine: true }).nullish().transform((v) => (v ? v : null));
const Email = z
  .string()
  .trim()
  .max(200, "at most 200 characters")
  .pipe(z.union([z.literal(""), z.email("not an e-mail address")]))
  .nullish()
  .transform((v) => (v ? v : null));
const agencyFields = {
  name: requiredSafeText({ max: FOLLOW_UP_LIMITS.agencyNameMax, singleLine: true }),
  kind: AgencyKind,
  contactPerson: optionalLine(120),
  phone: optionalLine(40),
  email: Email,
  notes: safeText({ max: FOLLOW_UP_LIMITS.noteMax }).nullish().transform((v) => (v ? v : null)),
};

export const CreateAgencyInput = z.object({ ...agencyFields, active: z.boolean().default(true) }).strict();
export type CreateAgencyInput = z.infer<typeof CreateAgencyInput>;

export const UpdateAgencyInput = z
  .object({
    name: agencyFields.name.optional(),
    kind: AgencyKind.optional(),
    contactPerson: agencyFields.contactPerson.optional(),
    phone: agencyFields.phone.optional(),
    email: agencyFields.email.optional(),
    notes: agencyFields.notes.optional(),
    active: z.boolean().optional(),
  })
  .strict();
export type UpdateAgencyInput = z.infer<typeof UpdateAgencyInput>;

export const AgencyIdParams = z.object({ id: z.string().uuid("not an agency id") });

const booleanQuery = z.enum(["true", "false"]).optional().transform((v) => (v === undefined ? undefined : v === "true"));

export const AgencyListQuery = z.object({
  active: booleanQuery,
  kind: AgencyKind.optional(),
  q: safeText({ max: 100, singleLine: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});
export type AgencyListQuery = z.infer<typeof AgencyListQuery>;

export const AgencyView = z.strictObject({
  id: z.string(),
  name: z.string(),
  kind: AgencyKind,
  contactPerson: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  notes: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AgencyView = z.infer<typeof AgencyView>;

export const FollowUpStatus = z.enum(["open", "responded", "closed"]);
export type FollowUpStatus = z.infer<typeof FollowUpStatus>;

const AgencyIds = z
  .array(z.string().uuid("not an agency id"))
  .min(1, "at least one agency")
  .max(FOLLOW_UP_LIMITS.agenciesPerAssignment, `at most ${FOLLOW_UP_LIMITS.agenciesPerAssignment} agencies`)
  .refine((ids) => new Set(ids).size === ids.length, "an agency is named twice");
const Instruction = requiredSafeText({ max: FOLLOW_UP_LIMITS.instructionMax });

/**
 * Assign a report (verified or published) or an incident to one or more agencies: one assignment each.
 * Without a deadline: three days from now.
 */
export const CreateFollowUpInput = z
  .object({
    reportId: z.string().uuid("not a report id").optional(),
    incidentId: z.string().uuid("not an incident id").optional(),
    agencyIds: AgencyIds,
    instruction: Instruction,
    deadline: instant().optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if ((v.reportId === undefined) === (v.incidentId === undefined))
      ctx.addIssue({ code: "custom", path: ["reportId"], message: "name either a report or an incident" });
  });
export type CreateFollowUpInput = z.infer<typeof CreateFollowUpInput>;

/**
 * What bulk triage hands `followUps.assign`: the same assignment for many reports, each checked on its
 * own. Parsed with the schema's rules by the bulk route's own contract.
 */
export interface AssignFollowUpsInput {
  reportIds: string[];
  agencyIds: string[];
  instruction: string;
  deadline?: string;
}

/** Per report: its new assignments (one per agency), or why none was made. */
export type AssignFollowUpResult =
  | { reportId: string; ok: true; assignmentIds: string[] }
  | { reportId: string; ok: false; error: { code: ErrorCode; message: string } };

export const FollowUpResponseInput = z.object({ response: requiredSafeText({ max: FOLLOW_UP_LIMITS.responseMax }) }).strict();
/** Closing needs no body; a note is optional. */
export const CloseFollowUpInput = z.object({ note: safeText({ max: FOLLOW_UP_LIMITS.noteMax }).optional() }).strict().default({});

export const FollowUpIdParams = z.object({ id: z.string().uuid("not an assignment id") });

export const FollowUpListQuery = z.object({
  status: FollowUpStatus.optional(),
  agency: z.string().uuid("not an agency id").optional(),
  /** true: open and past the deadline only; false: everything else. */
  overdue: booleanQuery,
  report: z.string().uuid("not a report id").optional(),
  incident: z.string().uuid("not an incident id").optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type FollowUpListQuery = z.infer<typeof FollowUpListQuery>;

const Person = z.strictObject({ id: z.string(), displayName: z.string() });

/** An assignment as verifiers, admins and leaders see it. */
export const FollowUpView = z.strictObject({
  id: z.string(),
  /** What was assigned: a report (LI-…) or an incident (INS-…). */
  target: z.strictObject({ type: z.enum(["report", "incident"]), id: z.string(), number: z.string(), title: z.string() }),
  agency: z.strictObject({ id: z.string(), name: z.string(), kind: AgencyKind }),
  instruction: z.string(),
  deadline: z.string(),
  status: FollowUpStatus,
  /** Open and past its deadline, as of the answer (shown in red). */
  overdue: z.boolean(),
  response: z.string().nullable(),
  respondedAt: z.string().nullable(),
  respondedBy: Person.nullable(),
  closeNote: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedBy: Person.nullable(),
  createdAt: z.string(),
  createdBy: Person,
});
export type FollowUpView = z.infer<typeof FollowUpView>;

/** One agency's line on the leaders' board. */
export const FollowUpBoardRow = z.strictObject({
  agency: z.strictObject({ id: z.string(), name: z.string(), kind: AgencyKind, active: z.boolean() }),
  open: z.number().int(),
  /** Of the open ones, past their deadline. */
  overdue: z.number().int(),
  responded: z.number().int(),
  closed: z.number().int(),
  /** Mean hours from assignment to response over every response so far; null when none yet. */
  avgResponseHours: z.number().nullable(),
});
export type FollowUpBoardRow = z.infer<typeof FollowUpBoardRow>;

export const FollowUpBoard = z.strictObject({
  /** The moment `overdue` was counted at. */
  asOf: z.string(),
  agencies: z.array(FollowUpBoardRow),
});
export type FollowUpBoard = z.infer<typeof FollowUpBoard>;

/** `followup:changed`: what happened and the assignment as it is now. */
export const FollowUpChange = z.strictObject({
  kind: z.enum(["assigned", "responded", "closed"]),
  assignment: FollowUpView,
});
export type FollowUpChange = z.infer<typeof FollowUpChange>;
