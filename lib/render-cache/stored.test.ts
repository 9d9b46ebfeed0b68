import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { chooseEncoding, isNotModified, storeBody } from "./stored";

const geo = path.join(process.cwd(), "public", "geo");
const committed = (pattern: RegExp) =>
  readFileSync(path.join(geo, readdirSync(geo).find((name) => pattern.test(name)) ?? "missing"));

describe("storeBody", () => {
  it("keeps gzip and Brotli copies of the seat paths that decompress to the same bytes, each with its ETag", async () => {
    const svg = committed(/^pcon-2024\.[0-9a-f]+\.svg$/);
    const stored = await storeBody(svg, true);
    expect(gunzipSync(stored.bodies.gzip).equals(svg)).toBe(true);
    expect(brotliDecompressSync(stored.bodies.br).equals(svg)).toBe(true);
    // Brotli at quality 9 does no better than gzip on these half-unit paths: a reader accepting both gets the smaller.
    const smaller = stored.bodies.br.length <= stored.bodies.gzip.length ? "br" : "gzip";
    expect(chooseEncoding("gzip, deflate, br", stored.bodies)).toBe(smaller);
    expect(chooseEncoding("br", stored.bodies)).toBe("br");
    expect(stored.bodies.gzip.length).toBeLessThan(svg.length / 2);
    expect(new Set(Object.values(stored.etags)).size).toBe(3);
    expect(Object.values(stored.etags).every((etag) => /^"[\w-]+"$/.test(etag))).toBe(true);
    expect(stored.size).toBe(svg.length + stored.bodies.gzip.length + stored.bodies.br.length);
    // The same bytes, the same validators: a re-render that changed nothing still answers 304.
    expect((await storeBody(Buffer.from(svg), true)).etags).toEqual(stored.etags);
  });

  it("keeps a file that does not compress as it is, with one ETag", async () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const stored = await storeBody(bytes, false);
    expect(stored.bodies.gzip).toBe(bytes);
    expect(new Set(Object.values(stored.etags)).size).toBe(1);
    expect(stored.size).toBe(bytes.length);
  });
});

describe("chooseEncoding", () => {
  it.each([
    [undefined, "identity"],
    ["", "identity"],
    ["gzip", "gzip"],
    ["gzip, deflate, br, zstd", "br"],
    ["br;q=0, gzip", "gzip"],
    ["GZIP;q=0.5", "gzip"],
    ["deflate", "identity"],
    ["gzip;q=0", "identity"],
  ] as const)("%j → %s", (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });

  it("sends gzip to a reader accepting both when its copy is the smaller", () => {
    const bodies = (br: number, gzip: number) => ({ br: Buffer.alloc(br), gzip: Buffer.alloc(gzip) });
    expect(chooseEncoding("gzip, br", bodies(100, 90))).toBe("gzip");
    expect(chooseEncoding("gzip, br", bodies(90, 100))).toBe("br");
    expect(chooseEncoding("gzip, br", bodies(90, 90))).toBe("br");
    expect(chooseEncoding("br", bodies(100, 90))).toBe("br");
  });
});

describe("isNotModified", () => {
  it("matches any encoding's validator, weak or strong, in a list or *", async () => {
    const stored = await storeBody(Buffer.from("<p>the page</p>".repeat(50)), true);
    expect(isNotModified(undefined, stored)).toBe(false);
    expect(isNotModified('"other"', stored)).toBe(false);
    expect(isNotModified(stored.etags.identity, stored)).toBe(true);
    expect(isNotModified(`"other", W/${stored.etags.br}`, stored)).toBe(true);
    expect(isNotModified("*", stored)).toBe(true);
  });
});
