/**
 * Admin authentication for the reader: one token from the environment (AKHBAR_ADMIN_TOKEN), exchanged at a login
 * form for a signed session cookie; CSRF tokens bound to that session; same-origin checks on every admin POST.
 * Surface code, pure apart from the HMAC (node:crypto).
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { AkhbarError } from "../../domain/errors.ts";

/** Shorter tokens are guessable at HTTP speed even with the login rate limit; 16 chars of base64 ≈ 96 bits. */
export const ADMIN_TOKEN_MIN_CHARS = 16;
/** A session ends after a working day; a stolen cookie is short-lived and a rotated token ends every session. */
export const ADMIN_SESSION_MAX_AGE_S = 8 * 3600;
/** Cookie name; scoped to /admin, HttpOnly, SameSite=Strict. */
export const ADMIN_COOKIE = "akhbar_admin";
/** Form field that carries the CSRF token. */
export const CSRF_FIELD = "_csrf";

/**
 * Reads AKHBAR_ADMIN_TOKEN: null when unset (admin pages then say admin is off); throws `config.invalid` when it is
 * set but too short to be safe.
 */
export function adminTokenFromEnv(env: Record<string, string | undefined>): string | null {
  const token = env.AKHBAR_ADMIN_TOKEN?.trim();
  if (token === undefined || token === "") return null;
  if (token.length < ADMIN_TOKEN_MIN_CHARS)
    throw new AkhbarError(
      "config.invalid",
      `config: AKHBAR_ADMIN_TOKEN must be at least ${ADMIN_TOKEN_MIN_CHARS} characters`,
    );
  return token;
}

/** Session cookies and CSRF tokens derived from the admin token with HMAC-SHA256. */
export class AdminAuth {
  readonly #token: string;
  readonly #now: () => number;

  constructor(token: string, now: () => number = Date.now) {
    this.#token = token;
    this.#now = now;
  }

  /** Constant-time comparison of a presented token with the configured one. */
  isToken(presented: string): boolean {
    return safeEqual(presented, this.#token);
  }

  /** A new session value: "<issued ms>.<mac>". */
  newSession(): string {
    const issued = String(this.#now());
    return `${issued}.${this.#mac(`session.${issued}`)}`;
  }

  /** True for a session this token signed that has not expired. */
  isSession(value: string | undefined): boolean {
    if (value === undefined) return false;
    const [issued, mac] = value.split(".");
    if (issued === undefined || mac === undefined || !/^\d{1,15}$/.test(issued)) return false;
    const age = this.#now() - Number(issued);
    if (age < 0 || age > ADMIN_SESSION_MAX_AGE_S * 1000) return false;
    return safeEqual(mac, this.#mac(`session.${issued}`));
  }

  /** The CSRF token for a session: forms embed it, POST handlers compare it. */
  csrfFor(session: string): string {
    return this.#mac(`csrf.${session}`);
  }

  isCsrf(session: string, presented: string | undefined): boolean {
    return presented !== undefined && safeEqual(presented, this.csrfFor(session));
  }

  #mac(message: string): string {
    return createHmac("sha256", this.#token).update(message).digest("base64url");
  }
}

/**
 * Same-origin check for state-changing requests (defence in depth beside SameSite=Strict and the CSRF token):
 * Sec-Fetch-Site, when sent, must be same-origin (or none: typed URL); Origin, when sent, must name this host.
 */
export function isSameOrigin(
  headers: { get(name: string): string | null | undefined },
  host: string,
): boolean {
  const site = headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return false;
  const origin = headers.get("origin");
  if (origin && origin !== "null") {
    try {
      if (new URL(origin).host !== host) return false;
    } catch {
      return false;
    }
  } else if (origin === "null") return false;
  return true;
}

function safeEqual(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}
