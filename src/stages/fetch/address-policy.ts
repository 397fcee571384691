/**
 * addressPolicy: which network destinations the fetcher may connect to (fetch stage, SSRF guard).
 * Pure: IP parsing and classification against the IANA special-purpose registries, allow-list parsing and
 * the per-connection decision that transport.ts applies to the address it actually connects to.
 */
import { AkhbarError } from "../../domain/errors.ts";

/** Ports fetched without an allow-list entry. Discourse Onebox and ssrf_filter allow only these
 * (notes/reliability.md SSRF-06, section 4); other ports need an explicit `host:port` entry. */
export const DEFAULT_ALLOWED_PORTS: readonly number[] = [80, 443];

export interface ParsedIp {
  family: 4 | 6;
  /** 4 bytes for IPv4, 16 for IPv6. */
  bytes: Uint8Array;
}

interface SpecialRange {
  cidr: string;
  /** Short reason, safe to log; never shown with the address itself (SSRF-11). */
  label: string;
}

/**
 * Non-public ranges, from the IANA IPv4/IPv6 special-purpose address registries as Discourse `SSRFDetector`,
 * Mastodon `PrivateAddressCheck` and ssrf_filter use them (notes/reliability.md SSRF-02).
 * IPv4-mapped `::ffff:0:0/96` is not listed: it is unmapped and checked as IPv4 (CVE-2026-33480).
 */
const SPECIAL_RANGES: readonly SpecialRange[] = [
  { cidr: "0.0.0.0/8", label: "this-network" },
  { cidr: "10.0.0.0/8", label: "private" },
  { cidr: "100.64.0.0/10", label: "cgnat" },
  { cidr: "127.0.0.0/8", label: "loopback" },
  { cidr: "169.254.0.0/16", label: "link-local" },
  { cidr: "172.16.0.0/12", label: "private" },
  { cidr: "192.0.0.0/24", label: "ietf-protocol" },
  { cidr: "192.0.2.0/24", label: "documentation" },
  { cidr: "192.88.99.0/24", label: "6to4-relay" },
  { cidr: "192.168.0.0/16", label: "private" },
  { cidr: "198.18.0.0/15", label: "benchmarking" },
  { cidr: "198.51.100.0/24", label: "documentation" },
  { cidr: "203.0.113.0/24", label: "documentation" },
  { cidr: "224.0.0.0/4", label: "multicast" },
  { cidr: "240.0.0.0/4", label: "reserved" },
  { cidr: "::/128", label: "unspecified" },
  { cidr: "::1/128", label: "loopback" },
  // IPv4-compatible addresses (RFC 4291 section 2.5.5.1, deprecated) embed an IPv4 address; ssrf_filter blocks them.
  { cidr: "::/96", label: "ipv4-compatible" },
  { cidr: "64:ff9b::/96", label: "nat64" },
  { cidr: "64:ff9b:1::/48", label: "nat64" },
  { cidr: "100::/64", label: "discard" },
  { cidr: "2001::/23", label: "ietf-protocol" },
  { cidr: "2001:db8::/32", label: "documentation" },
  { cidr: "2002::/16", label: "6to4" },
  { cidr: "fc00::/7", label: "unique-local" },
  { cidr: "fe80::/10", label: "link-local" },
  { cidr: "fec0::/10", label: "site-local" },
  { cidr: "ff00::/8", label: "multicast" },
];

interface Cidr {
  family: 4 | 6;
  bytes: Uint8Array;
  prefix: number;
}

const PATTERNS = {
  ipv4: /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/,
  hexGroup: /^[0-9a-f]{1,4}$/i,
  hostName: /^(\*\.)?[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*\.?$/i,
  port: /^\d{1,5}$/,
} as const;

/**
 * Parses an IP address in its canonical textual forms: dotted-decimal IPv4 (no octal, hex or short forms:
 * WHATWG URL has already normalized those) and RFC 4291 IPv6, with optional brackets and zone id.
 * Returns null for anything else. Example: "[::ffff:127.0.0.1]" -> { family: 6, bytes: 16 bytes }.
 */
export function parseIp(text: string): ParsedIp | null {
  let s = text.trim();
  if (s.startsWith("[") && s.endsWith("]")) s = s.slice(1, -1);
  const zone = s.indexOf("%");
  if (zone >= 0) s = s.slice(0, zone);
  const v4 = parseIpv4(s);
  if (v4) return { family: 4, bytes: v4 };
  const v6 = parseIpv6(s);
  return v6 ? { family: 6, bytes: v6 } : null;
}

function parseIpv4(s: string): Uint8Array | null {
  const m = PATTERNS.ipv4.exec(s);
  if (!m) return null;
  const out = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const part = m[i + 1]!;
    // Leading zeros mean octal to some parsers (inet_aton); refuse the ambiguity.
    if (part.length > 1 && part.startsWith("0")) return null;
    const n = Number(part);
    if (n > 255) return null;
    out[i] = n;
  }
  return out;
}

