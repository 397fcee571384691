/**
 * conditionalGet: ETag/Last-Modified validators for feed polling, with a fallback for servers whose validators
 * lie (fetch stage, around each feed request). Pure; hashing uses node:crypto.
 */
import { createHash } from "node:crypto";

/** Even with validators, fetch unconditionally this often: some servers answer 304 (or repeat an ETag) after the
 * feed changed, which is why Media Cloud keeps conditional GET off (notes/reliability.md section 1, POL-01). */
export const FULL_REFETCH_INTERVAL_MS = 24 * 60 * 60 * 1000;

export interface ValidatorState {
  /** Opaque, sent back exactly as received (quotes and W/ included). */
  etag: string | null;
  lastModified: string | null;
  /** sha256 of the last 200 body, hex. */
  bodyHash: string | null;
  /** Set once the server is caught repeating an ETag for a changed body; validators are then not sent. */
  ignoreValidators: boolean;
  /** Epoch ms of the last request sent without validators. */
  lastFullFetchAt: number | null;
}

export const EMPTY_VALIDATORS: ValidatorState = {
  etag: null,
  lastModified: null,
  bodyHash: null,
  ignoreValidators: false,
  lastFullFetchAt: null,
};

/**
 * Headers for the next request: `If-None-Match`/`If-Modified-Since` with the stored values verbatim, or none
 * when the validators are distrusted or a periodic full fetch is due.
 * Example: { etag: "\"abc\"" } -> { "if-none-match": "\"abc\"" }.
 */
export function conditionalHeaders(state: ValidatorState, nowMs: number): Record<string, string> {
  if (state.ignoreValidators) return {};
  if (state.lastFullFetchAt === null || nowMs - state.lastFullFetchAt >= FULL_REFETCH_INTERVAL_MS) return {};
  const headers: Record<string, string> = {};
  if (state.etag !== null) headers["if-none-match"] = state.etag;
  if (state.lastModified !== null) headers["if-modified-since"] = state.lastModified;
  return headers;
}

/** sha256 hex of a body. */
export function hashBody(body: Uint8Array): string {
  return createHash("sha256").update(body).digest("hex");
}

export interface ValidatorUpdate {
  state: ValidatorState;
  /** False for 304 and for a 200 whose body is byte-identical to the last one: nothing to parse. */
  changed: boolean;
}

/**
 * Folds a response into the validator state. `sentConditional` says whether the request carried validators.
 * A 200 that repeats the stored ETag with a different body marks the validators untrustworthy (the fallback).
 * `Expires: 0` means "do not cache": validators are then not kept (Miniflux).
 */
export function updateValidators(
  state: ValidatorState,
  res: { status: number; headers: Readonly<Record<string, string>>; body: Uint8Array },
  sentConditional: boolean,
  nowMs: number,
): ValidatorUpdate {
  if (res.status === 304) return { state, changed: false };
  if (res.status < 200 || res.status >= 300) return { state, changed: false };
  const bodyHash = hashBody(res.body);
  const etag = res.headers.etag ?? null;
  const lastModified = res.headers["last-modified"] ?? null;
  const noStore = res.headers.expires?.trim() === "0";
  const staleEtag =
    state.etag !== null && etag === state.etag && state.bodyHash !== null && bodyHash !== state.bodyHash;
  return {
    state: {
      etag: noStore ? null : etag,
      lastModified: noStore ? null : lastModified,
      bodyHash,
      ignoreValidators: state.ignoreValidators || staleEtag,
      lastFullFetchAt: sentConditional ? state.lastFullFetchAt : nowMs,
    },
    changed: bodyHash !== state.bodyHash,
  };
}
