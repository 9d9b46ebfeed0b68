import { describe, expect, it } from "vitest";
import { parsePetitionInput, petitionIdOf } from "./input";

describe("parsePetitionInput accepts the forms people paste", () => {
  it.each([
    ["575833", 575833],
    ["  575833 \n", 575833],
    ["1", 1],
    ["999999999", 999999999],
    ["https://petition.parliament.uk/petitions/575833", 575833],
    ["http://petition.parliament.uk/petitions/575833", 575833],
    ["https://www.petition.parliament.uk/petitions/575833", 575833],
    ["HTTPS://PETITION.PARLIAMENT.UK/petitions/575833", 575833],
    ["petition.parliament.uk/petitions/575833", 575833],
    ["www.petition.parliament.uk/petitions/575833", 575833],
    ["/petitions/575833", 575833],
    ["https://petition.parliament.uk/petitions/575833/", 575833],
    ["https://petition.parliament.uk/petitions/575833.json", 575833],
    ["https://petition.parliament.uk/petitions/575833?utm_source=twitter&utm_medium=social", 575833],
    ["https://petition.parliament.uk/petitions/575833#response", 575833],
    ["https://petition.parliament.uk/petitions/575833/signatures/new", 575833],
    ["https://petition.parliament.uk/archived/petitions/241584", 241584],
    ["https://petition.parliament.uk/archived/petitions/241584.json", 241584],
    ["/archived/petitions/241584.json?x=1#y", 241584],
  ])("%j → %i", (raw, id) => {
    expect(parsePetitionInput(raw)).toEqual({ ok: true, id });
  });
});

describe("parsePetitionInput refuses everything else with a message", () => {
  it.each([
    "",
    "   ",
    "0",
    "000",
    "1234567890",
    "-5",
    "1e5",
    "0x10",
    "575 833",
    "575833abc",
    "５７５８３３",
    "https://evil.example/petitions/575833",
    "https://petition.parliament.uk.evil.example/petitions/575833",
    "https://petition.parliament.uk@evil.example/petitions/575833",
    "https://user:pw@petition.parliament.uk/petitions/575833",
    "https://petition.parliament.uk:8443/petitions/575833",
    "https://petition.parliament.uk/petitions/575833/../../admin",
    "https://petition.parliament.uk/petitions/%35%37%35",
    "https://petition.parliament.uk/petitions",
    "https://petition.parliament.uk/petitions/1234567890",
    "https://petition.parliament.uk/petitions?state=open",
    "javascript:alert(1)//petition.parliament.uk/petitions/1",
    "file:///etc/passwd",
    "ftp://petition.parliament.uk/petitions/575833",
    "http://169.254.169.254/latest/meta-data",
    "<script>alert(1)</script>",
    "575833".repeat(400),
  ])("%j", (raw) => {
    const result = parsePetitionInput(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/petition number/);
  });
});

describe("petitionIdOf", () => {
  it.each([
    ["575833", 575833],
    ["700001", 700001],
    ["123456789", 123456789],
    ["1234567890", null],
    ["", null],
    [" 575833", null],
    ["575833abc", null],
    ["5e5", null],
    ["-1", null],
    ["575833\n", null],
    ["%35", null],
    [null, null],
    [undefined, null],
  ])("%j → %j", (text, id) => {
    expect(petitionIdOf(text)).toBe(id);
  });
});
