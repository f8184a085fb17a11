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
  /** One request of a sequence (`requests`): each connection walks the list in turn, then starts again. */
  export interface SequenceRequest {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    /**
     * Changes the request before it is sent (`context` is the connection's, reset at each new round); a
     * falsy answer starts the round again from the first request.
     */
    setupRequest?: (
      request: SequenceRequest & { headers: Record<string, string> },
      context: Record<string, unknown>,
    ) => (SequenceRequest & { headers: Record<string, string> }) | null | undefined;
    onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
  }
  export interface Options {
    /** Several URLs spread the connections over them (the connections a multiple of their number). */
    url: string | string[];
    requests?: SequenceRequest[];
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
