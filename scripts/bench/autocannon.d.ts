/** The part of autocannon's programmatic API the load bench uses (the package ships no types). */
declare module "autocannon" {
  interface Histogram {
    average: number;
    p50: number;
    p99: number;
    max: number;
  }
  export interface AutocannonResult {
    requests: Histogram & { total: number };
    latency: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    statusCodeStats: Record<string, { count: number }>;
    duration: number;
  }
  export interface AutocannonOptions {
    url: string;
    connections?: number;
    duration?: number;
    headers?: Record<string, string>;
    /** Requests per second across all connections (a steady load rather than as fast as possible). */
    overallRate?: number;
    /** Worker threads sharing the connections (each runs its own client). */
    workers?: number;
    /** Requests to cycle through, each relative to url. */
    requests?: { method?: string; path: string }[];
  }
  export default function autocannon(options: AutocannonOptions): Promise<AutocannonResult>;
}
