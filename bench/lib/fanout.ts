import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { LatencySummary } from "./stats.ts";
import { serverNodeArgs, stopChild } from "./server.ts";

/** What the clients child is told to do (see fanout-clients.ts). */
export interface ClientsOptions {
  /** http://127.0.0.1:<port> of the Socket.IO server. */
  url: string;
  /** One session cookie per dashboard socket (repeats allowed; "" for none). */
  dashboards: string[];
  /** One cookie per submitting phone; submissions go round robin. */
  phones: string[];
  /** One after another on the same connections: reports per second (open loop), warm-up, timed span. */
  phases: ClientsPhase[];
  /** After the last ack, how long to wait for stragglers. */
  drainMs: number;
  /** A phone gives up on an ack after this long (counted as an error). */
  ackTimeoutMs: number;
  /** The report every phone submits (clientId, sentAt and perihal are set per message). */
  report: Record<string, unknown>;
  /** `perihal` is `<tag>.<phase> <message number>`: how dashboards recognise and time a message. */
  tag: string;
  connectConcurrency: number;
}

export interface ClientsPhase {
  rate: number;
  warmupMs: number;
  measureMs: number;
}

export interface ClientsResult {
  dashboards: number;
  phones: number;
  rate: number;
  messages: { warmup: number; measured: number; completeDelivery: number };
  receipts: { expected: number; received: number; strays: number };
  /** Deliveries the clients got per second while measuring, and what the schedule offered. */
  deliveriesPerSecond: number;
  offeredDeliveriesPerSecond: number;
  /** Every (message, dashboard) pair: scheduled submit → the dashboard has the event. */
  deliveryLatencyMs: LatencySummary;
  /** Per message: scheduled submit → the last dashboard has it. */
  lastDashboardLatencyMs: LatencySummary;
  ackLatencyMs: LatencySummary;
  sendLagMs: LatencySummary;
  acks: Record<string, number>;
  connectMs: number;
  /** CPU the clients process used while measuring, in cores (1 = one core busy). */
  clientCpuCores: number;
}

export type ClientsMessage =
  | { type: "measuring"; phase: number }
  | { type: "measured"; phase: number }
  | { type: "result"; results: ClientsResult[] }
  | { type: "failed"; message: string };

const CLIENTS = fileURLToPath(new URL("./fanout-clients.ts", import.meta.url));
const BARE = fileURLToPath(new URL("./bare-io-child.ts", import.meta.url));

/**
 * Run the dashboards and phones in a child process. `hooks` fire when each phase starts and ends (to meter
 * the server's CPU over exactly that span); resolves with the child's figures, one per phase.
 */
export function runFanoutClients(
  opts: ClientsOptions,
  hooks: { measuring?: (phase: number, pid: number) => void; measured?: (phase: number) => void } = {},
): Promise<ClientsResult[]> {
  const child = fork(CLIENTS, [], { execArgv: ["--import", "tsx"], stdio: "inherit" });
  return new Promise<ClientsResult[]>((resolve, reject) => {
    child.on("message", (m: ClientsMessage) => {
      if (m.type === "measuring") hooks.measuring?.(m.phase, child.pid!);
      else if (m.type === "measured") hooks.measured?.(m.phase);
      else if (m.type === "result") resolve(m.results);
      else reject(new Error(`fanout clients failed: ${m.message}`));
    });
    child.once("exit", (code, signal) => reject(new Error(`fanout clients exited (${signal ?? code})`)));
    child.once("error", reject);
    child.send({ type: "start", opts });
  }).finally(() => stopChild(child));
}

export interface BareIoServer {
  baseUrl: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * A plain Socket.IO server (no Express, no sessions, no database, default options) in a child process of
 * its own, as the app runs in one: on `report:submit` it broadcasts `envelope` to everyone with `io.emit`,
 * with the submitted `perihal` put into `envelope.data`, then acks.
 */
export async function spawnBareIo(envelope: unknown): Promise<BareIoServer> {
  // Profiled alike with the app when asked (see serverNodeArgs).
  const child = fork(BARE, [], { execArgv: ["--import", "tsx", ...serverNodeArgs()], stdio: "inherit" });
  const baseUrl = await new Promise<string>((resolve, reject) => {
    child.once("message", (m: { type: "ready"; baseUrl: string }) => resolve(m.baseUrl));
    child.once("exit", (code, signal) => reject(new Error(`bare Socket.IO server exited before ready (${signal ?? code})`)));
    child.once("error", reject);
    child.send({ type: "start", envelope });
  });
  return { baseUrl, pid: child.pid!, stop: () => stopChild(child) };
}
