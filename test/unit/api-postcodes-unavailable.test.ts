import { describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/postcodes/[postcode]/route";

vi.mock("@/lib/postcodes/load", () => ({
  loadPostcodeIndex: () => Promise.reject(new Error("index file missing")),
}));

describe("GET /api/postcodes/{postcode} without its index", () => {
  it("answers 503, uncached, instead of failing", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const response = await GET(new Request("http://localhost/api/postcodes/SW1A%201AA"), {
      params: Promise.resolve({ postcode: "SW1A 1AA" }),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(((await response.json()) as { error: string }).error).toMatch(/unavailable/);
  });
});
