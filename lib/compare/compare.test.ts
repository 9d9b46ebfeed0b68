import { describe, expect, it } from "vitest";
import seedJson from "@/data/petitions/575833.json";
import { joinPetition } from "@/lib/join/join";
import type { Petition } from "@/lib/petitions/types";
import { reshapePetition } from "@/lib/petitions/reshape";
import { getSeats } from "@/lib/seats";
import archivedFixture from "@/test/upstream/fixtures/600001.json";
import { smallPetition } from "@/test/history/petitions";
import { ZERO_COLOUR } from "@/lib/scale/scale";
import { comparePetitions, comparisonHref } from "./compare";
import { comparisonCsv } from "./csv";
import { differenceColour, differenceHalfWidth, differenceStops, differenceWords } from "./difference";

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
    expect(result.seats.filter((seat) => seat.difference === null)).toHaveLength(
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
    expect(result.seats.every((seat) => seat.difference === null || Math.abs(seat.difference) < 1e-12)).toBe(
      true,
    );
  });

  /** Reference per-seat rates from the raw breakdown and the seats' electorates, not from the join. */
  const referenceRates = (petition: Petition) => {
    const electorates = new Map(getSeats("2010").map((seat) => [seat.code, seat.electorate]));
    return new Map(
      petition.byConstituency.map((row) => [row.code, (row.count * 1000) / electorates.get(row.code)!]),
    );
  };
  const referenceUkRate = (petition: Petition) =>
    (petition.byConstituency.reduce((sum, row) => sum + row.count, 0) * 1000) /
    getSeats("2010").reduce((sum, seat) => sum + seat.electorate, 0);

  it("by default maps log2(rate A / rate B) per seat, and no ratio where either count is 0", () => {
    const zeroed = {
      ...archived,
      byConstituency: archived.byConstituency.map((row, i) => (i % 5 === 0 ? { ...row, count: 0 } : row)),
    };
    const result = comparePetitions(join(seed), join(zeroed), { a: listed(seed), b: listed(zeroed) });
    expect(result.measure).toBe("ratio");
    const ratesA = referenceRates(seed);
    const ratesB = referenceRates(zeroed);
    for (const seat of result.seats) {
      const [ra, rb] = [ratesA.get(seat.code)!, ratesB.get(seat.code)!];
      if (ra === 0 || rb === 0) expect(seat.difference).toBeNull();
      else expect(seat.difference).toBeCloseTo(Math.log2(ra / rb), 10);
    }
    expect(result.seats.filter((seat) => seat.difference === null).length).toBeGreaterThanOrEqual(130);
  });

  it("the relative measure divides each rate by its own UK rate first", () => {
    const result = comparePetitions(
      join(seed),
      join(archived),
      { a: listed(seed), b: listed(archived) },
      { measure: "relative" },
    );
    const ratesA = referenceRates(seed);
    const ratesB = referenceRates(archived);
    const [ukA, ukB] = [referenceUkRate(seed), referenceUkRate(archived)];
    const withRatio = result.seats.filter((seat) => seat.difference !== null);
    expect(withRatio.length).toBeGreaterThan(600);
    for (const seat of withRatio) {
      const expected = Math.log2(ratesA.get(seat.code)! / ukA / (ratesB.get(seat.code)! / ukB));
      expect(seat.difference).toBeCloseTo(expected, 10);
    }
  });

  it("lists the seats most for A and for B by the measure the map shows, the same seats under either", () => {
    const listedBoth = { a: listed(seed), b: listed(archived) };
    const plain = comparePetitions(join(seed), join(archived), listedBoth);
    const relative = comparePetitions(join(seed), join(archived), listedBoth, { measure: "relative" });
    for (const result of [plain, relative]) {
      const values = result.seats.flatMap((seat) => (seat.difference === null ? [] : [seat.difference]));
      expect(result.mostA).toHaveLength(10);
      expect(result.mostA[0]!.difference).toBe(Math.max(...values));
      expect(result.mostB[0]!.difference).toBe(Math.min(...values));
      const shown = result.mostA.map((seat) => seat.difference!);
      expect(shown).toEqual(shown.toSorted((x, y) => y - x));
    }
    // The measures differ by the constant log2 of the UK rates' ratio, so they rank seats alike.
    expect(relative.mostA.map((seat) => seat.code)).toEqual(plain.mostA.map((seat) => seat.code));
    expect(relative.mostB.map((seat) => seat.code)).toEqual(plain.mostB.map((seat) => seat.code));
  });

  it("widens the colour scale symmetrically when one petition is far larger, so seats still differ", () => {
    // B is A's breakdown at a hundredth of the size, with a seat-to-seat spread of up to 4×.
    const small = {
      ...seed,
      byConstituency: seed.byConstituency.map((row, i) => ({
        ...row,
        count: Math.max(1, Math.round((row.count / 100) * 2 ** ((i % 5) - 2))),
      })),
    };
    const result = comparePetitions(join(seed), join(small), { a: listed(seed), b: listed(small) });
    const values = result.seats.flatMap((seat) => (seat.difference === null ? [] : [seat.difference]));
    expect(Math.min(...values)).toBeGreaterThan(0);
    const { halfWidth } = result;
    expect(halfWidth % 2).toBe(0);
    const inside = (width: number) =>
      values.filter((value) => Math.abs(value) <= width).length / values.length;
    expect(inside(halfWidth)).toBeGreaterThanOrEqual(0.95);
    expect(inside(halfWidth - 2)).toBeLessThan(0.95);
    const colours = new Set(result.seats.map((seat) => differenceColour(seat.difference, halfWidth)));
    expect(colours.size).toBeGreaterThan(50);
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
      "\uFEFFons_code,name,signatures_1,signatures_2,per_1000_electors_1,per_1000_electors_2,log2_rate_ratio",
    );
    expect(lines.slice(1).every((line) => line.endsWith(","))).toBe(true);
  });
});

