/** A process's CPU time and resident memory as Linux reports them in /proc, for the load bench. */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

export interface ProcessUsage {
  /** User plus system CPU time of every thread of the process (libuv's compression threads included), in ms. */
  cpuMs: number;
  rssMiB: number;
}

/**
 * User plus system CPU time, in ms, from the text of /proc/PID/stat: utime and stime are its 14th and 15th fields,
 * in clock ticks; the command name (field 2, in parentheses) may itself hold spaces and parentheses.
 */
export function cpuMsOfStat(stat: string, ticksPerSecond: number): number {
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // fields[0] is field 3 (the state).
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) throw new Error(`Not a /proc stat line: ${stat}`);
  return ((utime + stime) * 1000) / ticksPerSecond;
}

let ticks: number | undefined;
function ticksPerSecond(): number {
  if (ticks === undefined) {
    try {
      ticks = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      ticks = 100; // Linux's USER_HZ almost everywhere
    }
  }
  return ticks;
}

/** The process's usage now, or null where there is no /proc (not Linux) or no such process. */
export function processUsage(pid: number): ProcessUsage | null {
  try {
    const cpuMs = cpuMsOfStat(readFileSync(`/proc/${pid}/stat`, "utf8"), ticksPerSecond());
    const rssKiB = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return { cpuMs, rssMiB: Math.round(Number(rssKiB ?? Number.NaN) / 1024) };
  } catch {
    return null;
  }
}
