/**
 * The typed Socket.IO contract shared by the server and both clients. Requests are `noun:verb`
 * (`report:submit`), facts are past tense (`report:created`). Every ack is `{ data } | { error }`.
 */
import type { ErrorBody } from "./errors.ts";

export type Ack<T> = { data: T } | ErrorBody;

/** A fact delivered to a room, stamped with the change log's sequence number for gap-free resume. */
export interface ChangeEnvelope<T = unknown> {
  seq: number;
  entity: "report";
  entityId: string;
  kind: string;
  at: string;
  data: T;
}

/** Report facts, each a change envelope. */
export interface ReportServerEvents {
  "report:created": (change: ChangeEnvelope) => void;
  "report:updated": (change: ChangeEnvelope) => void;
  "report:published": (change: ChangeEnvelope) => void;
}

/** Why the server closed this socket on purpose. Sent just before the disconnect. */
export interface DisplacedNotice {
  /** `too_many_sockets`: the user opened more than `limit` sockets and this one was the oldest. */
  reason: "too_many_sockets";
  /** Sockets one user may hold at once. */
  limit: number;
}

export interface ServerToClientEvents extends ReportServerEvents {
  /** This socket is being closed (see DisplacedNotice); a client should not reconnect it by itself. */
  "session:displaced": (notice: DisplacedNotice) => void;
}

export interface ClientToServerEvents {
  "report:submit": (input: unknown, ack: (result: Ack<unknown>) => void) => void;
}

export type ClientEventName = keyof ClientToServerEvents;
