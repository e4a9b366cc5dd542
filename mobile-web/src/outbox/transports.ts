import type { Socket } from "socket.io-client";
import type { ErrorBody } from "@contract/errors.ts";
import type { Ack, ClientToServerEvents, ServerToClientEvents } from "@contract/events.ts";
import type { SubmitReportRaw, SubmitResult } from "@contract/reports.ts";
import { codeForStatus, readErrorBody } from "@kit/api-error.ts";
import { NetworkError } from "./retry.ts";

/** Sends one report. Resolves with the server's answer; throws `NetworkError` when there was none. */
export interface SubmitTransport {
  submit(payload: SubmitReportRaw): Promise<Ack<SubmitResult>>;
}

/** Uploads one photo (idempotent by hash). Same contract: an answer, or a thrown `NetworkError`. */
export type UploadPhoto = (reportId: string, sha256: string, blob: Blob, onProgress: (fraction: number) => void) => Promise<Ack<unknown>>;

export interface Transport extends SubmitTransport {
  uploadPhoto: UploadPhoto;
}

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * `report:submit` over Socket.IO with an ack. A disconnected socket fails at once instead of buffering:
 * socket.io would otherwise replay the emit on reconnect, long after we gave up and moved on.
 */
export function socketTransport(getSocket: () => AppSocket | null | undefined, timeoutMs = 20_000): SubmitTransport {
  return {
    async submit(payload) {
      const socket = getSocket();
      if (!socket?.connected) throw new NetworkError("network", "Not connected");
      let answer: unknown;
      try {
        answer = await socket.timeout(timeoutMs).emitWithAck("report:submit", payload);
      } catch {
        // The server may or may not have committed it; a retry is answered with the original result.
        throw new NetworkError("timeout", `No answer within ${Math.round(timeoutMs / 1000)} s`);
      }
      return readSubmitAck(answer);
    },
  };
}

/** `POST /api/reports`, the same handler as the socket event. */
export function restTransport(baseUrl = "", opts: { timeoutMs?: number; fetch?: typeof fetch } = {}): SubmitTransport {
  const doFetch = opts.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const timeoutMs = opts.timeoutMs ?? 30_000;
  return {
    async submit(payload) {
      let status: number;
      let text: string;
      try {
        const res = await doFetch(`${baseUrl}/api/reports`, {
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/json" },
          body: JSON.stringify(payload),
          credentials: "same-origin",
          signal: AbortSignal.timeout(timeoutMs),
        });
        status = res.status;
        text = await res.text();
      } catch (err) {
        const timedOut = err instanceof Error && err.name === "TimeoutError";
        throw new NetworkError(timedOut ? "timeout" : "network", timedOut ? "The server did not answer in time" : "Network unreachable");
      }
      return readSubmitAck(httpAnswer(status, text));
    },
  };
}

/** Use `primary` (the socket) when it is usable right now, else `secondary` (REST). */
export function fallbackTransport(primary: SubmitTransport, secondary: SubmitTransport, isPrimaryUsable: () => boolean): SubmitTransport {
  return { submit: (payload) => (isPrimaryUsable() ? primary : secondary).submit(payload) };
}

/**
 * An HTTP status + body as an ack. A 2xx body is the API's `{ data }`; error bodies pass through when they
 * have our shape, otherwise (a proxy's HTML page) the status decides. A 2xx that is not JSON or not our
 * envelope (a captive portal's login page) is no answer at all.
 */
export function httpAnswer(status: number, text: string): Ack<unknown> {
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    if (status >= 200 && status < 300) throw new NetworkError("bad_answer", "The answer was not from the SIKANDA server");
  }
  if (status >= 200 && status < 300) {
    if (isObject(body) && "data" in body) return { data: body.data };
    throw new NetworkError("bad_answer", "The answer was not from the SIKANDA server");
  }
  const error = readError(body);
  if (error) return error;
  return { error: { code: codeForStatus(status), message: `HTTP ${status}` } };
}

/** Check an answer's shape before trusting it (the sync loop also checks the clientId echo). */
export function readSubmitAck(answer: unknown): Ack<SubmitResult> {
  const error = readError(answer);
  if (error) return error;
  if (isObject(answer) && isSubmitResult(answer.data)) return { data: answer.data };
  throw new NetworkError("bad_answer", "The server's answer had an unexpected shape");
}

/** Enough of a SubmitResult to act on: the echo of our clientId and the stored id. */
function isSubmitResult(v: unknown): v is SubmitResult {
  return isObject(v) && typeof v.clientId === "string" && typeof v.id === "string";
}

/** Our error body, or null (the kit's reader: a code this version does not know counts as `internal`). */
function readError(body: unknown): ErrorBody | null {
  const error = readErrorBody(body);
  return error ? { error } : null;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}