function parseIpv6(s: string): Uint8Array | null {
  if (!s.includes(":")) return null;
  let head = s;
  let tailV4: Uint8Array | null = null;
  const lastColon = s.lastIndexOf(":");
  if (s.slice(lastColon + 1).includes(".")) {
    tailV4 = parseIpv4(s.slice(lastColon + 1));
    if (!tailV4) return null;
    head = `${s.slice(0, lastColon + 1)}0:0`;
  }
  const halves = head.split("::");
  if (halves.length > 2) return null;
  const parseGroups = (part: string): number[] | null => {
    if (part === "") return [];
    const groups: number[] = [];
    for (const g of part.split(":")) {
      if (!PATTERNS.hexGroup.test(g)) return null;
      groups.push(Number.parseInt(g, 16));
    }
    return groups;
  };
  const left = parseGroups(halves[0]!);
  const right = halves.length === 2 ? parseGroups(halves[1]!) : [];
  if (!left || !right) return null;
  const missing = 8 - left.length - right.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const groups = [...left, ...new Array<number>(missing).fill(0), ...right];
  const out = new Uint8Array(16);
  groups.forEach((g, i) => {
    out[i * 2] = g >> 8;
    out[i * 2 + 1] = g & 0xff;
  });
  if (tailV4) out.set(tailV4, 12);
  return out;
}

/** The embedded IPv4 address of an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`), else the input. */
export function unmapIpv4(ip: ParsedIp): ParsedIp {
  if (ip.family !== 6) return ip;
  const b = ip.bytes;
  for (let i = 0; i < 10; i++) if (b[i] !== 0) return ip;
  if (b[10] !== 0xff || b[11] !== 0xff) return ip;
  return { family: 4, bytes: b.slice(12) };
}

function parseCidr(text: string): Cidr | null {
  const slash = text.indexOf("/");
  const ip = parseIp(slash >= 0 ? text.slice(0, slash) : text);
  if (!ip) return null;
  const max = ip.family === 4 ? 32 : 128;
  const prefixText = slash >= 0 ? text.slice(slash + 1) : String(max);
  if (!/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = Number(prefixText);
  if (prefix > max) return null;
  return { family: ip.family, bytes: ip.bytes, prefix };
}

function inCidr(ip: ParsedIp, cidr: Cidr): boolean {
  if (ip.family !== cidr.family) return false;
  let bits = cidr.prefix;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if (((ip.bytes[i] ?? 0) & mask) !== ((cidr.bytes[i] ?? 0) & mask)) return false;
  }
  return true;
}

const SPECIAL_CIDRS = SPECIAL_RANGES.map((r) => ({ cidr: parseCidr(r.cidr)!, label: r.label }));

export type AddressClass = { public: true } | { public: false; label: string };

/**
 * Classifies an address as public or as one of the special-purpose ranges. Unparsable input is not public.
 * IPv4-mapped IPv6 is unmapped first. Example: "::ffff:7f00:1" -> { public: false, label: "loopback" }.
 */
export function classifyAddress(address: string | ParsedIp): AddressClass {
  const parsed = typeof address === "string" ? parseIp(address) : address;
  if (!parsed) return { public: false, label: "unparsable" };
  const ip = unmapIpv4(parsed);
  for (const { cidr, label } of SPECIAL_CIDRS) if (inCidr(ip, cidr)) return { public: false, label };
  return { public: true };
}

export type AllowEntry =
  | { kind: "host"; host: string; wildcard: boolean; port: number | null }
  | { kind: "cidr"; cidr: Cidr; port: number | null };

export interface AllowList {
  entries: readonly AllowEntry[];
}

export const EMPTY_ALLOW_LIST: AllowList = { entries: [] };

