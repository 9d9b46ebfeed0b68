import { describe, expect, it } from "vitest";
import { parliamentLink } from "./outbound-links";

describe("parliamentLink", () => {
  it.each([
    "https://hansard.parliament.uk/commons/2024-01-15/debates/ABC/Petition",
    "https://parliamentlive.tv/event/index/1234-5678",
    "https://www.parliamentlive.tv/Event/Index/1234",
    "https://parliament.uk/business/petitions/",
    "https://committees.PARLIAMENT.uk/work/1",
  ])("keeps %s", (link) => expect(parliamentLink(link)).toBe(new URL(link).href));

  it.each([
    "http://hansard.parliament.uk/commons/2024-01-15",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "https://evil.example/hansard.parliament.uk",
    "https://parliament.uk.evil.example/",
    "https://notparliament.uk/",
    "https://evilparliamentlive.tv/",
    "https://hansard.parliament.uk@evil.example/",
    "https://user:pass@hansard.parliament.uk/",
    "https://hansard.parliament.uk:8443/",
    "//hansard.parliament.uk/commons",
    "/commons/2024-01-15",
    "not a link",
    "",
  ])("drops %j", (link) => expect(parliamentLink(link)).toBeNull());

  it("drops nothing it was not given", () => {
    expect(parliamentLink(null)).toBeNull();
    expect(parliamentLink(undefined)).toBeNull();
  });
});
