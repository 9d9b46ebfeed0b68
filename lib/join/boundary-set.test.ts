import { describe, expect, it } from "vitest";
import seedJson from "@/data/petitions/575833.json";
import { reshapePetition } from "@/lib/petitions/reshape";
import type { Petition } from "@/lib/petitions/types";
import { getSeats, seatCodesBySet } from "@/lib/seats";
import { boundarySetProblem, chooseBoundarySet } from "./boundary-set";

const codes = seatCodesBySet();
const seed = reshapePetition(seedJson);
const withCodes = (list: string[], extra: Partial<Petition> = {}): Petition => ({
  ...seed,
  byConstituency: list.map((code) => ({ name: code, code, mp: null, count: 1 })),
  ...extra,
});

describe("chooseBoundarySet", () => {
  it.each<[string, Petition, ReturnType<typeof chooseBoundarySet>]>([
    ["the seed (2010 codes)", seed, { ok: true, set: "2010" }],
    ["every 2024 seat", withCodes([...codes["2024"]]), { ok: true, set: "2024" }],
    ["a 2024-only English code", withCodes(["E14001172"]), { ok: true, set: "2024" }],
    [
      "only codes both sets share",
      withCodes(["S14000051", "S14000021"], { openedAt: "2025-01-10T00:00:00Z" }),
      {
        ok: true,
        set: "2024",
      },
    ],
    [
      "shared codes on a 2021 petition",
      withCodes(["S14000051"], { openedAt: "2021-03-05T11:05:39Z" }),
      {
        ok: true,
        set: "2010",
      },
    ],
    [
      "a code from neither set",
      withCodes(["E14000911", "E99999999"]),
      { ok: false, problem: "unknown-codes", codes: ["E99999999"] },
    ],
    [
      "codes from both sets at once",
      withCodes(["E14000911", "E14001172"]),
      { ok: false, problem: "mixed-sets", codes: ["E14000911", "E14001172"] },
    ],
    [
      "no breakdown, archived 2019–24 parliament",
      withCodes([], {
        archived: true,
        openedAt: null,
        createdAt: null,
        parliament: { period: "2019-2024", dissolutionAt: "2024-05-30T23:01:00Z" },
      }),
      { ok: true, set: "2010" },
    ],
    [
      "no breakdown, created 2025",
      withCodes([], { openedAt: null, createdAt: "2025-11-19T05:30:03Z" }),
      {
        ok: true,
        set: "2024",
      },
    ],
  ])("%s", (_label, petition, expected) => {
    expect(chooseBoundarySet(petition, codes)).toEqual(expected);
  });

  it("knows the five Scottish seats shared by both sets", () => {
    const shared = [...codes["2010"]].filter((code) => codes["2024"].has(code)).sort();
    expect(shared).toEqual(["S14000021", "S14000027", "S14000045", "S14000048", "S14000051"]);
  });

  it("uses the seats' own code sets", () => {
    expect(codes["2010"].size).toBe(getSeats("2010").length);
    expect(codes["2024"].size).toBe(getSeats("2024").length);
  });
});

describe("boundarySetProblem", () => {
  it.each([
    [
      "codes from neither set",
      withCodes(["E14000911", "E99999999"]),
      "The petitions site listed constituency codes from neither boundary set (E99999999)",
    ],
    [
      "codes from both sets",
      withCodes(["E14000911", "E14001172", "E14000530"]),
      "The petitions site listed constituencies from both the 2010 and the 2024 boundaries (E14000911, E14001172)",
    ],
  ])("says which problem %s is", (_label, petition, message) => {
    const choice = chooseBoundarySet(petition, codes);
    if (choice.ok) throw new Error(`expected no boundary set, got ${choice.set}`);
    expect(boundarySetProblem(choice)).toBe(message);
  });
});
