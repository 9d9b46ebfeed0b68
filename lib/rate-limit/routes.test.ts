import { describe, expect, it } from "vitest";
import { costlyRequest, isPagePath, tooManyRequests, type HeldAnswers } from "./routes";

/** We hold petition 575833 and 100 and the list's first page; nothing else. */
const held: HeldAnswers = {
  petition: async (id) => id === 575833 || id === 100,
  listPage: async (page) => (page ?? "1") === "1",
};
const costly = (path: string, method = "GET") =>
  costlyRequest(method, new URL(path, "http://localhost"), held);

describe("costlyRequest", () => {
  it.each([
    "/petitions/575833",
    "/embed/petitions/100?metric=rate",
    "/api/petitions/100",
    "/api/petitions/100/history",
    "/compare/575833/100",
    "/find?petition=100",
    "/petitions",
    "/petitions?page=1&q=%20",
    "/seats/E14000911",
    "/api/postcodes/SW1A1AA",
    "/about",
  ])("%s is answered from what we hold", async (path) => {
    expect(await costly(path)).toBe(false);
  });

  it.each([
    // Petitions we hold no answer for: answering asks upstream.
    "/petitions/123456",
    "/embed/petitions/123456",
    "/api/petitions/123456",
    "/api/petitions/123456/history",
    "/compare/575833/123456",
    "/find?petition=123456",
    "/petitions?page=2",
    // Searches, files built for the asker, and forms posted.
    "/petitions?q=badgers",
    "/find?q=SW1A%201AA",
    "/compare?a=575833&with=badgers",
    "/petitions/575833/constituencies.csv",
    "/compare/575833/100/seats.csv",
    "/og/petitions/575833/map.png?metric=rate",
  ])("%s costs us work", async (path) => {
    expect(await costly(path)).toBe(true);
  });

  it("counts a posted form as costly", async () => {
    expect(await costly("/find", "POST")).toBe(true);
  });
});

describe("tooManyRequests", () => {
  it("is a small HTML page for pages, JSON for everything else, each with Retry-After", async () => {
    const page = tooManyRequests("/petitions/123", 12);
    expect(page.status).toBe(429);
    expect(page.headers.get("Content-Type")).toMatch(/text\/html/);
    expect(page.headers.get("Retry-After")).toBe("12");
    expect(page.headers.get("X-Frame-Options")).toBe("DENY");
    expect(await page.text()).toMatch(/<h1>Too many requests<\/h1>[\s\S]*12 s/);

    const embed = tooManyRequests("/embed/petitions/123", 3);
    expect(embed.headers.get("X-Frame-Options")).toBeNull();

    for (const path of ["/api/petitions/1", "/petitions/1/constituencies.csv", "/og/petitions/1/map.png"]) {
      const answer = tooManyRequests(path, 5);
      expect(answer.headers.get("Content-Type")).toMatch(/application\/json/);
      expect(answer.headers.get("Retry-After")).toBe("5");
    }
  });

  it("knows pages from answers and files", () => {
    expect(["/", "/petitions/1", "/find", "/seats/E1"].every(isPagePath)).toBe(true);
    expect(["/api/health", "/_next/data", "/x.csv", "/og/petitions/1/map.png"].some(isPagePath)).toBe(false);
  });
});