function parsePort(text: string, entry: string): number {
  const n = PATTERNS.port.test(text) ? Number(text) : Number.NaN;
  if (!(n >= 1 && n <= 65535)) {
    throw new AkhbarError("fetch.bad_allow_list", `fetch: allow-list entry "${entry}" has a bad port`);
  }
  return n;
}

/**
 * Parses `AKHBAR_FETCH_ALLOW`: comma- or space-separated hosts, IPs or CIDRs, each optionally with a port.
 * IPv6 with a port is bracketed. Throws AkhbarError `fetch.bad_allow_list` on a malformed entry.
 * Example: "127.0.0.1:8080, 10.0.0.0/8, [fd00::/8]:3000, bridge.internal:3000, *.corp.example".
 */
export function parseAllowList(text: string | undefined): AllowList {
  const entries: AllowEntry[] = [];
  for (const raw of (text ?? "").split(/[\s,]+/)) {
    if (raw === "") continue;
    let body = raw;
    let port: number | null = null;
    const bracket = /^\[([^\]]+)\](?::(.+))?$/.exec(raw);
    if (bracket) {
      body = bracket[1]!;
      if (bracket[2] !== undefined) port = parsePort(bracket[2], raw);
    } else if ((raw.match(/:/g) ?? []).length === 1) {
      const at = raw.lastIndexOf(":");
      body = raw.slice(0, at);
      port = parsePort(raw.slice(at + 1), raw);
    }
    const cidr = parseCidr(body);
    if (cidr) {
      entries.push({ kind: "cidr", cidr, port });
      continue;
    }
    if (!PATTERNS.hostName.test(body)) {
      throw new AkhbarError(
        "fetch.bad_allow_list",
        `fetch: allow-list entry "${raw}" is not a host, IP or CIDR`,
      );
    }
    const wildcard = body.startsWith("*.");
    const host = (wildcard ? body.slice(1) : body).toLowerCase().replace(/\.$/, "");
    entries.push({ kind: "host", host, wildcard, port });
  }
  return { entries };
}

export interface Destination {
  /** URL hostname, lowercase, without brackets. */
  host: string;
  /** The address connected to (or about to be). Null before resolution. */
  address: string | null;
  port: number;
}

export interface DestinationPolicy {
  allow: AllowList;
  allowedPorts: readonly number[];
}

function entryMatches(entry: AllowEntry, dest: Destination, ip: ParsedIp | null): boolean {
  if (entry.kind === "host") {
    const host = dest.host.toLowerCase().replace(/\.$/, "");
    return entry.wildcard ? host.endsWith(entry.host) : host === entry.host;
  }
  return ip !== null && inCidr(unmapIpv4(ip), entry.cidr);
}

function portMatches(entry: AllowEntry, port: number, policy: DestinationPolicy): boolean {
  return entry.port === null ? policy.allowedPorts.includes(port) : entry.port === port;
}

export type DestinationVerdict =
  | { ok: true; allowListed: boolean }
  | { ok: false; code: "fetch.blocked_address" | "fetch.port_not_allowed"; label: string };

/**
 * Decides whether a connection to `dest` may be opened. An allow-list entry that matches the host or the
 * address (and the port, when the entry names one) admits it; otherwise the port must be a default port
 * and the address public. With `address: null` only the port is judged (the pre-flight URL check).
 */
export function checkDestination(dest: Destination, policy: DestinationPolicy): DestinationVerdict {
  const ip = dest.address === null ? parseIp(dest.host) : parseIp(dest.address);
  for (const entry of policy.allow.entries) {
    if (entryMatches(entry, dest, ip) && portMatches(entry, dest.port, policy))
      return { ok: true, allowListed: true };
  }
  if (!policy.allowedPorts.includes(dest.port)) {
    // A host entry with this port may still admit an address we do not know yet.
    const maybeLater =
      dest.address === null && ip === null && policy.allow.entries.some((e) => e.port === dest.port);
    if (!maybeLater) return { ok: false, code: "fetch.port_not_allowed", label: "port" };
  }
  if (ip === null) {
    return dest.address === null
      ? { ok: true, allowListed: false }
      : { ok: false, code: "fetch.blocked_address", label: "unparsable" };
  }
  const cls = classifyAddress(ip);
  return cls.public
    ? { ok: true, allowListed: false }
    : { ok: false, code: "fetch.blocked_address", label: cls.label };
}
