import { io as connect, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@contract/events.ts";
import type { TestApp } from "./test-app.ts";

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real socket.io-client on the test app; resolves once connected, rejects with the connect_error. */
export function openSocket(
  t: TestApp,
  opts: { cookie?: string; origin?: string; namespace?: string; headers?: Record<string, string> } = {},
): Promise<ClientSocket> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.origin) headers.origin = opts.origin;
  const socket: ClientSocket = connect(t.baseUrl + (opts.namespace ?? "/"), {
    transports: ["websocket"],
    extraHeaders: headers,
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (err) => {
      socket.close();
      reject(err);
    });
  });
}

/** Resolves with the time it took for the socket to be disconnected by the server. */
export function disconnectedWithin(socket: ClientSocket, ms: number): Promise<number> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`still connected after ${ms} ms`)), ms);
    socket.once("disconnect", () => {
      clearTimeout(timer);
      resolve(Date.now() - started);
    });
  });
}
