/** The stand-in's fault modes: how one request is answered given the mode set for its petition, the list or all. */
import type http from "node:http";
import { REGION_BY_PETITIONS_CODE } from "@/lib/petitions/regions";

export const FAULT_MODES = ["ok", "slow", "5xx", "malformed", "404", "refuse", "flap", "rising"] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

export interface ModeSetting {
  mode: FaultMode;
  /** For "slow": how long to wait before answering (default 3000 ms). */
  delayMs?: number;
  /** For "malformed": a truncated body, or valid JSON without data.attributes.signature_count (default). */
  malformed?: "invalid-json" | "missing-field";
}

export function isFaultMode(value: unknown): value is FaultMode {
  return FAULT_MODES.some((mode) => mode === value);
}

interface Row {
  name: string;
  signature_count: number;
}

export interface PetitionDoc {
  links?: Record<string, string | null>;
  data: {
    type: "petition" | "archived-petition";
    id: number;
    attributes: Record<string, unknown> & {
      action: string;
      background: string;
      state: string;
      signature_count: number;
      signatures_by_country?: (Row & { code: string })[];
      signatures_by_constituency?: (Row & { ons_code: string })[];
      signatures_by_region?: (Row & { ons_code: string })[];
    };
  };
}

/** Per-key call counts (flap, rising) and pending "slow" timers (cleared on close). */
export interface FaultState {
  calls: Map<string, number>;
  timers: Set<NodeJS.Timeout>;
}

/** Signatures each listed seat gains per call in "rising" mode. */
export const RISE_PER_SEAT = 10;

const regionLetters = new Set(Object.keys(REGION_BY_PETITIONS_CODE));

/**
 * Adds `rise` to every constituency; the UK and the total grow by the same sum. Regions grow in proportion to their
 * current share (remainder to the largest), so regions still add up to the constituencies.
 */
export function risen(body: unknown, rise: number): unknown {
  const doc = body as PetitionDoc;
  const attributes = doc.data?.attributes;
  if (!attributes?.signatures_by_constituency) return body;
  const seats = attributes.signatures_by_constituency;
  for (const seat of seats) seat.signature_count += rise;
  const added = rise * seats.length;
  attributes.signature_count += added;
  const uk = attributes.signatures_by_country?.find((country) => country.code === "GB");
  if (uk) uk.signature_count += added;
  const regions = (attributes.signatures_by_region ?? []).filter((region) =>
    regionLetters.has(region.ons_code),
  );
  const regionTotal = regions.reduce((sum, region) => sum + region.signature_count, 0);
  if (regionTotal > 0) {
    let left = added;
    for (const region of regions) {
      const share = Math.floor((added * region.signature_count) / regionTotal);
      region.signature_count += share;
      left -= share;
    }
    const largest = regions.reduce((a, b) => (b.signature_count > a.signature_count ? b : a));
    largest.signature_count += left;
  }
  return doc;
}

function withoutSignatureCount(body: unknown): unknown {
  const doc = body as PetitionDoc;
  if (doc.data?.attributes)
    delete (doc.data.attributes as Partial<PetitionDoc["data"]["attributes"]>).signature_count;
  else delete (doc as Partial<PetitionDoc>).data;
  return doc;
}

export function send(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.destroyed) return;
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(text);
}

/** Answers one request under `setting`; `body` makes a fresh copy of the healthy answer. */
export function applyFault(
  setting: ModeSetting,
  key: string,
  state: FaultState,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  body: () => unknown,
): void {
  const call = (state.calls.get(key) ?? 0) + 1;
  state.calls.set(key, call);
  switch (setting.mode) {
    case "ok":
      return send(res, 200, body());
    case "slow": {
      const timer = setTimeout(() => {
        state.timers.delete(timer);
        send(res, 200, body());
      }, setting.delayMs ?? 3000);
      state.timers.add(timer);
      return;
    }
    case "5xx":
      return send(res, 503, { error: "Service Unavailable" });
    case "malformed":
      return setting.malformed === "invalid-json"
        ? send(res, 200, JSON.stringify(body()).slice(0, 200))
        : send(res, 200, withoutSignatureCount(body()));
    case "404":
      return send(res, 404, { error: "Not Found" });
    case "refuse":
      req.socket.destroy();
      return;
    case "flap":
      return call % 2 === 1 ? send(res, 200, body()) : send(res, 503, { error: "Service Unavailable" });
    case "rising":
      return send(res, 200, risen(body(), call * RISE_PER_SEAT));
  }
}
