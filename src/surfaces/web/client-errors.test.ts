import { describe, expect, it } from "vitest";
import { clientErrorAnswer, encodeRawTarget, readRequestLine, serializeAnswer } from "./client-errors.ts";

const parseError = (code: string, raw: string) =>
  Object.assign(new Error("Parse Error"), { code, rawPacket: Buffer.from(raw, "utf8") });

describe("readRequestLine", () => {
  it.each([
    [
      "a whole request line",
      "GET /search?q=سوريا HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET",
      "/search?q=سوريا",
      true,
    ],
    [
      "a line cut before its version (a 431's first chunk)",
      "GET /api/search?q=aaaa",
      "GET",
      "/api/search?q=aaaa",
      false,
    ],
    ["a bare LF ending", "HEAD /x HTTP/1.1\nHost: x\n\n", "HEAD", "/x", true],
  ])("reads %s", (_why, raw, method, target, complete) => {
    const line = readRequestLine(Buffer.from(raw, "utf8"));
    expect(line?.method).toBe(method);
    expect(line?.target.toString("utf8")).toBe(target);
    expect(line?.complete).toBe(complete);
  });

  it.each([
    ["bytes that are not HTTP", "\u0001\u0002hello\r\n\r\n"],
    ["an absolute-form target (no path of ours to read)", "GET http://x/ HTTP/1.1\r\n\r\n"],
    ["a method with a space before it", " GET / HTTP/1.1\r\n\r\n"],
  ])("finds no request line in %s", (_why, raw) => {
    expect(readRequestLine(Buffer.from(raw, "utf8"))).toBeNull();
  });
});

describe("encodeRawTarget", () => {
  it.each([
    [
      "percent-encodes the UTF-8 bytes of an Arabic query",
      "/search?q=سوريا",
      "/search?q=%D8%B3%D9%88%D8%B1%D9%8A%D8%A7",
    ],
    [
      "leaves ASCII and existing escapes alone",
      "/api/search?q=%D8%B3&w=سوريا",
      "/api/search?q=%D8%B3&w=%D8%B3%D9%88%D8%B1%D9%8A%D8%A7",
    ],
    ["refuses a second slash: //host reads as another host in a Location", "//evil.example/سوريا", null],
    ["refuses a backslash after the slash, which browsers read as //", "/\\evil.example/سوريا", null],
    ["refuses a control character", "/search?q=\u0001سوريا", null],
    [
      "has nothing to encode in an ASCII target (another request's line, read from a pipelined packet)",
      "/api/search?q=x",
      null,
    ],
  ])("%s", (_why, target, expected) => {
    expect(encodeRawTarget(Buffer.from(target, "utf8"))).toBe(expected);
  });

  it("refuses bytes that are not UTF-8 (a Windows-1256 query)", () => {
    expect(encodeRawTarget(Buffer.from([0x2f, 0x3f, 0x71, 0x3d, 0xd3, 0xe6]))).toBeNull();
  });
});

describe("clientErrorAnswer", () => {
  it("redirects a GET with a raw UTF-8 query to its encoded form, in Arabic for a reader path", () => {
    const a = clientErrorAnswer(
      parseError("HPE_INVALID_URL", "GET /search?q=سوريا HTTP/1.1\r\nHost: x\r\n\r\n"),
    );
    expect(a.status).toBe(301);
    expect(a.headers.Location).toBe("/search?q=%D8%B3%D9%88%D8%B1%D9%8A%D8%A7");
    expect(a.headers["Content-Type"]).toContain("text/html");
    expect(a.body.toString("utf8")).toContain('<html lang="ar" dir="rtl"');
  });

  it("answers a data path's redirect in the JSON error shape", () => {
    const a = clientErrorAnswer(parseError("HPE_INVALID_URL", "GET /api/search?q=سوريا HTTP/1.1\r\n\r\n"));
    expect(a.status).toBe(301);
    expect(JSON.parse(a.body.toString("utf8"))).toMatchObject({ error: { code: "http.moved" } });
  });

  it("refuses to redirect a POST (a browser would resend it as a GET) and says why", () => {
    const a = clientErrorAnswer(parseError("HPE_INVALID_URL", "POST /api/search?q=سوريا HTTP/1.1\r\n\r\n"));
    expect(a.status).toBe(400);
    expect(JSON.parse(a.body.toString("utf8")).error.message).toContain("percent-encode");
  });

  it("answers a HEAD without a body", () => {
    const a = clientErrorAnswer(parseError("HPE_INVALID_URL", "HEAD /search?q=سوريا HTTP/1.1\r\n\r\n"));
    expect(a.status).toBe(301);
    expect(a.body.length).toBe(0);
    expect(Number(a.headers["Content-Length"])).toBeGreaterThan(0);
  });

  it("answers an oversized reader request with an Arabic 431 page", () => {
    const a = clientErrorAnswer(parseError("HPE_HEADER_OVERFLOW", `GET /search?q=${"ب".repeat(9000)}`));
    expect(a.status).toBe(431);
    expect(a.body.toString("utf8")).toContain("أطول مما يقبله الخادم");
  });

  it("answers bytes that are not HTTP in plain text", () => {
    const a = clientErrorAnswer(parseError("HPE_INVALID_METHOD", "\u0001\u0002hello\r\n\r\n"));
    expect(a.status).toBe(400);
    expect(a.headers["Content-Type"]).toBe("text/plain; charset=utf-8");
    expect(serializeAnswer(a).toString("utf8")).toMatch(
      /^HTTP\/1\.1 400 Bad Request\r\n[\s\S]*\r\n\r\nhttp: /,
    );
  });
});
