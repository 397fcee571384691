import { describe, expect, it } from "vitest";
import { isAkhbarError } from "../../domain/errors.ts";
import {
  checkDestination,
  classifyAddress,
  DEFAULT_ALLOWED_PORTS,
  parseAllowList,
  parseIp,
} from "./address-policy.ts";

describe("classifyAddress", () => {
  const rows: { address: string; expected: string; why: string }[] = [
    { address: "93.184.216.34", expected: "public", why: "an ordinary public IPv4 address" },
    { address: "2606:4700::1111", expected: "public", why: "an ordinary public IPv6 address" },
    { address: "127.0.0.1", expected: "loopback", why: "IPv4 loopback" },
    { address: "127.255.255.254", expected: "loopback", why: "all of 127/8 is loopback" },
    { address: "0.0.0.0", expected: "this-network", why: "lands on localhost on Linux" },
    { address: "10.1.2.3", expected: "private", why: "RFC 1918 10/8" },
    { address: "172.16.0.1", expected: "private", why: "RFC 1918 172.16/12, low end" },
    { address: "172.31.255.255", expected: "private", why: "RFC 1918 172.16/12, high end" },
    { address: "172.32.0.1", expected: "public", why: "just outside 172.16/12" },
    { address: "192.168.1.1", expected: "private", why: "RFC 1918 192.168/16" },
    { address: "100.64.0.1", expected: "cgnat", why: "RFC 6598 shared space" },
    { address: "100.100.100.200", expected: "cgnat", why: "Alibaba Cloud metadata" },
    { address: "100.128.0.1", expected: "public", why: "just outside 100.64/10" },
    { address: "169.254.169.254", expected: "link-local", why: "AWS/GCP/Azure metadata" },
    { address: "224.0.0.1", expected: "multicast", why: "IPv4 multicast" },
    { address: "255.255.255.255", expected: "reserved", why: "limited broadcast" },
    { address: "198.18.0.1", expected: "benchmarking", why: "RFC 2544" },
    { address: "192.0.2.1", expected: "documentation", why: "TEST-NET-1" },
    { address: "::1", expected: "loopback", why: "IPv6 loopback" },
    { address: "::", expected: "unspecified", why: "IPv6 unspecified" },
    { address: "::ffff:127.0.0.1", expected: "loopback", why: "IPv4-mapped loopback, dotted tail" },
    { address: "::ffff:7f00:1", expected: "loopback", why: "IPv4-mapped loopback, hex tail" },
    { address: "::ffff:169.254.169.254", expected: "link-local", why: "IPv4-mapped metadata" },
    { address: "::ffff:8.8.8.8", expected: "public", why: "IPv4-mapped public stays public" },
    { address: "::127.0.0.1", expected: "ipv4-compatible", why: "deprecated IPv4-compatible form" },
    { address: "64:ff9b::7f00:1", expected: "nat64", why: "NAT64 embeds an IPv4 address" },
    { address: "2002:7f00:1::", expected: "6to4", why: "6to4 embeds an IPv4 address" },
    { address: "2001:0:4136:e378::1", expected: "ietf-protocol", why: "Teredo" },
    { address: "2001:db8::1", expected: "documentation", why: "IPv6 documentation" },
    { address: "fd00:ec2::254", expected: "unique-local", why: "AWS IMDS over IPv6" },
    { address: "fc00::1", expected: "unique-local", why: "ULA low half" },
    { address: "fe80::1", expected: "link-local", why: "IPv6 link-local" },
    { address: "fe80::1%eth0", expected: "link-local", why: "zone ids are ignored" },
    { address: "ff02::1", expected: "multicast", why: "IPv6 multicast" },
    { address: "0177.0.0.1", expected: "unparsable", why: "octal spellings are refused, not guessed" },
    { address: "2130706433", expected: "unparsable", why: "integer spellings are refused, not guessed" },
    { address: "not-an-ip", expected: "unparsable", why: "garbage is not public" },
  ];
  for (const row of rows) {
    it(`classifies ${row.address} as ${row.expected}: ${row.why}`, () => {
      const cls = classifyAddress(row.address);
      expect(cls.public ? "public" : cls.label).toBe(row.expected);
    });
  }

  it("parses IPv6 with brackets and embedded IPv4", () => {
    expect(parseIp("[::ffff:1.2.3.4]")?.bytes.slice(12)).toEqual(new Uint8Array([1, 2, 3, 4]));
    expect(parseIp("1:2:3:4:5:6:7:8:9")).toBeNull();
    expect(parseIp("1::2::3")).toBeNull();
  });
});

