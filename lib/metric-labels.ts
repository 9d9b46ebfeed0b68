import type { Metric } from "@/lib/scale/scale";

export const METRIC_LABELS: Record<Metric, string> = {
  count: "Signatures",
  share: "Share of UK signatures",
  rate: "Per 1,000 electors",
  momentum: "Momentum: 24 h per 1,000 electors",
};
