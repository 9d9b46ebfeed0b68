/**
 * Link previews and postcode answers as a link unfurler or a crowd of visitors would meet them: the og:image for
 * new views (cold) and repeated ones (warm), and the postcode API held at 200 requests a second by autocannon.
 */
import autocannon from "autocannon";
import { median, quantile } from "simple-statistics";
import { markdownTable } from "./report";
import type { BenchSection } from "./section";

const SEATS = [
  "E14000911",
  "E14000639",
  "W07000041",
  "S14000051",
  "N06000002",
  "E14000777",
  "E14001038",
  "E14000530",
];
const POSTCODES = ["SW1A%201AA", "M5%204WT", "LS1%201UR", "CF10%201EP", "BT1%201AA", "ZE1%200AA"];

async function timed(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return performance.now() - started;
}

async function previewTimes(appUrl: string) {
  const cold: number[] = [];
  const warm: number[] = [];
  for (const [index, area] of SEATS.entries()) {
    const url = `${appUrl}/og/petitions/575833/map.png?metric=${index % 2 ? "rate" : "count"}&area=${area}`;
    cold.push(await timed(url));
    for (let repeat = 0; repeat < 3; repeat += 1) warm.push(await timed(url));
  }
  return { cold, warm };
}

async function postcodeAtRate(appUrl: string) {
  const run = await autocannon({
    url: appUrl,
    connections: 20,
    overallRate: 200,
    duration: 15,
    requests: POSTCODES.map((postcode) => ({ method: "GET", path: `/api/postcodes/${postcode}` })),
  });
  return run;
}

export const linksSection: BenchSection = {
  heading: "Link previews and postcode API",
  async run(env) {
    const { cold, warm } = await previewTimes(env.appUrl);
    const run = await postcodeAtRate(env.appUrl);
    const ms = (value: number) => `${Math.round(value)} ms`;
    return [
      markdownTable(
        ["What", "Runs", "Median", "p90", "Max"],
        [
          [
            "og:image, a view not drawn before (1200×630 PNG)",
            String(cold.length),
            ms(median(cold)),
            ms(quantile(cold, 0.9)),
            ms(Math.max(...cold)),
          ],
          [
            "og:image, the same view again",
            String(warm.length),
            ms(median(warm)),
            ms(quantile(warm, 0.9)),
            ms(Math.max(...warm)),
          ],
        ],
      ),
      "",
      markdownTable(
        ["Postcode API at a steady 200 req/s", "Requests", "req/s", "p50", "p99", "Errors", "Non-2xx"],
        [
          [
            "6 postcodes in rotation, 20 connections, 15 s",
            String(run.requests.total),
            String(Math.round(run.requests.average)),
            `${run.latency.p50} ms`,
            `${run.latency.p99} ms`,
            String(run.errors),
            String(run.non2xx),
          ],
        ],
      ),
    ].join("\n");
  },
};
