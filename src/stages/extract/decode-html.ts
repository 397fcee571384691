/**
 * decodeHtml: raw page bytes -> text, choosing the charset (extract stage, before parsing).
 * Pure. Order: BOM, HTTP Content-Type, <meta charset>/http-equiv in a bounded prefix, UTF-8 validation, fallback.
 */
import { AkhbarError } from "../../domain/errors.ts";

/** Largest page decoded; beyond it the page is refused. Fetch caps article HTML at 5 MiB
 * (notes/reliability.md section 4); this leaves room for pages handed in from dumps. */
export const MAX_HTML_BYTES = 32 * 1024 * 1024;

/** Bytes searched for a `<meta>` charset declaration. WHATWG's prescan stops at 1024 bytes, but Arabic CMS
 * pages often declare it after long inline scripts or styles; 64 KiB covers them and stays cheap. */
export const META_SCAN_BYTES = 64 * 1024;

/** Bytes sampled to decide that a body is binary rather than text. */
export const BINARY_SAMPLE_BYTES = 64 * 1024;

/** Share of C0 control bytes (other than tab, LF, FF, CR, ESC) above which the body is binary. HTML in any
 * ASCII-compatible charset has essentially none; random bytes have about 11 %. */
export const BINARY_CONTROL_RATIO = 0.02;

/** Share of non-ASCII bytes directly followed by another non-ASCII byte above which an undeclared, non-UTF-8
 * page is read as windows-1256: Arabic words are runs of high bytes, Latin-1 accents are isolated ones. */
export const ARABIC_RUN_RATIO = 0.5;

const PATTERNS = {
  headerCharset: /charset\s*=\s*["']?([^"';\s]+)/i,
  metaTag: /<meta\b[^>]*>/gi,
  metaCharset: /charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i,
} as const;

export interface DecodedHtml {
  text: string;
  /** WHATWG encoding name actually used, e.g. "utf-8", "windows-1256", "iso-8859-6". */
  charset: string;
}

/**
 * Decodes page bytes to text. `contentType` is the HTTP header value, if any.
 * Throws AkhbarError `extract.too_large` above MAX_HTML_BYTES and `extract.bad_encoding` for binary bodies.
 * Example: decodeHtml(bytesOf('<meta charset="windows-1256">\xC7\xE1'), undefined) -> { text: "...ال", charset: "windows-1256" }.
 */
export function decodeHtml(bytes: Uint8Array, contentType?: string): DecodedHtml {
  if (bytes.length > MAX_HTML_BYTES) {
    throw new AkhbarError(
      "extract.too_large",
      `extract: page is ${bytes.length} bytes, over ${MAX_HTML_BYTES}`,
      {
        bytes: bytes.length,
      },
    );
  }
  const bom = bomCharset(bytes);
  if (bom !== null)
    return { text: new TextDecoder(bom.charset).decode(bytes.subarray(bom.length)), charset: bom.charset };
  if (isBinary(bytes)) {
    throw new AkhbarError("extract.bad_encoding", "extract: body looks binary, not HTML text");
  }
  const declared = toEncoding(headerCharset(contentType)) ?? toEncoding(metaCharset(bytes));
  const utf8 = decodeUtf8Strict(bytes);
  if (utf8 !== null && (declared === null || declared === "utf-8" || hasMultibyte(bytes))) {
    // Valid UTF-8 with multibyte sequences is UTF-8 whatever the label says: legacy labels on UTF-8
    // pages are common, the reverse (legacy bytes that happen to validate) is vanishingly rare.
    return { text: utf8, charset: "utf-8" };
  }
  const fallback = declared !== null && declared !== "utf-8" ? declared : guessLegacy(bytes);
  return { text: new TextDecoder(fallback).decode(bytes), charset: fallback };
}

function bomCharset(bytes: Uint8Array): { charset: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: "utf-8", length: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: "utf-16be", length: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: "utf-16le", length: 2 };
  return null;
}

function headerCharset(contentType: string | undefined): string | null {
  if (contentType === undefined) return null;
  return PATTERNS.headerCharset.exec(contentType)?.[1] ?? null;
}

function metaCharset(bytes: Uint8Array): string | null {
  const prefix = latin1(bytes.subarray(0, META_SCAN_BYTES));
  for (const match of prefix.matchAll(PATTERNS.metaTag)) {
    const charset = PATTERNS.metaCharset.exec(match[0])?.[1];
    if (charset !== undefined) return charset;
  }
  return null;
}

/** Maps a charset label to the WHATWG encoding name; null for unknown labels. UTF-16 in a meta tag or header
 * of an ASCII-compatible body means UTF-8 (WHATWG "prescan" rule). */
function toEncoding(label: string | null): string | null {
  if (label === null) return null;
  try {
    const encoding = new TextDecoder(label.trim()).encoding;
    return encoding.startsWith("utf-16") ? "utf-8" : encoding;
  } catch {
    return null;
  }
}

function decodeUtf8Strict(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function hasMultibyte(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

function isBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, BINARY_SAMPLE_BYTES);
  if (sample.length === 0) return false;
  let controls = 0;
  for (const b of sample) {
    // Allowed C0: TAB, LF, FF, CR, ESC (ISO-2022 escapes).
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) controls++;
  }
  return controls / sample.length > BINARY_CONTROL_RATIO;
}

function guessLegacy(bytes: Uint8Array): string {
  let high = 0;
  let runs = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! < 0x80) continue;
    high++;
    if ((bytes[i + 1] ?? 0) >= 0x80) runs++;
  }
  return high > 0 && runs / high > ARABIC_RUN_RATIO ? "windows-1256" : "windows-1252";
}

function latin1(bytes: Uint8Array): string {
  return new TextDecoder("latin1").decode(bytes);
}
