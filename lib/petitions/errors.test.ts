import { describe, expect, it, vi } from "vitest";

describe("isPetitionError", () => {
  it("recognises PetitionErrors made by another bundled copy of the module (proxy vs pages)", async () => {
    const first = await import("./errors");
    vi.resetModules();
    const second = await import("./errors");
    expect(second.PetitionError).not.toBe(first.PetitionError);
    const fromOtherCopy = new second.PetitionError("timeout", "slow");
    expect(fromOtherCopy instanceof first.PetitionError).toBe(false);
    expect(first.isPetitionError(fromOtherCopy)).toBe(true);
  });

  it.each([new Error("plain"), { kind: "not-found", status: 404 }, null, "not-found"])(
    "is false for %j",
    async (value) => {
      const { isPetitionError } = await import("./errors");
      expect(isPetitionError(value)).toBe(false);
    },
  );
});
