/**
 * The typed Socket.IO contract shared by the server and both clients. Requests are `noun:verb`
 * (`report:submit`), facts are past tense (`report:created`). Every ack is `{ data } | { error }`.
 */
import { z } from "zod";
import type { ErrorBody } from "./errors.ts";
import type { SubmitReportRaw } from "./reports.ts";
import { ReportView, type SubmitResult } from "./report-view.ts";
import type { AlertChange } from "./alerts.ts";
import type { WallServerEvents } from "./wall.ts";
import type { ClaimNotice } from "./claims.ts";
import type { IncidentChange } from "./incidents.ts";
import type { FollowUpChange } from "./follow-ups.ts";
import type { JobRunView } from "./jobs.ts";
import type { DutyReminder } from "./duties.ts";
import type { PublicReport, PublicReportWithdrawn } from "./public-reports.ts";
import type { NotificationView } from "./notifications.ts";

export type Ack<T> = { data: T } | ErrorBody;

/**
 * A fact delivered to a room, stamped with the change log's sequence number for gap-free resume.
 * `T` is the entity's view as the receiver may see it; reports are the only entity so far, hence the default.
 */
export interface ChangeEnvelope<T = ReportView> {
  seq: number;
  entity: "report";
  entityId: string;
  kind: string;
  at: string;
  data: T;
}

/** The envelope as a schema, around the entity's view. */
export const changeEnvelopeOf = <T extends z.ZodType>(data: T) =>
  z.strictObject({ seq: z.number().int().min(1), entity: z.literal("report"), entityId: z.string(), kind: z.string(), at: z.string(), data });

/** A report change as `GET /api/changes` lists it: the report as it is now (null if it cannot be read). */
export const ReportChange = changeEnvelopeOf(ReportView.nullable());
export type ReportChange = z.infer<typeof ReportChange>;

/** Report facts, each a change envelope around the report as the receiving room may see it. */
export interface ReportServerEvents {
  "report:created": (change: ChangeEnvelope<ReportView>) => void;
  "report:updated": (change: ChangeEnvelope<ReportView>) => void;
  "report:published": (change: ChangeEnvelope<ReportView>) => void;
}

/**
 * Claims on reports (see claims.ts): who is deciding on a report now. Sent to its verifiers, admins and
 * leaders only; not in the change log, since a lease lapses by itself at its `expiresAt`.
 */
export interface ClaimServerEvents {
  "report:claimed": (notice: ClaimNotice) => void;
  "report:released": (notice: ClaimNotice) => void;
}

/**
 * Incidents and follow-ups (incidents.ts, follow-ups.ts): to the verifiers of the kecamatan involved,
 * admins and leaders only — never officers or guests. Not in the change log: a client that reconnects
 * reloads the incident or assignment list.
 */
export interface IncidentServerEvents {
  "incident:changed": (change: IncidentChange) => void;
  "followup:changed": (change: FollowUpChange) => void;
}

/** Why the server closed this socket on purpose. Sent just before the disconnect. */
export interface DisplacedNotice {
  /** `too_many_sockets`: the user opened more than `limit` sockets and this one was the oldest. */
  reason: "too_many_sockets";
  /** Sockets one user may hold at once. */
  limit: number;
}

/**
 * Scheduled jobs and duties (issue 15): `job:progress` to admins as a run starts, progresses and ends;
 * `duty:reminder` to an officer's own sockets when a deadline is near. Neither is in the change log: the
 * job list and `GET /api/duties/mine` are where a client that was away reads them.
 */
export interface JobServerEvents {
  "job:progress": (run: JobRunView) => void;
  "duty:reminder": (reminder: DutyReminder) => void;
}

/**
 * The public namespace (PUBLIC_NAMESPACE, no session): publications as anyone may see them, in the public
 * shape only (public-reports.ts), never a staff view. Not in the change log: a visitor who was away
 * reloads `GET /api/public/reports`. Staff hear of the same decisions as `report:updated`.
 */
export interface PublicServerEvents {
  "report:published": (report: PublicReport) => void;
  /** Withdrawn from public view: every public client drops it. */
  "report:unpublished": (notice: PublicReportWithdrawn) => void;
}

/** Early-warning alerts (alerts.ts): to leaders, admins and the verifiers of the alert's kecamatan. */
export interface AlertServerEvents {
  "alert:changed": (change: AlertChange) => void;
}

/**
 * Notifications (notifications.ts): a new one to its owner's sockets only (`user:<id>`). Not in the change
 * log: a client that was away reads `GET /api/notifications`.
 */
export interface NotificationServerEvents {
  "notification:new": (notification: NotificationView) => void;
  /** These notifications of the owner's are gone: a report they told of was unpublished. */
  "notification:removed": (removed: { ids: string[] }) => void;
}

export interface ServerToClientEvents extends ReportServerEvents, ClaimServerEvents, IncidentServerEvents, JobServerEvents, AlertServerEvents, WallServerEvents, NotificationServerEvents {
  /** This socket is being closed (see DisplacedNotice); a client should not reconnect it by itself. */
  "session:displaced": (notice: DisplacedNotice) => void;
}

export interface ClientToServerEvents {
  /** Intake's socket door: acked after the commit (REST `POST /api/reports` is the other door). */
  "report:submit": (input: SubmitReportRaw, ack: (result: Ack<SubmitResult>) => void) => void;
}

export type ClientEventName = keyof ClientToServerEvents;

/** What the ack of a client→server event carries on success. */
export type AckData<E extends ClientEventName> = Parameters<ClientToServerEvents[E]>[1] extends (result: Ack<infer T>) => void ? T : never;
