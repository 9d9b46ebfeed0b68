import assert from "node:assert/strict";
import { loopFor, rawGet } from "@/test/faults/http";
import { skipWithout } from "@/test/dependencies";
import { REDIS_MISSING, redisServerPath, startRedis } from "@/test/faults/redis-server";
import { FIXTURE_IDS } from "@/test/upstream/fixtures";
import { startStandIn } from "@/test/upstream/server";
import { test } from "./harness";
import { startApp, type RunningApp } from "./support/processes";

const LOAD_MS = 12_000;
const IDS = [FIXTURE_IDS.open2024, FIXTURE_IDS.closed2024, FIXTURE_IDS.small, FIXTURE_IDS.hostile];

if (!skipWithout(redisServerPath() !== null, `scale-out: ${REDIS_MISSING}`)) {
  test("scale-out: two instances sharing one Redis under load ask upstream once per petition per minute", async () => {
    const redis = await startRedis();
    // Its own stand-in and apps: the default 60 s freshness and a cold cache, unlike the shared test app.
    const standIn = await startStandIn();
    const apps: RunningApp[] = [];
    try {
      const env = { PETITIONS_API_BASE: standIn.url, REDIS_URL: redis.url };
      apps.push(...(await Promise.all([startApp({ env }), startApp({ env })])));
      const health = JSON.parse((await rawGet(apps[0]!.url, "/api/health")).body) as {
        ok: boolean;
        cache: { kind: string; redis?: string };
      };
      assert.deepEqual([health.ok, health.cache], [true, { kind: "redis", redis: "up" }]);

      standIn.reset();
      const statuses = await loopFor(LOAD_MS, 8, async (n) => {
        const app = apps[n % 2]!;
        const id = IDS[Math.floor(n / 2) % IDS.length]!;
        const path = n % 3 === 0 ? `/petitions/${id}` : `/api/petitions/${id}`;
        return (await rawGet(app.url, path)).status;
      });
      assert.ok(statuses.length >= 100, `only ${statuses.length} requests in ${LOAD_MS} ms`);
      assert.deepEqual(
        statuses.filter((status) => status !== 200),
        [],
        "every answer is 200",
      );
      const byPath = standIn.stats().byPath;
      const calls = Object.fromEntries(IDS.map((id) => [id, byPath[`/petitions/${id}.json`] ?? 0]));
      console.log(
        `  ${statuses.length} requests over two instances; upstream calls: ${JSON.stringify(calls)}`,
      );
      assert.deepEqual(
        calls,
        Object.fromEntries(IDS.map((id) => [id, 1])),
        `upstream calls per petition for ${statuses.length} requests over two instances`,
      );
    } finally {
      await Promise.all(apps.map((app) => app.close()));
      await standIn.close();
      await redis.close();
    }
  });
}
