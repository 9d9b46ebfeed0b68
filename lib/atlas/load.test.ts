import { describe, expect, it } from "vitest";
import { SEED_PETITION_ID } from "@/lib/petitions";
import { loadPetitionView } from "./load";

describe("loadPetitionView", () => {
  it("joins the seed to the 2010 seats with a scale per metric", async () => {
    const view = await loadPetitionView(SEED_PETITION_ID);
    expect(view.joined.set).toBe("2010");
    expect(view.joined.rows).toHaveLength(650);
    expect(view.hasBreakdown).toBe(true);
    expect(Object.keys(view.scales).sort()).toEqual(["count", "momentum", "rate", "share"]);
  });

  it("joins one copy of a petition once, however often it is read", async () => {
    const [first, second] = await Promise.all([
      loadPetitionView(SEED_PETITION_ID),
      loadPetitionView(SEED_PETITION_ID),
    ]);
    const third = await loadPetitionView(SEED_PETITION_ID);
    expect(second.joined).toBe(first.joined);
    expect(third.scales).toBe(first.scales);
  });
});
