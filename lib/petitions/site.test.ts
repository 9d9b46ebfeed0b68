import { describe, expect, it } from "vitest";
import { parsePetitionInput } from "./input";
import { petitionPath, publicPetitionUrl, signPetitionUrl } from "./site";

describe("petitions site URLs", () => {
  it("names a petition's page, its archived page and where to sign it", () => {
    expect(publicPetitionUrl(575833)).toBe("https://petition.parliament.uk/petitions/575833");
    expect(publicPetitionUrl(575833, true)).toBe("https://petition.parliament.uk/archived/petitions/575833");
    expect(signPetitionUrl(700001)).toBe("https://petition.parliament.uk/petitions/700001/signatures/new");
    expect(petitionPath(12, true)).toBe("/archived/petitions/12");
  });

  it("builds links that the petition input reads back", () => {
    for (const url of [publicPetitionUrl(575833), publicPetitionUrl(575833, true), signPetitionUrl(575833)]) {
      expect(parsePetitionInput(url)).toEqual({ ok: true, id: 575833 });
    }
  });
});
