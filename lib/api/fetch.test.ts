import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiRequestError, fetchBlob, fetchJson, fetchText } from "./fetch";

let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { "Content-Type": type });
      res.end(body);
    };
    if (req.url === "/ok") return send(200, "application/json", JSON.stringify({ seats: 650 }));
    if (req.url === "/png") return send(200, "image/png", "\x89PNG");
    if (req.url === "/svg") return send(200, "image/svg+xml", '<svg><path id="seat-E14000530"/></svg>');
    if (req.url === "/unknown")
      return send(404, "application/json", JSON.stringify({ error: "No such postcode" }));
    send(502, "text/html", "<h1>Bad gateway</h1>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("fetchJson and fetchBlob", () => {
  it("give a 2xx answer's body", async () => {
    expect(await fetchJson(`${base}/ok`)).toEqual({ seats: 650 });
    expect((await fetchBlob(`${base}/png`)).type).toBe("image/png");
    expect(await fetchText(`${base}/svg`)).toBe('<svg><path id="seat-E14000530"/></svg>');
  });

  it("stop when aborted", async () => {
    const request = new AbortController();
    request.abort();
    await expect(fetchText(`${base}/svg`, request.signal)).rejects.toThrow(/abort/i);
  });

  it("throw the status and the answer's own message", async () => {
    const error: unknown = await fetchJson(`${base}/unknown`).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 404, reason: "No such postcode" });
  });

  it("throw without a message when the answer is not the API's JSON", async () => {
    const error: unknown = await fetchBlob(`${base}/proxy`).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 502, reason: null });
  });
});
