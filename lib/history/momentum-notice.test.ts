import { describe, expect, it } from "vitest";
import { METRICS } from "@/lib/scale/scale";
import { momentumNotice, type LiveFetch } from "./momentum-notice";

const FETCHES: LiveFetch[] = ["off", "pending", "failed", "current"];

describe("momentumNotice", () => {
  it("says nothing for other metrics, or once the seats have momentum", () => {
    for (const fetch of FETCHES) {
      for (const metric of METRICS.filter((metric) => metric !== "momentum"))
        expect(momentumNotice(metric, false, fetch)).toBeNull();
      expect(momentumNotice("momentum", true, fetch)).toBeNull();
    }
  });

  it("says momentum is loading until the live table answers, and that it failed while it does not", () => {
    expect(momentumNotice("momentum", false, "pending")).toMatch(/^Loading momentum/);
    expect(momentumNotice("momentum", false, "failed")).toMatch(/could not be loaded.*trying again/);
  });

  it("says there is no history when the answer had none, or when nothing will be fetched", () => {
    expect(momentumNotice("momentum", false, "current")).toMatch(/no recent signature history/);
    expect(momentumNotice("momentum", false, "off")).toMatch(/no recent signature history/);
  });
});
