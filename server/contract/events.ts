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

export interface ServerToClientEvents {
  "report:created": (change: ChangeEnvelope) => void;
  "report:updated": (change: ChangeEnvelope) => void;
  "report:published": (change: ChangeEnvelope) => void;
}

export interface ClientToServerEvents {
  "report:submit": (input: unknown, ack: (result: Ack<unknown>) => void) => void;
}

export type ClientEventName = keyof ClientToServerEvents;
