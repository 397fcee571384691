/**
 * Answers to requests Node's HTTP parser refuses before any route sees them (a raw UTF-8 path typed in curl, a request
 * line or headers over the size limit, bytes that are not HTTP): an Arabic page for a reader path, a JSON error for a
 * data path, plain text when no path can be read. Surface code: the one 'clientError' listener of `akhbar serve`.
 */
import type { Server } from "node:http";
import { maxHeaderSize } from "node:http";
import type { Duplex } from "node:stream";
import { html } from "./html.ts";
import { renderPage } from "./layout.ts";
import { errorTitle, renderErrorPage } from "./pages/error-page.ts";
import { DATA_CSP, READER_CSP } from "./security-headers.ts";
import { loadStaticAssets } from "./static-assets.ts";

/** What a parse error's raw bytes are read for: enough of a request line to see its path, never a whole body. */
const REQUEST_LINE_READ_MAX_BYTES = 8192;

/** A request line's method and request target as sent (the target's bytes undecoded). */
export interface RequestLine {
  method: string;
  target: Buffer;
  /** The line ended within the bytes read, with an HTTP version after the target (a 431's line may not). */
  complete: boolean;
}

/** A whole HTTP/1.1 answer written straight to the socket. */
export interface ClientErrorAnswer {
  status: number;
  reason: string;
  headers: Record<string, string>;
  body: Buffer;
}

/** The parser error fields Node sets (HPE_* code, raw bytes of the chunk it failed in). */
interface ParseError extends Error {
  code?: string;
  rawPacket?: Buffer;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const SP = 0x20;
const LF = 0x0a;
const CR = 0x0d;

/**
 * The method and target at the start of `raw`, or null when it does not open with `METHOD SP /…`. Example:
 * "GET /search?q=سوريا HTTP/1.1\r\n…" → {method: "GET", target: the bytes of "/search?q=سوريا", complete: true}.
 */
export function readRequestLine(raw: Buffer): RequestLine | null {
  const head = raw.subarray(0, REQUEST_LINE_READ_MAX_BYTES);
  const firstSpace = head.indexOf(SP);
  if (firstSpace <= 0) return null;
  const method = head.subarray(0, firstSpace).toString("latin1");
  if (!TOKEN.test(method) || head[firstSpace + 1] !== 0x2f) return null;
  const lineEnd = head.indexOf(LF, firstSpace);
  const line = head.subarray(firstSpace + 1, lineEnd === -1 ? head.length : lineEnd);
  const trimmed = line[line.length - 1] === CR ? line.subarray(0, -1) : line;
  const lastSpace = trimmed.lastIndexOf(SP);
  const target = lineEnd !== -1 && lastSpace > 0 ? trimmed.subarray(0, lastSpace) : trimmed;
  return { method, target, complete: lineEnd !== -1 && lastSpace > 0 };
}

/**
 * The target with its non-ASCII bytes percent-encoded, when it has some and is a path on this host written in valid
 * UTF-8 with no control characters; else null. Example: "/search?q=سوريا" → "/search?q=%D8%B3%D9%88%D8%B1%D9%8A%D8%A7".
 * Not "//host/…" or "/\host/…": browsers read those as another host, and this becomes a Location.
 */
export function encodeRawTarget(target: Buffer): string | null {
  if (target[0] !== 0x2f || target[1] === 0x2f || target[1] === 0x5c) return null;
  // Nothing to encode: the parser refused something else, or the line read is an earlier request's of the same packet.
  if (!target.some((byte) => byte >= 0x80)) return null;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(target);
  } catch {
    return null;
  }
  let out = "";
  for (const byte of target) {
    if (byte < 0x21 || byte === 0x7f) return null;
    out += byte < 0x80 ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/** The JSON API, feeds and health answer JSON; every other path is the reader's. */
export function isDataPath(path: string): boolean {
  return path.startsWith("/api/") || path.startsWith("/feeds/") || path === "/health";
}

/**
 * The answer to a request the parser refused with `err`, from the raw bytes it failed in.
 * - A GET or HEAD whose target has raw non-ASCII bytes (HPE_INVALID_URL; curl sends a typed Arabic query as it is):
 *   301 to the same target percent-encoded. RFC 9112 section 3.2 offers exactly this or a 400, and asks servers not to
 *   correct the line and serve it without a redirect, since such a line may be crafted to slip past filters on the way.
 * - Request line and headers over Node's limit (HPE_HEADER_OVERFLOW): 431; a chunk extension over it: 413; the
 *   request not in within the server's time limit: 408; anything else: 400.
 * Bodies: a reader page for a reader path, `{error: {code, message}}` for a data path, plain text with no path.
 */
export function clientErrorAnswer(err: ParseError): ClientErrorAnswer {
  const line = err.rawPacket === undefined ? null : readRequestLine(err.rawPacket);
  // The path alone says reader or data (the query is not part of it: "/health?x" is a data path).
  const path = line === null ? null : line.target.toString("utf8").split("?")[0]!;
  const head = line !== null && line.method === "HEAD";
  if (err.code === "HPE_INVALID_URL" && line?.complete && (line.method === "GET" || head)) {
    const location = encodeRawTarget(line.target);
    if (location !== null) return movedAnswer(location, path ?? "", head);
  }
  const kind = KINDS[err.code ?? ""] ?? KINDS.default!;
  if (path === null) {
    return answer(
      kind.status,
      kind.reason,
      "text/plain; charset=utf-8",
      DATA_CSP,
      `${kind.text}\n${kind.arabic}\n`,
    );
  }
  if (isDataPath(path)) {
    const json = JSON.stringify({ error: { code: kind.code, message: kind.text } });
    return answer(kind.status, kind.reason, "application/json", DATA_CSP, json, head);
  }
  const page = renderPage(
    {
      title: errorTitle(kind.status),
      active: null,
      body: renderErrorPage(kind.status, kind.arabic, kind.code),
      noindex: true,
    },
    loadStaticAssets(),
  );
  return answer(kind.status, kind.reason, "text/html; charset=utf-8", READER_CSP, page, head);
}

interface ErrorKind {
  status: number;
  reason: string;
  code: string;
  /** For a developer (JSON and plain text): starts with the stage, as every API message does. */
  text: string;
  /** For a reader. */
  arabic: string;
}

const KINDS: Readonly<Record<string, ErrorKind>> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: "Request Header Fields Too Large",
    code: "http.too_large",
    text: `http: the request line and headers are longer than ${maxHeaderSize} bytes`,
    arabic: "الرابط أو ترويسات الطلب أطول مما يقبله الخادم. اختصر كلمات البحث وأعد المحاولة.",
  },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: {
    status: 413,
    reason: "Payload Too Large",
    code: "http.too_large",
    text: "http: the request's chunk extensions are too long",
    arabic: "الطلب أطول مما يقبله الخادم.",
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    reason: "Request Timeout",
    code: "http.timeout",
    text: "http: the request did not arrive within the server's time limit",
    arabic: "لم يصل الطلب كاملًا في الوقت المحدد. أعد المحاولة.",
  },
  HPE_INVALID_URL: {
    status: 400,
    reason: "Bad Request",
    code: "http.bad_request",
    text: "http: the request target has characters HTTP does not allow unencoded; percent-encode them (curl -G --data-urlencode 'q=…')",
    arabic:
      "في الرابط حروف غير مرمّزة لا يقبلها بروتوكول HTTP. افتح الرابط من المتصفح أو رمّزه (percent-encoding).",
  },
  default: {
    status: 400,
    reason: "Bad Request",
    code: "http.bad_request",
    text: "http: the request is not valid HTTP/1.1",
    arabic: "تعذّرت قراءة الطلب: ليس طلب HTTP صالحًا.",
  },
};

