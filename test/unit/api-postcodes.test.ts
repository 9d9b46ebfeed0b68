import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/postcodes/[postcode]/route";

function get(postcode: string, headers: Record<string, string> = {}) {
  const request = new Request(`http://localhost/api/postcodes/${encodeURIComponent(postcode)}`, { headers });
  return GET(request, { params: Promise.resolve({ postcode }) });
}

describe("GET /api/postcodes/{postcode}", () => {
  it("answers SW1A 1AA with both sets, kept by no cache", async () => {
    const response = await get("SW1A 1AA");
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(["postcode", "location", "sets"]);
    expect(body).toMatchObject({
      postcode: "SW1A 1AA",
      location: { lat: expect.any(Number), lng: expect.any(Number) },
      sets: {
        "2010": { code: "E14000639", name: expect.any(String), placement: "exact" },
        "2024": {
          code: "E14001172",
          name: expect.any(String),
          placement: "estimated",
          nearBoundary: false,
          alternatives: [],
        },
      },
    });
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect(response.headers.get("ETag")).toMatch(/^"[0-9a-f]{16}"$/);
    expect(response.headers.get("Content-Type")).toContain("application/json");
  });

  it("says an estimated answer near a boundary is not sure and offers the neighbouring seat", async () => {
    const body = (await (await get("EC1A 1BB")).json()) as { sets: Record<string, unknown> };
    expect(body.sets["2024"]).toEqual({
      code: "E14001290",
      name: "Holborn and St Pancras",
      placement: "estimated",
      nearBoundary: true,
      alternatives: [{ code: "E14001306", name: "Islington South and Finsbury" }],
    });
  });

  it("takes the segment as Next has decoded it, and never decodes it a second time", async () => {
    const response = await get("sw1a 1aa");
    expect(response.status).toBe(200);
    expect(((await response.json()) as { postcode: string }).postcode).toBe("SW1A 1AA");
    // "/api/postcodes/sw1a%25201aa" reaches the route as "sw1a%201aa": a postcode with a "%" in it.
    expect((await get("sw1a%201aa")).status).toBe(400);
  });

  it("returns 304 when the client already has this version", async () => {
    const etag = (await get("LS1 1UR")).headers.get("ETag")!;
    const response = await get("LS1 1UR", { "If-None-Match": etag });
    expect(response.status).toBe(304);
    expect(await response.text()).toBe("");
  });

  it.each(["", "XYZ", "x".repeat(100), "<script>alert(1)</script>", "%E0%A4%A"])(
    "rejects %j with 400",
    async (raw) => {
      const response = await get(raw);
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: string };
      expect(body.error).toMatch(/postcode/i);
      expect(JSON.stringify(body)).not.toContain("<script>");
    },
  );

  it("returns 404 with a message for a well-formed unknown postcode", async () => {
    const response = await get("ZZ1 1ZZ");
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: string; postcode: string; crownDependency?: boolean };
    expect(body.postcode).toBe("ZZ1 1ZZ");
    expect(body.error).toContain("ZZ1 1ZZ");
    expect(body.crownDependency).toBeUndefined();
  });

  it.each([
    ["JE2 3AB", "Jersey is a Crown Dependency, not in a UK parliamentary constituency"],
    ["GY1 1AA", "Guernsey is a Crown Dependency"],
    ["IM2 4NQ", "The Isle of Man is a Crown Dependency"],
  ])("explains that %s is in a Crown Dependency", async (raw, message) => {
    const response = await get(raw);
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: string; crownDependency: boolean };
    expect(body.crownDependency).toBe(true);
    expect(body.error).toContain(message);
  });
});
