/** The history API's query string, validated: bad values are a 400 with a message, never a guess. */
import { z } from "zod";

export const POINT_LIMIT = { default: 500, max: 2000 } as const;
export const FRAME_LIMIT = { default: 120, max: 300 } as const;

const EARLIEST = Date.parse("2010-01-01T00:00:00Z");

/** An ISO 8601 time with a zone, or milliseconds since 1970. */
const instant = z
  .string()
  .trim()
  .transform((raw, context) => {
    const value = /^\d{1,15}$/.test(raw)
      ? Number(raw)
      : z.iso.datetime({ offset: true }).safeParse(raw).success
        ? Date.parse(raw)
        : NaN;
    if (!Number.isFinite(value) || value < EARLIEST) {
      context.addIssue({
        code: "custom",
        message:
          "must be an ISO 8601 time (e.g. 2026-03-01T12:00:00Z) or milliseconds since 1970, after 2010",
      });
      return z.NEVER;
    }
    return value;
  });

const limitFor = (max: number) =>
  z.coerce
    .number({ message: "must be a number" })
    .int("must be a whole number")
    .min(2, "must be at least 2")
    .max(max, `must be at most ${max}`);

const querySchema = z
  .object({
    from: instant.optional(),
    to: instant.optional(),
    area: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[ENSW]\d{8}$/, "must be a constituency's ONS code, e.g. E14000530")
      .optional(),
    seats: z.literal("all", { message: 'must be "all" (every seat\'s count at each point)' }).optional(),
    limit: z.string().optional(),
  })
  .refine((query) => query.from === undefined || query.to === undefined || query.from <= query.to, {
    message: "must not be after to",
    path: ["from"],
  });

export interface HistoryQuery {
  from?: number;
  to?: number;
  area?: string;
  /** Every seat's count per point (for animating the map), at most FRAME_LIMIT.max points. */
  seats: boolean;
  limit: number;
}

export type HistoryQueryResult = { ok: true; query: HistoryQuery } | { ok: false; message: string };

/** Parses ?from=&to=&area=&seats=all&limit= (other parameters are ignored). */
export function parseHistoryQuery(params: URLSearchParams): HistoryQueryResult {
  const raw = Object.fromEntries(
    ["from", "to", "area", "seats", "limit"].flatMap((key) => {
      const value = params.get(key);
      return value === null ? [] : [[key, value]];
    }),
  );
  const parsed = querySchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: describe(parsed.error) };
  const seats = parsed.data.seats === "all";
  const bounds = seats ? FRAME_LIMIT : POINT_LIMIT;
  const limit = limitFor(bounds.max).safeParse(parsed.data.limit ?? bounds.default);
  if (!limit.success) return { ok: false, message: describe(limit.error, "limit") };
  const { from, to, area } = parsed.data;
  return {
    ok: true,
    query: {
      ...(from === undefined ? {} : { from }),
      ...(to === undefined ? {} : { to }),
      ...(area === undefined ? {} : { area }),
      seats,
      limit: limit.data,
    },
  };
}

function describe(error: z.ZodError, field?: string): string {
  return error.issues
    .map((issue) => `${field ?? (issue.path.join(".") || "query")} ${issue.message}`)
    .join("; ");
}
