/**
 * A viral petition for the history bench: the real seed's spread of signatures over seats and countries, grown
 * minute by minute at 400·e^(−t/2 days) + 2 signatures a minute (≈2.2 million in a year, half of them in the first
 * week; the tail keeps nearly every minute's snapshot different, the worst case for storage).
 * Deterministic: a seeded generator scatters each minute's signatures.
 */
import seedJson from "@/data/petitions/575833.json";
import { reshapePetition } from "@/lib/petitions/reshape";
import type { Petition } from "@/lib/petitions/types";
import { seededRandom } from "@/lib/seeded-random";

export const MINUTE_MS = 60_000;
const DAY_MINUTES = 1440;

/** Signatures in minute `minute` after opening. */
export function signaturesInMinute(minute: number): number {
  return 400 * Math.exp(-minute / (2 * DAY_MINUTES)) + 2;
}

export class ViralPetition {
  private readonly seed: Petition = reshapePetition(seedJson);
  private readonly seatWeights: number[];
  private readonly countryWeights: number[];
  private readonly seats: number[];
  private readonly countries: number[];
  private readonly random = seededRandom(575833);
  private carry = 0;
  minute = 0;

  constructor(readonly id = 990001) {
    const total = this.seed.signatureCount;
    this.seatWeights = this.seed.byConstituency.map((seat) => seat.count / total);
    this.countryWeights = this.seed.byCountry.map((country) =>
      country.code === "GB" ? 0 : country.count / total,
    );
    this.seats = this.seatWeights.map(() => 0);
    this.countries = this.countryWeights.map(() => 0);
  }

  /** Advances to `minute`, scattering each minute's new signatures over seats and countries in proportion. */
  advanceTo(minute: number): void {
    for (; this.minute < minute; this.minute += 1) {
      const arriving = signaturesInMinute(this.minute) + this.carry;
      const whole = Math.floor(arriving);
      this.carry = arriving - whole;
      this.scatter(whole, this.seatWeights, this.seats);
      this.scatter(whole, this.countryWeights, this.countries);
    }
  }

  current(): Petition {
    return this.petition(this.seats, this.countries);
  }

  private scatter(count: number, weights: readonly number[], into: number[]): void {
    for (let index = 0; index < weights.length; index += 1) {
      const expected = count * weights[index]!;
      into[index]! += Math.floor(expected + this.random());
    }
  }

  private petition(seats: readonly number[], countries: readonly number[]): Petition {
    const inSeats = seats.reduce((sum, count) => sum + count, 0);
    const abroad = countries.reduce((sum, count) => sum + count, 0);
    return {
      ...this.seed,
      id: this.id,
      state: "open",
      signatureCount: inSeats + abroad,
      byConstituency: this.seed.byConstituency.map((seat, index) => ({ ...seat, count: seats[index]! })),
      byCountry: this.seed.byCountry.map((country, index) => ({
        ...country,
        count: country.code === "GB" ? inSeats : countries[index]!,
      })),
    };
  }
}
