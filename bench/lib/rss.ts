import { readdirSync, readFileSync } from "node:fs";

/** Resident memory, MB, of a process and of every process below it (a server's helpers are the server's). */
export interface TreeRss {
  totalMb: number;
  /** The process itself. */
  ownMb: number;
  /** Its descendants (e.g. a photo decoder), summed. */
  childrenMb: number;
  children: number;
}

function rssKb(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB/m);
    return line ? Number(line[1]) : 0;
  } catch {
    return 0; // gone between listing and reading
  }
}

function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 4 (ppid) is the second after the ")" that closes the command name.
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null;
  }
}

/** Linux /proc only (as bench/lib/cpu.ts); elsewhere every figure is 0. */
export function treeRss(pid: number): TreeRss {
  const parents = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const ppid = parentOf(Number(name));
    if (ppid !== null) parents.set(Number(name), ppid);
  }
  const below = (root: number): number[] =>
    [...parents].filter(([, ppid]) => ppid === root).flatMap(([child]) => [child, ...below(child)]);
  const children = below(pid);
  const ownKb = rssKb(pid);
  const childrenKb = children.reduce((sum, child) => sum + rssKb(child), 0);
  const mb = (kb: number) => Math.round(kb / 102.4) / 10;
  return { totalMb: mb(ownKb + childrenKb), ownMb: mb(ownKb), childrenMb: mb(childrenKb), children: children.length };
}