describe("parseAllowList", () => {
  it("reads hosts, IPs and CIDRs with optional ports", () => {
    const list = parseAllowList(
      "127.0.0.1:8080, 10.0.0.0/8 [fd00::/8]:3000,bridge.internal:3000, *.corp.example, ::1",
    );
    expect(list.entries.map((e) => [e.kind, e.port])).toEqual([
      ["cidr", 8080],
      ["cidr", null],
      ["cidr", 3000],
      ["host", 3000],
      ["host", null],
      ["cidr", null],
    ]);
  });

  it("is empty by default", () => {
    expect(parseAllowList(undefined).entries).toEqual([]);
    expect(parseAllowList("").entries).toEqual([]);
  });

  it("rejects malformed entries with a stable code", () => {
    for (const bad of ["127.0.0.1:99999", "10.0.0.0/33", "bad host!", "host:port"]) {
      try {
        parseAllowList(bad);
        expect.unreachable(bad);
      } catch (err) {
        expect(isAkhbarError(err, "fetch.bad_allow_list")).toBe(true);
      }
    }
  });
});

describe("checkDestination", () => {
  const policy = (allow: string) => ({ allow: parseAllowList(allow), allowedPorts: DEFAULT_ALLOWED_PORTS });
  const rows: {
    why: string;
    allow: string;
    host: string;
    address: string | null;
    port: number;
    ok: boolean;
  }[] = [
    { why: "public address on 443", allow: "", host: "a.test", address: "8.8.8.8", port: 443, ok: true },
    { why: "public address on 6379", allow: "", host: "a.test", address: "8.8.8.8", port: 6379, ok: false },
    {
      why: "loopback without an entry",
      allow: "",
      host: "a.test",
      address: "127.0.0.1",
      port: 80,
      ok: false,
    },
    {
      why: "IP entry with its port",
      allow: "127.0.0.1:8080",
      host: "a.test",
      address: "127.0.0.1",
      port: 8080,
      ok: true,
    },
    {
      why: "IP entry, other port",
      allow: "127.0.0.1:8080",
      host: "a.test",
      address: "127.0.0.1",
      port: 8081,
      ok: false,
    },
    {
      why: "IP entry, other loopback IP",
      allow: "127.0.0.1:8080",
      host: "a.test",
      address: "127.0.0.2",
      port: 8080,
      ok: false,
    },
    {
      why: "CIDR entry without port uses default ports",
      allow: "10.0.0.0/8",
      host: "a.test",
      address: "10.9.9.9",
      port: 80,
      ok: true,
    },
    {
      why: "CIDR entry without port, odd port",
      allow: "10.0.0.0/8",
      host: "a.test",
      address: "10.9.9.9",
      port: 22,
      ok: false,
    },
    {
      why: "host entry admits its resolved address",
      allow: "bridge.internal:3000",
      host: "bridge.internal",
      address: "10.0.0.7",
      port: 3000,
      ok: true,
    },
    {
      why: "wildcard host entry",
      allow: "*.corp.example",
      host: "rss.corp.example",
      address: "10.0.0.7",
      port: 443,
      ok: true,
    },
    {
      why: "IPv4-mapped form of an allowed IP",
      allow: "127.0.0.1:8080",
      host: "a.test",
      address: "::ffff:127.0.0.1",
      port: 8080,
      ok: true,
    },
    {
      why: "pre-flight: host name, port of a host entry",
      allow: "bridge.internal:3000",
      host: "other.test",
      address: null,
      port: 3000,
      ok: true,
    },
    {
      why: "pre-flight: IP literal loopback",
      allow: "",
      host: "127.0.0.1",
      address: null,
      port: 80,
      ok: false,
    },
  ];
  for (const row of rows) {
    it(`${row.ok ? "admits" : "refuses"} ${row.why}`, () => {
      expect(
        checkDestination({ host: row.host, address: row.address, port: row.port }, policy(row.allow)).ok,
      ).toBe(row.ok);
    });
  }
});
