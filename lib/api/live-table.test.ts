import { describe, expect, it } from "vitest";
import { unpackRows } from "@/lib/join/packed-rows";
import { loadPetition } from "@/lib/load/petition";
import { SEED_PETITION_ID } from "@/lib/petitions";
import { liveTable } from "./live-table";

describe("liveTable", () => {
  it("sends the seed's seats as columns that unpack to the joined rows, under a third of the bytes of row objects", async () => {
    const loaded = await loadPetition(SEED_PETITION_ID);
    const body = JSON.parse(JSON.stringify(liveTable(loaded))) as ReturnType<typeof liveTable>;
    expect(body.boundarySet).toBe("2010");
    expect(body.petition.signatureCount).toBe(loaded.load.petition.signatureCount);
    expect(unpackRows(body.packedRows)).toEqual(loaded.joined.rows);
    const asObjects = JSON.stringify(loaded.joined.rows).length;
    expect(JSON.stringify(body).length).toBeLessThan(asObjects / 3);
  });
});
