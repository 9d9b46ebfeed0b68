import { describe, expect, it } from "vitest";
import { RecentViewers } from "./viewers";

function viewers(overrides: Partial<ConstructorParameters<typeof RecentViewers>[0]> = {}) {
  const clock = { now: 0 };
  const tally = new RecentViewers({
    windowMs: 600_000,
    maxPetitions: 100,
    maxClientsPerPetition: 50,
    now: () => clock.now,
    ...overrides,
  });
  return { clock, tally };
}

describe("RecentViewers", () => {
  it("counts distinct clients per petition, not requests", () => {
    const { tally } = viewers();
    for (let minute = 0; minute < 10; minute++) tally.note(1, "203.0.113.1");
    tally.note(2, "203.0.113.1");
    tally.note(2, "203.0.113.2");
    tally.note(2, "2001:db8:1:2::/64");
    expect(tally.counts()).toEqual(
      new Map([
        [1, 1],
        [2, 3],
      ]),
    );
  });

  it("forgets clients not seen within the window, and petitions nobody watches", () => {
    const { clock, tally } = viewers();
    tally.note(1, "a");
    tally.note(2, "a");
    clock.now = 300_000;
    tally.note(1, "b");
    clock.now = 600_001;
    // "a" was last seen 600,001 ms ago: gone; "b" 300,001 ms ago: still watching petition 1.
    expect(tally.counts()).toEqual(new Map([[1, 1]]));
    clock.now = 900_001;
    expect(tally.counts()).toEqual(new Map());
  });

  it("stays bounded when a flood names many petitions and clients", () => {
    const { tally } = viewers({ maxPetitions: 100, maxClientsPerPetition: 50 });
    for (let id = 0; id < 1_000; id++) tally.note(id, "one client");
    for (let n = 0; n < 1_000; n++) tally.note(999, `client ${n}`);
    const counts = tally.counts();
    expect(counts.size).toBe(100);
    // The most recently noted petitions are the ones kept; a count saturates at the cap.
    expect(counts.has(999) && !counts.has(0)).toBe(true);
    expect(counts.get(999)).toBe(50);
  });
});