function movedAnswer(location: string, path: string, head: boolean): ClientErrorAnswer {
  const text = `http: the request target must be percent-encoded; it is at ${location} (curl -L follows)`;
  if (isDataPath(path)) {
    const json = JSON.stringify({ error: { code: "http.moved", message: text } });
    return answer(301, "Moved Permanently", "application/json", DATA_CSP, json, head, location);
  }
  const page = renderPage(
    {
      title: "رابط غير مرمّز",
      active: null,
      body: html`<div class="error-box" role="status">
<h1>رابط غير مرمّز</h1>
<p>هذه الصفحة على <a href="${location}" dir="ltr">الرابط المرمّز</a>.</p>
</div>`,
      noindex: true,
    },
    loadStaticAssets(),
  );
  return answer(301, "Moved Permanently", "text/html; charset=utf-8", READER_CSP, page, head, location);
}

function answer(
  status: number,
  reason: string,
  type: string,
  csp: string,
  text: string,
  head = false,
  location: string | null = null,
): ClientErrorAnswer {
  const body = Buffer.from(text, "utf8");
  const headers: Record<string, string> = {
    "Content-Type": type,
    "Content-Length": String(body.length),
    "Cache-Control": "no-cache",
    "Content-Security-Policy": csp,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    Connection: "close",
  };
  if (location !== null) headers.Location = location;
  return { status, reason, headers, body: head ? Buffer.alloc(0) : body };
}

/** The answer as bytes on the wire. */
export function serializeAnswer(a: ClientErrorAnswer): Buffer {
  const lines = [
    `HTTP/1.1 ${a.status} ${a.reason}`,
    ...Object.entries(a.headers).map(([k, v]) => `${k}: ${v}`),
  ];
  return Buffer.concat([Buffer.from(`${lines.join("\r\n")}\r\n\r\n`, "latin1"), a.body]);
}

/**
 * Replaces Node's default answer to a refused request (status line only, empty body) with clientErrorAnswer's, then
 * closes the connection as Node does. A reset or half-written response is only closed: nothing can be said there.
 */
export function answerClientErrors(server: Server): void {
  server.on("clientError", (err: ParseError, socket: Duplex) => {
    const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (err.code === "ECONNRESET" || !socket.writable || inFlight?.headersSent === true) {
      socket.destroy();
      return;
    }
    try {
      socket.end(serializeAnswer(clientErrorAnswer(err)));
    } catch {
      // An answer that cannot be made must not take the process down: close as Node would.
      socket.destroy();
    }
  });
}
