import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import seedJson from "@/data/petitions/575833.json";
import { chooseBoundarySet } from "@/lib/join/boundary-set";
import { joinPetition } from "@/lib/join/join";
import { reshapePetition } from "@/lib/petitions/reshape";
import { getSeats } from "@/lib/seats";
import { nameKey } from "@/lib/seats/names";

/** The seed as published: the markdown table of signatures by constituency (name, MP, count, %). */
function publishedSeedTable() {
  const file = path.resolve(__dirname, "../../../shared/seed/000_4b7078e7d9f86b1b.txt");
  const section = readFileSync(file, "utf8").split("### Signatures by Constituency")[1] ?? "";
  return section
    .split("\n")
    .filter((line) => /^\| \d+ \|/.test(line))
    .map((line) => {
      const [, , name = "", mp = "", count = "", share = ""] = line.split("|").map((cell) => cell.trim());
      return { name, mp, count: Number(count.replaceAll(",", "")), share };
    });
}

const petition = reshapePetition(seedJson);
const seats = getSeats("2010");
const joined = joinPetition(petition, "2010", seats);
const published = publishedSeedTable();
const seatsPublished = published.filter((row) => row.name !== "Unknown");

describe("the seed petition joined to the 2010 seats", () => {
  it("has every published seat and nothing else", () => {
    expect(seatsPublished).toHaveLength(650);
    expect(joined.rows).toHaveLength(650);
  });

  it("matches every published count, 2-decimal share and MP", () => {
    const byName = new Map(joined.rows.map((row) => [nameKey(row.name), row]));
    for (const expected of seatsPublished) {
      const row = byName.get(nameKey(expected.name));
      expect(row, expected.name).toBeDefined();
      expect(row?.count, expected.name).toBe(expected.count);
      expect(row?.share.toFixed(2), expected.name).toBe(expected.share);
      expect(row?.mp?.name, expected.name).toBe(expected.mp);
    }
  });

  it("gives the national totals", () => {
    const unknown = published.find((row) => row.name === "Unknown");
    expect(joined.national.total).toBe(270_294);
    expect(joined.national.uk).toBe(268_513);
    expect(joined.national.unknownConstituency).toBe(unknown?.count);
    expect(joined.national.unknownConstituency).toBe(13_698);
    expect(joined.national.overseas).toBe(270_294 - 268_513);
    expect(joined.national.ukPerThousand).toBeCloseTo(
      (joined.national.inSeats / joined.national.electorate) * 1000,
    );
  });

  it("ranks Salford and Eccles first with its MP's party", () => {
    const salford = joined.rows.find((row) => row.code === "E14000911");
    expect(salford).toMatchObject({ name: "Salford and Eccles", count: 814, rank: 1 });
    expect(salford?.share.toFixed(2)).toBe("0.30");
    expect(salford?.mp).toMatchObject({ name: "Rebecca Long Bailey MP", partyName: "Labour" });
    expect(salford?.perThousand).toBeCloseTo((814 / (salford?.electorate ?? 1)) * 1000, 10);
  });

  it("gives tied seats the same rank, in published order", () => {
    const chelmsford = joined.rows.find((row) => row.name === "Chelmsford");
    const meriden = joined.rows.find((row) => row.name === "Meriden");
    expect(chelmsford?.count).toBe(634);
    expect(chelmsford?.rank).toBe(meriden?.rank);
    const ranks = [...joined.rows].sort((a, b) => a.rank - b.rank).map((row) => row.count);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
  });

  it("picks the 2010 boundary set from the petition's codes", () => {
    const codes = {
      "2010": new Set(getSeats("2010").map((seat) => seat.code)),
      "2024": new Set(getSeats("2024").map((seat) => seat.code)),
    };
    expect(chooseBoundarySet(petition, codes)).toEqual({ ok: true, set: "2010" });
  });
});
