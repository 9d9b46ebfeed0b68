import { describe, expect, it } from "vitest";
import { SEED_PETITION_ID } from "@/lib/petitions";
import { loadPetition } from "./petition";

describe("loadPetition", () => {
  it("joins the seed to the 2010 seats with a scale per metric", async () => {
    const loaded = await loadPetition(SEED_PETITION_ID);
    expect(loaded.joined.set).toBe("2010");
    expect(loaded.joined.rows).toHaveLength(650);
    expect(loaded.hasBreakdown).toBe(true);
    expect(Object.keys(loaded.scales).sort()).toEqual(["count", "momentum", "rate", "share"]);
  });

  it("joins one copy of a petition once, however often it is read", async () => {
    const [first, second] = await Promise.all([
      loadPetition(SEED_PETITION_ID),
      loadPetition(SEED_PETITION_ID),
    ]);
    const third = await loadPetition(SEED_PETITION_ID);
    expect(second.joined).toBe(first.joined);
    expect(third.scales).toBe(first.scales);
  });
});
