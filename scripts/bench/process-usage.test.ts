import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cpuMsOfStat, processUsage } from "./process-usage";

describe("cpuMsOfStat", () => {
  it("adds utime and stime in clock ticks, past a command name holding spaces and parentheses", () => {
    const stat = "4242 (node (a b)) S 1 4242 4242 0 -1 4194304 900 0 0 0 250 31 0 0 20 0 11 0 123 456 789";
    expect(cpuMsOfStat(stat, 100)).toBe(2810);
    expect(cpuMsOfStat(stat, 1000)).toBe(281);
  });

  it.runIf(process.platform === "linux")("reads this process's own CPU time as Node counts it", () => {
    const spin = Date.now() + 50;
    while (Date.now() < spin); // burn some CPU so both clocks move
    const fromProc = cpuMsOfStat(readFileSync("/proc/self/stat", "utf8"), 100);
    const { user, system } = process.cpuUsage();
    // /proc counts in 10 ms ticks; Node in microseconds.
    expect(Math.abs(fromProc - (user + system) / 1000)).toBeLessThan(50);
    expect(processUsage(process.pid)?.rssMiB).toBeGreaterThan(10);
  });
});
