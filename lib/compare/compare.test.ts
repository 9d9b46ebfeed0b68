import { describe, expect, it } from "vitest";
import seedJson from "@/data/petitions/575833.json";
import { joinPetition } from "@/lib/join/join";
import type { Petition } from "@/lib/petitions/types";
import { reshapePetition } from "@/lib/petitions/reshape";
import { getSeats } from "@/lib/seats";
import archivedFixture from "@/test/upstream/fixtures/600001.json";
import { smallPetition } from "@/test/history/petitions";
import { comparePetitions, ratioColour, RATIO_SCALE } from "./compare";
import { comparisonCsv } from "./csv";

/** Reference Pearson: the textbook sums. */
function pearson(xs: number[], ys: number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i += 1) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** Reference average ranks: each value's rank is the mean of the 1-based positions its ties occupy. */
function averageRanks(values: number[]): number[] {
  return values.map((value) => {
    const below = values.filter((other) => other < value).length;
    const equal = values.filter((other) => other === value).length;
    return below + (equal + 1) / 2;
  });
}

const spearman = (xs: number[], ys: number[]) => pearson(averageRanks(xs), averageRanks(ys));

const join = (petition: Petition) => joinPetition(petition, "2010", getSeats("2010"));
const listed = (petition: Petition) => new Set(petition.byConstituency.map((row) => row.code));

describe("comparePetitions", () => {
  const seed = reshapePetition(seedJson);
  const archived = reshapePetition(structuredClone(archivedFixture));

  it("matches a reference Pearson and average-rank Spearman over every seat both list, zeros included", () => {
    // Zero the archived petition in a few seats, with ties, so zeros and tied ranks are in play.
    const zeroed = {
      ...archived,
      byConstituency: archived.byConstituency.map((row, i) => (i % 7 === 0 ? { ...row, count: 0 } : row)),
    };
    const a = join(seed);
    const b = join(zeroed);
    const result = comparePetitions(a, b, { a: listed(seed), b: listed(zeroed) });
    const xs = a.rows.map((row) => row.perThousand);
    const ys = b.rows.map((row) => row.perThousand);
    expect(result.paired).toBe(650);
    expect(result.pearson).toBeCloseTo(pearson(xs, ys), 12);
    expect(result.spearman).toBeCloseTo(spearman(xs, ys), 12);
    expect(result.seats.filter((seat) => seat.logRatio === null)).toHaveLength(
      zeroed.byConstituency.filter((row) => row.count === 0).length +
        seed.byConstituency.filter((row, i) => row.count === 0 && i % 7 !== 0).length,
    );
  });

  it("pairs only the seats both breakdowns list", () => {
    const partial = { ...archived, byConstituency: archived.byConstituency.slice(0, 400) };
    const result = comparePetitions(join(seed), join(partial), { a: listed(seed), b: listed(partial) });
    expect(result.paired).toBe(400);
    const kept = new Set(partial.byConstituency.map((row) => row.code));
    const a = join(seed).rows.filter((row) => kept.has(row.code));
    const b = join(partial).rows.filter((row) => kept.has(row.code));
    expect(result.pearson).toBeCloseTo(
      pearson(
        a.map((row) => row.perThousand),
        b.map((row) => row.perThousand),
      ),
      12,
    );
  });

  it("a petition compared with itself correlates 1 and leans nowhere", () => {
    const result = comparePetitions(join(seed), join(seed), { a: listed(seed), b: listed(seed) });
    expect(result.pearson).toBeCloseTo(1, 12);
    expect(result.spearman).toBeCloseTo(1, 12);
    expect(result.seats.every((seat) => seat.logRatio === null || Math.abs(seat.logRatio) < 1e-12)).toBe(
      true,
    );
  });

  it("ranks the seats leaning most towards each petition, relative to each one's UK rate", () => {
    const a = join(seed);
    const b = join(archived);
    const { mostA, mostB } = comparePetitions(a, b, { a: listed(seed), b: listed(archived) });
    const lean = (code: string) => {
      const ra = a.rows.find((row) => row.code === code)!;
      const rb = b.rows.find((row) => row.code === code)!;
      return Math.log2(
        ra.perThousand / a.national.ukPerThousand / (rb.perThousand / b.national.ukPerThousand),
      );
    };
    expect(mostA[0]!.logRatio).toBeCloseTo(lean(mostA[0]!.code), 12);
    expect(mostA.map((seat) => seat.logRatio)).toEqual(
      mostA.map((seat) => seat.logRatio).toSorted((x, y) => y! - x!),
    );
    expect(mostB[0]!.logRatio).toBeLessThan(0);
    expect(mostB[0]!.logRatio!).toBeLessThanOrEqual(mostA.at(-1)!.logRatio!);
  });

  it("refuses petitions on different boundary sets", () => {
    const other = joinPetition(smallPetition(), "2024", getSeats("2024"));
    expect(() => comparePetitions(join(seed), other, { a: new Set(), b: new Set() })).toThrow(
      /2010 seats with 2024/,
    );
  });

  it("writes one CSV row per seat, with an empty log ratio for no ratio", () => {
    const zeroed = {
      ...archived,
      byConstituency: archived.byConstituency.map((row) => ({ ...row, count: 0 })),
    };
    const csv = comparisonCsv(
      comparePetitions(join(seed), join(zeroed), { a: listed(seed), b: listed(zeroed) }),
      1,
      2,
    );
    const lines = csv.slice(0, -2).split("\r\n");
    expect(lines).toHaveLength(651);
    expect(lines[0]).toBe(
      "\uFEFFons_code,name,signatures_1,signatures_2,per_1000_electors_1,per_1000_electors_2,log2_relative_ratio",
    );
    expect(lines.slice(1).every((line) => line.endsWith(","))).toBe(true);
  });
});

describe("ratioColour", () => {
  it("is grey for no ratio and splits halves and doubles either side of the same", () => {
    expect(ratioColour(null)).toBe(RATIO_SCALE.zeroColour);
    expect(ratioColour(0)).toBe(RATIO_SCALE.colours[3]);
    expect(ratioColour(1.5)).toBe(RATIO_SCALE.colours[6]);
    expect(ratioColour(-1.5)).toBe(RATIO_SCALE.colours[0]);
  });
});
