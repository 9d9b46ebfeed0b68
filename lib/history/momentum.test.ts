import { describe, expect, it } from "vitest";
import { joinPetition } from "@/lib/join/join";
import { buildScale, metricValue } from "@/lib/scale/scale";
import { getSeats } from "@/lib/seats";
import { buildViewQuery, DEFAULT_VIEW, parseViewState } from "@/lib/view-state";
import { grown, openPetition, seatCounts } from "@/test/history/petitions";
import { gainsSince, momentumWindowLabels, withMomentum, type Momentum } from "./momentum";
import type { Snapshot } from "./types";

const T0 = Date.parse("2026-03-01T12:00:00Z");
const base = openPetition();
const codes = base.byConstituency.map((seat) => seat.code).sort();
const snapshotOf = (step: number, at: number): Snapshot => {
  const petition = grown(base, step);
  return { at, total: petition.signatureCount, seats: seatCounts(petition, codes), countries: [] };
};

describe("momentum", () => {
  it("is each seat's gain since the baseline snapshot", () => {
    const window = gainsSince(grown(base, 5), T0 + 60_000, snapshotOf(2, T0), codes);
    expect(window?.since).toBe(T0);
    for (const [index, seat] of base.byConstituency.entries()) {
      expect(window?.gains.get(seat.code)).toBe(3 * (index % 4));
    }
  });

  it.each([
    ["there is no history", null],
    ["the only snapshot is the current fetch", snapshotOf(5, T0 + 59_990)],
  ])("is unknown when %s", (_, baseline) => {
    expect(gainsSince(grown(base, 5), T0 + 60_000, baseline, codes)).toBeNull();
  });

  it("fills rows absolute and per 1,000 electors, and drives the momentum metric", () => {
    const joined = joinPetition(grown(base, 4), "2024", getSeats("2024"));
    const hour = gainsSince(grown(base, 4), T0 + 3_600_000, snapshotOf(3, T0 + 1_800_000), codes)!;
    const day = gainsSince(grown(base, 4), T0 + 3_600_000, snapshotOf(0, T0), codes)!;
    const momentum: Momentum = { asOf: T0 + 3_600_000, hour, day };
    const rows = withMomentum(joined.rows, momentum);
    for (const row of rows) {
      const index = base.byConstituency.findIndex((seat) => seat.code === row.code);
      const gain = index < 0 ? 0 : 4 * (index % 4);
      expect(row.momentum?.day).toBe(gain);
      expect(row.momentum?.hour).toBe(index < 0 ? 0 : index % 4);
      expect(row.momentum?.dayPerThousand).toBeCloseTo((gain / row.electorate) * 1000, 10);
      expect(metricValue(row, "momentum")).toBe(row.momentum?.dayPerThousand);
    }
    const scale = buildScale("momentum", rows, joined.national);
    expect(scale.colours.length).toBeGreaterThanOrEqual(3);
    expect(scale.zeroSeats).toBe(rows.filter((row) => row.momentum?.day === 0).length);
  });

  it("leaves rows as they are without history", () => {
    const joined = joinPetition(base, "2024", getSeats("2024"));
    expect(withMomentum(joined.rows, null)).toBe(joined.rows);
    expect(joined.rows.every((row) => metricValue(row, "momentum") === 0)).toBe(true);
  });

  it("is a metric a shared link can carry", () => {
    const view = parseViewState(new URLSearchParams("metric=momentum&area=E14001063"));
    expect(view.metric).toBe("momentum");
    expect(buildViewQuery({ ...DEFAULT_VIEW, metric: "momentum" })).toBe("?metric=momentum");
  });
});

describe("momentumWindowLabels", () => {
  const moment = (at: number) => new Date(at).toISOString().slice(11, 16);
  const HOUR = 3_600_000;

  it("names both windows plainly when the history is older than a day", () => {
    expect(momentumWindowLabels(T0 - 30 * HOUR, T0, moment)).toEqual({ hour: "Last hour", day: "Last 24 h" });
  });

  it("names a window younger history cannot fill by the first snapshot, with a minute's slack for the poll", () => {
    expect(momentumWindowLabels(T0 - 61 * 60_000 + 1, T0, moment)).toEqual({
      hour: "Last hour",
      day: "Since 10:59",
    });
    expect(momentumWindowLabels(T0 - 20 * 60_000, T0, moment)).toEqual({
      hour: "Since 11:40",
      day: "Since 11:40",
    });
  });

  it("names them plainly without history", () => {
    expect(momentumWindowLabels(null, T0, moment)).toEqual({ hour: "Last hour", day: "Last 24 h" });
  });
});
