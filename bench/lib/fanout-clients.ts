/**
 * Child side of runFanoutClients (fanout.ts): many dashboard sockets plus a few submitting phones, in a
 * process of their own so their CPU is not the server's. Not run directly.
 *
 * Dashboards speak Socket.IO's wire protocol on a bare engine.io-client socket (what socket.io-client runs
 * on): connect to the main namespace, then for each `report:created` read only the report's `perihal`
 * (which carries the message number) instead of JSON-parsing the whole envelope. A thousand full
 * socket.io-clients would parse 100,000 envelopes a second on this machine and measure themselves; the
 * server cannot tell the difference. Phones are ordinary socket.io-clients with acks.
 */
import { performance } from "node:perf_hooks";
import { Socket as EngineSocket } from "engine.io-client";
import { io as connect, type Socket } from "socket.io-client";
import { summarizeLatencies, round3 } from "./stats.ts";
import { sendPaced } from "./load.ts";
import type { ClientsMessage, ClientsOptions, ClientsPhase, ClientsResult } from "./fanout.ts";

const send = (m: ClientsMessage) => new Promise<void>((resolve) => (process.send ? process.send(m, () => resolve()) : resolve()));

process.on("disconnect", () => process.exit(0));
process.once("message", (m: { type: "start"; opts: ClientsOptions }) => {
  run(m.opts).then(
    (results) => send({ type: "result", results }).then(() => process.exit(0)),
    (err: unknown) => send({ type: "failed", message: err instanceof Error ? (err.stack ?? err.message) : String(err) }).then(() => process.exit(1)),
  );
});

async function run(o: ClientsOptions): Promise<ClientsResult[]> {
  // The message a dashboard just got is handed to the running phase (one at a time).
  let onEvent: (data: string) => void = () => undefined;

  // Dashboards first, a few handshakes at a time (each one reads the session from the database).
  const dashboards: EngineSocket[] = [];
  const connectStarted = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: o.connectConcurrency }, async () => {
      while (next < o.dashboards.length) {
        const i = next++;
        dashboards[i] = await openDashboard(o.url, o.dashboards[i]!, (data) => onEvent(data));
      }
    }),
  );
  const connectMs = performance.now() - connectStarted;
  const phones = await Promise.all(o.phones.map((cookie) => openPhone(o.url, cookie)));

  const results: ClientsResult[] = [];
  for (const [index, phase] of o.phases.entries()) {
    const p = runPhase(o, phase, `${o.tag}.${index} `, dashboards.length, phones);
    onEvent = p.onEvent;
    await send({ type: "measuring", phase: index });
    const result = await p.done;
    await send({ type: "measured", phase: index });
    results.push({ ...result, connectMs: round3(connectMs) });
  }
  for (const d of dashboards) d.close();
  for (const p of phones) p.close();
  return results;
}

