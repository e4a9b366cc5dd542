import { execFileSync } from "node:child_process";
import { closeSync, fdatasyncSync, openSync, rmSync, writeSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  platform: string;
  date: string;
  /** HEAD when the run started; the working tree may have had uncommitted changes. */
  commit: string | null;
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: os.availableParallelism?.() ?? cpus.length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString(),
    commit: gitHead(),
  };
}

function gitHead(): string | null {
  try {
    // rev-parse only reads refs; it never touches the index.
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
}

/**
 * Median microseconds of one 8 kB write plus `fdatasync` in `dir`: what a commit's WAL flush costs on this
 * disk. Per-row commits are cheap where this is tens of microseconds (a VM disk with a write cache) and
 * dear where it is milliseconds, which is what grouping commits is for; read intake's ratio with it.
 */
export function fdatasyncMicros(dir: string, rounds = 200): number {
  const path = join(dir, `fdatasync-probe-${process.pid}`);
  const block = Buffer.alloc(8192, 1);
  const fd = openSync(path, "w");
  const times: number[] = [];
  try {
    for (let i = 0; i < rounds; i++) {
      const t0 = process.hrtime.bigint();
      writeSync(fd, block, 0, block.length, (i % 16) * block.length);
      fdatasyncSync(fd);
      times.push(Number(process.hrtime.bigint() - t0) / 1000);
    }
  } finally {
    closeSync(fd);
    rmSync(path, { force: true });
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)]!);
}
