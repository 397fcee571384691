/**
 * The one error shape of every JSON route: `{error: {code, message}}` with a status derived from the stable code.
 * Surface helper shared by new routers (feeds out, reader API, rate limiting); create-api.ts uses the same rules.
 */
import type { Context } from "hono";
import { isAkhbarError } from "../../domain/errors.ts";

export type ErrorStatus = 400 | 401 | 403 | 404 | 429 | 500 | 503;

export interface ApiErrorBody {
  error: { code: string; message: string };
}

/** HTTP status for an error code: bad input 400, missing things 404, auth 401/403, throttled 429. */
export function statusOfCode(code: string): ErrorStatus {
  if (code.endsWith(".not_found")) return 404;
  if (code.endsWith(".rate_limited")) return 429;
  if (code.endsWith(".unauthorized")) return 401;
  if (code.endsWith(".forbidden") || code.endsWith(".csrf")) return 403;
  if (code.endsWith(".unavailable")) return 503;
  if (code.startsWith("search.") || code.endsWith(".bad_param") || code.endsWith(".usage")) return 400;
  return 500;
}

/** `{error: {code, message}}` with its status (also 405, which a route table answers, never a thrown code). */
export function apiError(c: Context, status: ErrorStatus | 405, code: string, message: string): Response {
  return c.json({ error: { code, message } } satisfies ApiErrorBody, status);
}

/** Maps a thrown error to the JSON error shape; unexpected errors become a 500 without details. */
export function apiErrorOf(c: Context, err: unknown): Response {
  if (isAkhbarError(err)) return apiError(c, statusOfCode(err.code), err.code, err.message);
  console.error(err);
  return apiError(c, 500, "api.internal", "api: internal error");
}
