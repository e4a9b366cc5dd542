import { readdirSync, readFileSync } from "node:fs";

/**
 * CPU time spent during a phase, to tell a saturated machine (or process) from a slow design. Linux /proc
 * only; elsewhere the figures are null and the benchmark runs the same.
 */
export interface CpuMeter {
  /** Milliseconds of CPU each watched process used since start, and the machine's busy share (0–1 per core summed). */
  stop(): CpuUsage;
}

export interface CpuUsage {
  wallMs: number;
  /** Busy share of the whole machine over the phase, 0–1 (all cores together). */
  machineBusy: number | null;
  /** CPU milliseconds per watched process, by the label given; divide by wallMs for cores used. */
  processCpuMs: Record<string, number | null>;
  /**
   * Of which in the kernel (system time). On loopback the kernel runs the receiving side's TCP work in
   * the sender's context, so a server writing to many local sockets is charged for its clients' receives.
   */
  processSysMs: Record<string, number | null>;
  /**
   * CPU time the hypervisor gave to other guests while this VM's cores had work (steal), all cores
   * together. Not part of `other`: it is time nothing here ran.
   */
  stealMs: number | null;
}

const TICK_MS = 10; // USER_HZ is 100 on every Linux this runs on

function processTicks(pid: number): number | null {
  return processUserSys(pid)?.reduce((a, b) => a + b) ?? null;
}

function processUserSys(pid: number): [number, number] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the ")" that closes the command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return [Number(fields[11]), Number(fields[12])];
  } catch {
    return null;
  }
}

function machineTicks(): { busy: number; total: number; steal: number } | null {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n")[0]!;
    // user nice system idle iowait irq softirq steal guest guest_nice
    const v = line.trim().split(/\s+/).slice(1).map(Number);
    const total = v.reduce((a, b) => a + b, 0);
    const idle = (v[3] ?? 0) + (v[4] ?? 0);
    return { busy: total - idle, total, steal: v[7] ?? 0 };
  } catch {
    return null;
  }
}

/** Steal time of the whole machine so far, in ms (see CpuUsage.stealMs); null off Linux. */
export function machineStealMs(): number | null {
  const m = machineTicks();
  return m ? m.steal * TICK_MS : null;
}

/** CPU ticks of every local PostgreSQL process (a real server's backends; none in embedded mode), by pid. */
function postgresTicks(): Map<number, number> {
  const out = new Map<number, number>();
  try {
    for (const name of readdirSync("/proc")) {
      if (!/^\d+$/.test(name)) continue;
      try {
        if (readFileSync(`/proc/${name}/comm`, "utf8").trim() !== "postgres") continue;
      } catch {
        continue;
      }
      const t = processTicks(Number(name));
      if (t !== null) out.set(Number(name), t);
    }
  } catch {
    // not Linux
  }
  return out;
}

/**
 * Start measuring; `pids` maps a label ("server", "clients") to a process id. Local PostgreSQL processes
 * are summed as "postgres", and "other" is what the machine spent beyond all of these (other work on the
 * machine that the figures should be read against).
 */
export function startCpuMeter(pids: Record<string, number | undefined>): CpuMeter {
  const t0 = performance.now();
  const m0 = machineTicks();
  const p0 = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, pid ? processTicks(pid) : null]));
  const s0 = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, pid ? (processUserSys(pid)?.[1] ?? null) : null]));
  const pg0 = postgresTicks();
  return {
    stop() {
      const m1 = machineTicks();
      const pg1 = postgresTicks();
      const processCpuMs: Record<string, number | null> = {};
      const processSysMs: Record<string, number | null> = {};
      for (const [k, pid] of Object.entries(pids)) {
        const a = p0[k];
        const b = pid ? processTicks(pid) : null;
        processCpuMs[k] = a === null || a === undefined || b === null ? null : (b - a) * TICK_MS;
        const sa = s0[k];
        const sb = pid ? (processUserSys(pid)?.[1] ?? null) : null;
        processSysMs[k] = sa === null || sa === undefined || sb === null ? null : (sb - sa) * TICK_MS;
      }
      let pgTicks = 0;
      for (const [pid, t] of pg1) pgTicks += t - (pg0.get(pid) ?? 0);
      processCpuMs.postgres = pgTicks * TICK_MS;
      const wallMs = Math.round(performance.now() - t0);
      let otherMs: number | null = null;
      const stealMs = m0 && m1 ? (m1.steal - m0.steal) * TICK_MS : null;
      if (m0 && m1) {
        // /proc/stat counts every core: busy ticks there are CPU time across the machine (steal included).
        const known = Object.values(processCpuMs).reduce<number>((a, b) => a + (b ?? 0), 0);
        otherMs = Math.max(0, (m1.busy - m0.busy) * TICK_MS - (stealMs ?? 0) - known);
      }
      processCpuMs.other = otherMs;
      return {
        wallMs,
        machineBusy: m0 && m1 && m1.total > m0.total ? Math.round(((m1.busy - m0.busy) / (m1.total - m0.total)) * 1000) / 1000 : null,
        processCpuMs,
        processSysMs,
        stealMs,
      };
    },
  };
}
