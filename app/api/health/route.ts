import { connection } from "next/server";
import packageJson from "@/package.json";
import { petitionCacheKind } from "@/lib/petitions";
import { redisClient } from "@/lib/petitions/redis-store";
import { loadPostcodeIndex } from "@/lib/postcodes";

export const runtime = "nodejs";

async function redisState(): Promise<"up" | "down" | null> {
  const url = process.env.REDIS_URL;
  if (!url) return null;
  try {
    return (await redisClient(url).ping()) === "PONG" ? "up" : "down";
  } catch {
    return "down";
  }
}

async function postcodeIndex(): Promise<{ loaded: boolean; version: string | null }> {
  try {
    return { loaded: true, version: (await loadPostcodeIndex()).meta.version };
  } catch {
    return { loaded: false, version: null };
  }
}

/**
 * GET /api/health for load balancers: 200 with ok: true while this instance can answer (a down Redis only
 * degrades it: copies are then kept in memory), 503 when the postcode index cannot be read.
 */
export async function GET() {
  await connection();
  const [redis, postcodes] = await Promise.all([redisState(), postcodeIndex()]);
  const ok = postcodes.loaded;
  return Response.json(
    {
      ok,
      version: packageJson.version,
      uptimeSeconds: Math.round(process.uptime()),
      cache: { kind: petitionCacheKind(), ...(redis === null ? {} : { redis }) },
      postcodeIndex: postcodes,
    },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
