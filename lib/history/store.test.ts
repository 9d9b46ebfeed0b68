import { describe, expect, it } from "vitest";
import seats2024 from "@/data/seats-2024.json";
import { grown, openPetition, seatCount, seatCounts, smallPetition } from "@/test/history/petitions";
import { storesFor, storeVariants } from "@/test/history/stores";
import { KEYFRAME_EVERY } from "./chain";
import { survivors } from "./retention";

const T0 = Date.parse("2026-03-01T12:00:00Z");
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe.each(storeVariants())("history store on $name", (variant) => {
  const fresh = storesFor(variant);

  describe.skipIf(variant.skip)(variant.name, () => {
    it("records a snapshot only when something changed", async () => {
      const { store } = await fresh();
      const base = openPetition();
      expect(await store.record(base, T0)).toBe("recorded");
      expect(await store.record(base, T0 + MINUTE)).toBe("unchanged");
      expect(await store.record(grown(base, 1), T0 + 2 * MINUTE)).toBe("recorded");
      expect(await store.record(grown(base, 1), T0 + MINUTE)).toBe("out-of-order");
      expect(await store.points(base.id)).toEqual([
        { at: T0, total: base.signatureCount },
        { at: T0 + 2 * MINUTE, total: grown(base, 1).signatureCount },
      ]);
    });

    it("gives back every seat and country count across keyframes and deltas", async () => {
      const { store } = await fresh();
      const base = openPetition();
      const steps = Array.from({ length: KEYFRAME_EVERY * 2 + 5 }, (_, step) => step);
      for (const step of steps) await store.record(grown(base, step), T0 + step * MINUTE);

      const { codes, frames } = await store.frames(base.id);
      expect(frames).toHaveLength(steps.length);
      for (const step of [0, 1, KEYFRAME_EVERY - 1, KEYFRAME_EVERY, KEYFRAME_EVERY + 1, steps.at(-1)!]) {
        const expected = grown(base, step);
        expect(frames[step]!.total).toBe(expected.signatureCount);
        expect(frames[step]!.seats).toEqual(seatCounts(expected, codes));
      }
      const chains = await store.sql.all<{ chain: number }>(
        "SELECT chain FROM history_snapshots ORDER BY fetched_at",
      );
      expect(chains.filter((row) => row.chain === 0)).toHaveLength(3);
      const latest = await store.baseline(base.id, T0 + steps.length * MINUTE);
      expect(latest?.countries).toEqual(
        (await store.dictionary(base.id))!.countryCodes.map(
          (code) => grown(base, steps.at(-1)!).byCountry.find((country) => country.code === code)?.count,
        ),
      );
    });

    it("answers points for a seat, a time window and a point budget", async () => {
      const { store } = await fresh();
      const base = openPetition();
      const code = base.byConstituency[3]!.code;
      for (let step = 0; step < 30; step += 1) await store.record(grown(base, step), T0 + step * MINUTE);

      const window = await store.points(base.id, {
        from: T0 + 10 * MINUTE,
        to: T0 + 19 * MINUTE,
        area: code,
      });
      expect(window.map((point) => point.at)).toEqual(
        Array.from({ length: 10 }, (_, index) => T0 + (10 + index) * MINUTE),
      );
      expect(window.map((point) => point.seat)).toEqual(
        Array.from({ length: 10 }, (_, index) => seatCount(grown(base, 10 + index), code)),
      );
      const budget = await store.points(base.id, { limit: 4 });
      expect(budget.map((point) => point.at)).toEqual([0, 10, 19, 29].map((step) => T0 + step * MINUTE));
    });

    it("keeps the counts of seats that join the breakdown later, with 0 before", async () => {
      const { store } = await fresh();
      const later = smallPetition();
      const present = new Set(later.byConstituency.map((seat) => seat.code));
      const missing = seats2024.map((seat) => seat.code).find((code) => !present.has(code))!;
      const joined = {
        ...later,
        signatureCount: later.signatureCount + 5,
        byConstituency: [
          ...later.byConstituency,
          { code: missing, name: "Joined later", mp: null, count: 5 },
        ],
      };
      await store.record(later, T0);
      await store.record(joined, T0 + MINUTE);
      const points = await store.points(later.id, { area: missing });
      expect(points.map((point) => point.seat)).toEqual([0, 5]);
    });

    it("thins old snapshots as retention says and keeps the survivors' counts exact", async () => {
      const { store } = await fresh();
      const base = openPetition();
      const now = T0 + 40 * DAY;
      // Every four hours from 40 days ago to 3 days ago, then every 20 minutes: all three tiers thin something.
      const times = [
        ...Array.from({ length: (37 * DAY) / (4 * HOUR) }, (_, index) => T0 + index * 4 * HOUR),
        ...Array.from(
          { length: (3 * DAY) / (20 * MINUTE) },
          (_, index) => now - 3 * DAY + index * 20 * MINUTE,
        ),
      ];
      // thinned_at starts at the first snapshot, so recording at these times also thins as it goes.
      for (const [step, at] of times.entries()) await store.record(grown(base, step), at);
      await store.thin(base.id, now);

      const kept = [...survivors(times, now)].sort((a, b) => a - b);
      const { codes, frames } = await store.frames(base.id);
      expect(frames.map((frame) => frame.at)).toEqual(kept.map((index) => times[index]));
      for (const [position, index] of kept.entries()) {
        expect(frames[position]!.seats).toEqual(seatCounts(grown(base, index), codes));
      }
      expect(await store.thin(base.id, now)).toBe(0);
      expect((await store.usage(base.id)).snapshots).toBe(kept.length);
    }, 60_000);

    it("sees another process's new and thinned snapshots behind its decoded cache", async () => {
      const { store, reopen } = await fresh();
      const other = await reopen();
      const base = openPetition();
      const times = [0, 1, 2, 3].map((hour) => T0 + hour * HOUR);
      for (const [step, at] of times.entries()) await store.record(grown(base, step), at);
      const code = base.byConstituency[7]!.code;
      const seatAt = (step: number) => seatCount(grown(base, step), code);
      expect((await store.points(base.id, { area: code })).map((point) => point.seat)).toEqual(
        [0, 1, 2, 3].map(seatAt),
      );

      await other.record(grown(base, 4), T0 + 3.5 * HOUR);
      await other.record(grown(base, 5), T0 + 4 * HOUR);
      expect((await store.points(base.id, { area: code })).map((point) => point.seat)).toEqual(
        [0, 1, 2, 3, 4, 5].map(seatAt),
      );
      // Three days on, retention keeps the last snapshot of each hour: the one at 3:00 goes, 3:30 stays.
      await other.thin(base.id, T0 + 3 * DAY);
      const kept = await store.points(base.id, { area: code });
      expect(kept.map((point) => point.at)).toEqual([...times.slice(0, 3), T0 + 3.5 * HOUR, T0 + 4 * HOUR]);
      expect(kept.map((point) => point.seat)).toEqual([0, 1, 2, 4, 5].map(seatAt));
    });

    it("keeps its history across a restart", async () => {
      const { store, close, reopen } = await fresh();
      const base = openPetition();
      for (let step = 0; step < 3; step += 1) await store.record(grown(base, step), T0 + step * MINUTE);
      const before = await store.points(base.id, { area: base.byConstituency[0]!.code });
      await close();
      const again = await reopen();
      expect(await again.points(base.id, { area: base.byConstituency[0]!.code })).toEqual(before);
      expect(await again.record(grown(base, 3), T0 + 3 * MINUTE)).toBe("recorded");
    });

    it("serialises concurrent writers into one consistent chain", async () => {
      const { store } = await fresh();
      const base = openPetition();
      const steps = Array.from({ length: 20 }, (_, step) => step);
      const outcomes = await Promise.all(
        steps.map((step) => store.record(grown(base, step), T0 + step * MINUTE)),
      );
      const recorded = outcomes.filter((outcome) => outcome === "recorded").length;
      const { codes, frames } = await store.frames(base.id);
      expect(frames).toHaveLength(recorded);
      for (const frame of frames) {
        const step = (frame.at - T0) / MINUTE;
        expect(frame.seats).toEqual(seatCounts(grown(base, step), codes));
      }
    });

    it("applies each migration once", async () => {
      const { store, reopen } = await fresh();
      await reopen();
      const applied = await store.sql.all<{ version: number }>(
        "SELECT version FROM history_migrations ORDER BY version",
      );
      expect(applied.map((row) => row.version)).toEqual([1, 2, 3, 4, 5]);
    });

    it("tracks viewed petitions until they close", async () => {
      const { store } = await fresh();
      const open = openPetition();
      await store.noteViewers(new Map([[open.id, 3]]), T0);
      await store.noteViewers(new Map([[123, 9]]), T0 - 2 * DAY);
      const trackable = () => store.trackable({ since: T0 - DAY, always: [55], limit: 10 });
      expect(await trackable()).toEqual([55, open.id]);
      await store.record({ ...open, state: "closed" }, T0 + MINUTE);
      expect(await trackable()).toEqual([55]);
    });

    it("tracks at most `limit` petitions: the configured ones, then the most watched, recent counts first", async () => {
      const { store } = await fresh();
      // Petitions 1–30 watched by 1–30 clients an hour ago; 31 and 32 by one and two clients just now.
      await store.noteViewers(new Map(Array.from({ length: 30 }, (_, n) => [n + 1, n + 1])), T0 - HOUR);
      await store.noteViewers(
        new Map([
          [31, 1],
          [32, 2],
        ]),
        T0,
      );
      const trackable = (limit: number, recentSince = T0 - DAY) =>
        store.trackable({ since: T0 - DAY, recentSince, always: [500], limit });
      expect(await trackable(4)).toEqual([500, 30, 29, 28]);
      // Counts older than recentSince rank below any recent one, then by when they were watched.
      expect(await trackable(4, T0 - 30 * MINUTE)).toEqual([500, 32, 31, 1]);
      expect(await trackable(100)).toHaveLength(33);
      // A closed petition leaves its place to the next.
      await store.record({ ...openPetition(), id: 30, state: "closed" }, T0);
      expect(await trackable(4)).toEqual([500, 29, 28, 27]);
    });

    it("gives closed and rejected petitions no snapshots but the final total of one seen open", async () => {
      const { store } = await fresh();
      const base = openPetition();
      expect(await store.record({ ...base, state: "rejected" }, T0)).toBe("finished");
      expect(await store.points(base.id)).toEqual([]);

      const other = { ...smallPetition(), id: 4242 };
      await store.record(other, T0);
      const closed = { ...grown(other, 1), state: "closed" as const };
      expect(await store.record(closed, T0 + MINUTE)).toBe("recorded");
      expect(await store.record({ ...grown(other, 2), state: "closed" }, T0 + 2 * MINUTE)).toBe("finished");
      expect((await store.points(other.id)).map((point) => point.total)).toEqual([
        other.signatureCount,
        closed.signatureCount,
      ]);
    });

    it("thins a finished petition once after it finished, then never again", async () => {
      const { store } = await fresh();
      const base = openPetition();
      for (let step = 0; step < 5; step += 1) await store.record(grown(base, step), T0 + step * MINUTE);
      expect(await store.thinningDue(T0 + 2 * HOUR)).toEqual([base.id]);
      await store.record({ ...grown(base, 5), state: "closed" }, T0 + 3 * HOUR);
      expect(await store.thinningDue(T0 + 5 * HOUR)).toEqual([base.id]);
      await store.thin(base.id, T0 + 5 * HOUR);
      expect(await store.thinningDue(T0 + 30 * DAY)).toEqual([]);
    });

    it("finds the baseline a momentum window starts from", async () => {
      const { store } = await fresh();
      const base = openPetition();
      expect(await store.baseline(base.id, T0)).toBeNull();
      for (let step = 0; step < 5; step += 1) await store.record(grown(base, step), T0 + step * HOUR);
      expect((await store.baseline(base.id, T0 + 2.5 * HOUR))?.at).toBe(T0 + 2 * HOUR);
      expect((await store.baseline(base.id, T0 - DAY))?.at).toBe(T0);
    });
  });
});
