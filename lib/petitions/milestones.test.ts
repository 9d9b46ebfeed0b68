import { describe, expect, it } from "vitest";
import seedJson from "@/data/petitions/575833.json";
import { milestonesOf, SIGNATURE_MILESTONES } from "./milestones";
import { reshapePetition } from "./reshape";
import type { Petition } from "./types";

const seed = reshapePetition(seedJson);

describe("milestonesOf", () => {
  it("lists the seed's dated milestones in time order, each once", () => {
    expect(milestonesOf(seed).map(({ kind, at }) => [kind, at])).toEqual([
      ["created", "2021-02-19T07:09:44.000Z"],
      ["moderation-threshold", "2021-02-19T12:27:27.000Z"],
      ["opened", "2021-03-05T11:05:39.000Z"],
      ["response-threshold", "2021-03-10T17:12:35.000Z"],
      ["debate-threshold", "2021-03-11T18:36:45.000Z"],
      ["response", "2021-03-24T17:35:27.000Z"],
    ]);
  });

  it("keeps to the kinds asked for: a signatures chart leaves out creation and moderation", () => {
    expect(milestonesOf(seed, SIGNATURE_MILESTONES).map(({ kind }) => kind)).toEqual([
      "opened",
      "response-threshold",
      "debate-threshold",
      "response",
    ]);
  });

  it("gives the thresholds their signature counts", () => {
    const counts = Object.fromEntries(milestonesOf(seed).map(({ kind, signatures }) => [kind, signatures]));
    expect(counts).toMatchObject({ "response-threshold": 10_000, "debate-threshold": 100_000, opened: null });
  });

  const debated = (debatedOn: string | null, debateOutcomeAt: string | null): Petition => ({
    ...seed,
    debateOutcomeAt,
    debate: { debatedOn, transcriptUrl: null, videoUrl: null, overview: null },
  });

  it.each([
    ["the debate's own date", debated("2021-06-01", "2021-06-03T10:00:00Z"), "2021-06-01"],
    [
      "the outcome's date when the debate has none",
      debated(null, "2021-06-03T10:00:00Z"),
      "2021-06-03T10:00:00Z",
    ],
    ["nothing when neither is dated", debated(null, null), undefined],
  ])("dates the debate by %s", (_, petition, expected) => {
    expect(milestonesOf(petition).find(({ kind }) => kind === "debate")?.at).toBe(expected);
  });

  it("leaves out a date that does not parse", () => {
    const petition = { ...seed, closedAt: "not a date", rejectedAt: "2021-04-01T00:00:00Z" };
    const kinds = milestonesOf(petition).map(({ kind }) => kind);
    expect(kinds).not.toContain("closed");
    expect(kinds.at(-1)).toBe("rejected");
  });
});
