/**
 * HttpClient port: one guarded HTTP GET/HEAD with redirects followed, bodies decoded and capped.
 * Interface only; src/stages/fetch/transport.ts implements it (the only socket code), tests may fake it.
 */

/** What the caller expects back; the transport refuses other media types before reading the body. */
export type ContentKind = "feed" | "html" | "robots" | "any";

export interface HttpRequest {
  url: string;
  method?: "GET" | "HEAD";
  /** Extra headers (validators, Accept-Language…). Host, Connection, Accept-Encoding and proxy headers are refused. */
  headers?: Readonly<Record<string, string>>;
  /** Expected content; default "any". */
  expect?: ContentKind;
  /** Cap on decoded body bytes for this request; defaults to the transport's. */
  maxBodyBytes?: number;
  /** Total deadline for DNS, connect, headers, redirects and body; defaults to the transport's. */
  deadlineMs?: number;
  /** Caller cancellation (shutdown). */
  signal?: AbortSignal;
  /** Called each time a request head (the first request, then each redirect hop) has been written to its socket:
   * the moment the host sees a request, which politeness spacing counts from. */
  onSent?: () => void;
  /** Awaited before each redirect hop is sent, with the hop's URL (vetted): the caller's politeness waits there
   * for that host's spacing. Its wait counts against the deadline (a hop is not sent once the deadline has passed);
   * a rejection fails the request with that error. */
  beforeHop?: (url: string) => Promise<void>;
}

export interface HttpTiming {
  /** Epoch ms when the request started. */
  startedAt: number;
  /** Time to the final response's headers. */
  headersMs: number;
  /** Time until the body was fully read. */
  totalMs: number;
}

export interface HttpResponse {
  status: number;
  /** Response headers of the final hop, lowercase names; repeated headers joined with ", ". */
  headers: Readonly<Record<string, string>>;
  /** URL of the final hop after redirects. */
  url: string;
  /** Every URL requested, the first one included, in order. */
  redirects: readonly string[];
  /** True when a 301/308 led (directly or through other permanent hops) to `url`: a candidate for updating the
   * stored feed URL. Only ever set for hops that passed the SSRF checks. */
  permanentRedirect: boolean;
  /** Body bytes after Content-Encoding was removed; charset decoding is left to the caller. Empty for HEAD/304. */
  body: Uint8Array;
  timing: HttpTiming;
}

export interface HttpClient {
  /**
   * Performs the request. Non-2xx statuses are returned, not thrown (except redirects, which are followed).
   * Throws AkhbarError with `fetch.*` codes for refused destinations, timeouts, oversize bodies and network errors.
   */
  request(req: HttpRequest): Promise<HttpResponse>;
  /** Releases pooled connections. */
  close(): Promise<void>;
}