function runPhase(o: ClientsOptions, phase: ClientsPhase, prefix: string, dashboardCount: number, phones: Socket[]) {
  const warmupCount = Math.round((phase.rate * phase.warmupMs) / 1000);
  const measuredCount = Math.round((phase.rate * phase.measureMs) / 1000);
  const total = warmupCount + measuredCount;
  const scheduledAt = new Float64Array(total).fill(NaN);
  /** Receipts of measured messages: latency from the scheduled submit time. */
  const latencies = new Float64Array(measuredCount * dashboardCount);
  let receipts = 0;
  const perMessage = new Uint32Array(total);
  const lastArrival = new Float64Array(total);
  let strays = 0;

  const onEvent = (data: string) => {
    const t = performance.now();
    const k = data.indexOf('"perihal":"');
    if (k < 0) return;
    const start = k + 11;
    const p = data.slice(start, data.indexOf('"', start));
    if (!p.startsWith(prefix)) return;
    const i = Number(p.slice(prefix.length));
    if (!(i >= 0 && i < total) || Number.isNaN(scheduledAt[i]!)) {
      strays++;
      return;
    }
    perMessage[i]!++;
    lastArrival[i] = Math.max(lastArrival[i]!, t);
    if (i >= warmupCount && receipts < latencies.length) latencies[receipts++] = t - scheduledAt[i]!;
  };

  const done = (async (): Promise<Omit<ClientsResult, "connectMs">> => {
    const cpu0 = process.cpuUsage();
    const acks: Record<string, number> = {};
    const ackLatency = new Float64Array(total);
    const sendLag = new Float64Array(total);
    const pending: Promise<void>[] = [];
    const t0 = performance.now() + 20;
    const send = (i: number, at: number, now: number) => {
      scheduledAt[i] = at;
      sendLag[i] = now - at;
      const report = { ...o.report, clientId: crypto.randomUUID(), sentAt: new Date().toISOString(), perihal: `${prefix}${i}` };
      pending.push(
        phones[i % phones.length]!
          .timeout(o.ackTimeoutMs)
          .emitWithAck("report:submit", report)
          .then(
            (ack: { data?: unknown; error?: { code?: string } }) => {
              ackLatency[i] = performance.now() - at;
              const key = ack.data ? "ok" : `error:${ack.error?.code ?? "?"}`;
              acks[key] = (acks[key] ?? 0) + 1;
            },
            () => {
              ackLatency[i] = performance.now() - at;
              acks.timeout = (acks.timeout ?? 0) + 1;
            },
          ),
      );
    };
    await sendPaced(total, phase.rate, t0, send, 2);
    await Promise.all(pending);
    // Let the last broadcasts arrive: until every dashboard has every message, or the drain time is up.
    const drainUntil = performance.now() + o.drainMs;
    while (performance.now() < drainUntil && perMessage.some((n, i) => i >= warmupCount && n < dashboardCount)) {
      await new Promise((r) => setTimeout(r, 20));
    }
    const cpu = process.cpuUsage(cpu0);
    const wallMs = performance.now() - t0;

    // Deliveries a second while measuring: first measured submit → last measured arrival.
    let lastMeasuredArrival = 0;
    for (let i = warmupCount; i < total; i++) lastMeasuredArrival = Math.max(lastMeasuredArrival, lastArrival[i]!);
    const measuredSpanMs = lastMeasuredArrival - (scheduledAt[warmupCount] ?? t0);
    const fanoutMs: number[] = [];
    for (let i = warmupCount; i < total; i++) if (perMessage[i] === dashboardCount) fanoutMs.push(lastArrival[i]! - scheduledAt[i]!);

    return {
      dashboards: dashboardCount,
      phones: phones.length,
      rate: phase.rate,
      messages: { warmup: warmupCount, measured: measuredCount, completeDelivery: fanoutMs.length },
      receipts: { expected: measuredCount * dashboardCount, received: receipts, strays },
      deliveriesPerSecond: round3((receipts / measuredSpanMs) * 1000),
      offeredDeliveriesPerSecond: phase.rate * dashboardCount,
      deliveryLatencyMs: summarizeLatencies(latencies.subarray(0, receipts)),
      lastDashboardLatencyMs: summarizeLatencies(fanoutMs),
      ackLatencyMs: summarizeLatencies(ackLatency.subarray(warmupCount)),
      sendLagMs: summarizeLatencies(sendLag),
      acks,
      clientCpuCores: round3((cpu.user + cpu.system) / 1000 / wallMs),
    };
  })();
  return { onEvent, done };
}

function openDashboard(url: string, cookie: string, onEvent: (data: string) => void): Promise<EngineSocket> {
  const socket = new EngineSocket(url, {
    path: "/socket.io/",
    transports: ["websocket"],
    extraHeaders: cookie ? { cookie } : {},
  });
  return new Promise((resolve, reject) => {
    let connected = false;
    socket.on("open", () => socket.send("0")); // Socket.IO CONNECT to the main namespace
    socket.on("message", (raw) => {
      const data = String(raw);
      const type = data.charCodeAt(0);
      if (type === 50 /* 2 EVENT */) return onEvent(data);
      if (type === 48 /* 0 CONNECT */ && !connected) {
        connected = true;
        resolve(socket);
      } else if (type === 52 /* 4 CONNECT_ERROR */) {
        socket.close();
        reject(new Error(`dashboard refused: ${data}`));
      }
    });
    socket.on("error", (err) => (connected ? undefined : reject(err instanceof Error ? err : new Error(String(err)))));
    socket.on("close", (reason) => (connected ? undefined : reject(new Error(`dashboard closed: ${reason}`))));
  });
}

function openPhone(url: string, cookie: string): Promise<Socket> {
  const socket = connect(url, { transports: ["websocket"], extraHeaders: cookie ? { cookie } : {}, reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (err) => {
      socket.close();
      reject(err);
    });
  });
}
