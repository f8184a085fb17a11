// The part of autocannon 9's programmatic API the benchmarks use (the package ships no types).
declare module "autocannon" {
  interface Histogram {
    average: number;
    mean: number;
    min: number;
    max: number;
    p50: number;
    p90: number;
    p99: number;
    total: number;
  }
  export interface Result {
    requests: Histogram;
    latency: Histogram;
    throughput: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    duration: number;
    "2xx": number;
  }
  export interface Options {
    url: string;
    connections?: number;
    duration?: number;
    /** Requests to send in all (instead of a duration). */
    amount?: number;
    /** Requests per second across all connections (a fixed rate instead of as fast as answered). */
    overallRate?: number;
    headers?: Record<string, string>;
    /** Seconds before a request is given up (counted in errors and timeouts, not in latency). */
    timeout?: number;
  }
  export default function autocannon(options: Options): Promise<Result>;
}
