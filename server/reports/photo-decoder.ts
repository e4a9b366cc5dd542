import { fork, type ChildProcess } from "node:child_process";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { AppError, notReady } from "../core/errors.ts";
import { createSemaphore } from "./semaphore.ts";

/**
 * What the decoding process is asked to do: one photo, from a file to a file. Paths, not bytes: a 10 MB
 * photo copied through the IPC channel would be two more large allocations in the server per upload.
 */
interface DecodeJob {
  id: number;
  input: string;
  output: string;
}

/** Its answer; `concurrent` counts the decodes running in that process when this one started. */
type DecodeReply = { id: number; concurrent: number } & ({ ok: true; width: number; height: number } | { ok: false; message: string });

/** The derivative JPEG's size, px. */
export interface Derivative {
  width: number;
  height: number;
}

export interface PhotoDecoderOptions {
  /** Longest side of the derivative, px. */
  maxSide: number;
  /** libvips refuses inputs with more pixels than this (the store checks the header first; this is the backstop). */
  limitInputPixels: number;
  /** Decodes at once; default one per core. */
  maxConcurrent?: number;
  /** The decoding process exits after this long without work. */
  idleMs?: number;
  /** Told when the decoding process died with photos in flight (they fail with 503; the next one starts anew). */
  onCrash?: (info: { exitCode: number | null; signal: string | null; photosLost: number }) => void;
}

const CHILD = fileURLToPath(new URL("./photo-decoder.child.mjs", import.meta.url));
/** Long enough to serve a report's photos (they arrive one after another) with one process start. */
const DEFAULT_IDLE_MS = 10_000;

interface Running {
  proc: ChildProcess;
  pending: Map<number, { resolve: (d: Derivative) => void; reject: (e: Error) => void }>;
}

/**
 * Photos decoded and re-encoded in a child process that exists only while there is work: started on
 * demand, retired after `idleMs` without any, so the memory a large decode leaves behind goes back to the
 * OS with it instead of staying in the server for good. At most `maxConcurrent` decodes run at once; the
 * rest wait their turn here, so the decoding process never holds more than that many images.
 */
export function createPhotoDecoder(opts: PhotoDecoderOptions) {
  const maxConcurrent = opts.maxConcurrent ?? availableParallelism();
  const idleMs = opts.idleMs ?? DEFAULT_IDLE_MS;
  const gate = createSemaphore(maxConcurrent);
  const stats = { peakConcurrent: 0, processesStarted: 0 };
  let current: Running | undefined;
  let idleTimer: NodeJS.Timeout | undefined;
  let nextId = 0;

  function start(): Running {
    const proc = fork(CHILD, [JSON.stringify({ maxSide: opts.maxSide, limitInputPixels: opts.limitInputPixels })], {
      // Not the server's flags (a TypeScript loader, --inspect, profilers): this is plain JavaScript.
      execArgv: [],
      // Nor its environment (database URL, session secret): this process reads untrusted images. Enough
      // libuv threads for every decode at once; libvips may spill to TMPDIR.
      env: { PATH: process.env.PATH, TMPDIR: process.env.TMPDIR, UV_THREADPOOL_SIZE: String(Math.max(4, maxConcurrent)) },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    const running: Running = { proc, pending: new Map() };
    stats.processesStarted++;
    proc.on("message", (reply: DecodeReply) => settle(running, reply));
    // Only a crash (out of memory, a fault in a decoder) or a failed start leaves work behind.
    proc.on("exit", (exitCode, signal) => abandon(running, exitCode, signal));
    proc.on("error", () => {
      abandon(running, null, null);
      proc.kill();
    });
    return running;
  }

  function abandon(running: Running, exitCode: number | null, signal: string | null) {
    if (current === running) current = undefined;
    if (running.pending.size > 0) opts.onCrash?.({ exitCode, signal, photosLost: running.pending.size });
    for (const { reject } of running.pending.values()) reject(interrupted());
    running.pending.clear();
  }

  function settle(running: Running, reply: DecodeReply) {
    const job = running.pending.get(reply.id);
    if (!job) return;
    running.pending.delete(reply.id);
    stats.peakConcurrent = Math.max(stats.peakConcurrent, reply.concurrent);
    if (reply.ok) job.resolve({ width: reply.width, height: reply.height });
    else job.reject(decodeError(reply.message));
    if (running.pending.size === 0) idle(running);
  }

  /** Nothing in flight: let the server exit without waiting for it, and retire it if no work comes. */
  function idle(running: Running) {
    running.proc.unref();
    (running.proc.channel as { unref?: () => void } | undefined)?.unref?.();
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => retire(running), idleMs);
    idleTimer.unref();
  }

  function retire(running: Running) {
    if (running.pending.size > 0) return;
    if (current === running) current = undefined;
    if (running.proc.connected) running.proc.disconnect(); // the child exits on disconnect
  }

  function send(input: string, output: string): Promise<Derivative> {
    clearTimeout(idleTimer);
    const running = (current ??= start());
    running.proc.ref();
    (running.proc.channel as { ref?: () => void } | undefined)?.ref?.();
    const id = nextId++;
    return new Promise<Derivative>((resolve, reject) => {
      running.pending.set(id, { resolve, reject });
      const job: DecodeJob = { id, input, output };
      running.proc.send(job, (err) => {
        if (err && running.pending.delete(id)) reject(interrupted());
      });
    });
  }

  return {
    /**
     * Write the derivative JPEG of the image file `input` to `output` (which the caller renames into place);
     * rejects with a 415 (or 413) AppError when the input does not decode.
     */
    decode: (input: string, output: string) => gate.run(() => send(input, output)),

    /** For tests and benchmarks: the most decodes seen at once, processes started, the one running now. */
    stats: () => ({ ...stats, maxConcurrent, waiting: gate.waiting, pid: current?.proc.pid ?? null }),

    /** Retire the decoding process now (work in flight fails with a 503). */
    close() {
      clearTimeout(idleTimer);
      const running = current;
      current = undefined;
      if (running?.proc.connected) running.proc.disconnect();
    },
  };
}

export type PhotoDecoder = ReturnType<typeof createPhotoDecoder>;

/** The photo itself may be fine: the client can send it again. */
const interrupted = () => notReady("Photo processing was interrupted; send the photo again");

function decodeError(message: string): AppError {
  // The store checks dimensions before decoding; this is libvips' own limit catching what slipped past.
  if (/pixel limit/i.test(message)) return new AppError(413, "payload_too_large", "Photo has too many pixels to process");
  return new AppError(415, "unsupported_media_type", "Photo could not be decoded");
}