describe("the difference scale", () => {
  it("is grey for no ratio, white at equal, orange towards A and purple towards B, clamped at the ends", () => {
    expect(differenceColour(null, 2)).toBe(ZERO_COLOUR);
    expect(differenceColour(0, 2)).toBe(differenceColour(0, 8));
    expect(differenceColour(5, 2)).toBe(differenceColour(2, 2));
    const [r, , b] = differenceColour(2, 2).match(/\d+/g)!.map(Number) as [number, number, number];
    expect(r).toBeGreaterThan(b);
    const [r2, , b2] = differenceColour(-2, 2).match(/\d+/g)!.map(Number) as [number, number, number];
    expect(b2).toBeGreaterThan(r2);
  });

  it("has an even half-width of at least 2 doublings that holds 95% of the seats", () => {
    expect(differenceHalfWidth([])).toBe(2);
    expect(differenceHalfWidth([0.1, -0.3, 0.5])).toBe(2);
    const values = Array.from({ length: 100 }, (_, i) => (i < 95 ? -4.5 + i / 100 : 9));
    expect(differenceHalfWidth(values)).toBe(6);
  });

  it("labels readable stops in words", () => {
    expect(differenceStops(4).map((stop) => stop.label)).toEqual([
      "16× more B",
      "4× more B",
      "equal",
      "4× more A",
      "16× more A",
    ]);
    expect(differenceWords(Math.log2(3.2))).toBe("3.2× more A");
    expect(differenceWords(-10)).toBe("1,024× more B");
    expect(differenceWords(Math.log2(10.605))).toBe("11× more A");
    expect(differenceWords(0.01)).toBe("equal");
  });

  it("keeps the measure in the comparison's address and CSV only when it is not the default", () => {
    expect(comparisonHref(1, 2, "ratio")).toBe("/compare/1/2");
    expect(comparisonHref(1, 2, "relative", "/seats.csv")).toBe("/compare/1/2/seats.csv?diff=relative");
  });
});
