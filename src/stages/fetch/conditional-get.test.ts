import { describe, expect, it } from "vitest";
import {
  conditionalHeaders,
  EMPTY_VALIDATORS,
  FULL_REFETCH_INTERVAL_MS,
  updateValidators,
} from "./conditional-get.ts";

const body = (s: string) => new TextEncoder().encode(s);
const LM = "Wed, 21 Oct 2015 07:28:00 GMT";

describe("conditional GET (POL-01)", () => {
  it("sends the stored validators back exactly as received", () => {
    const first = updateValidators(
      EMPTY_VALIDATORS,
      { status: 200, headers: { etag: 'W/"abc"', "last-modified": LM }, body: body("a") },
      false,
      0,
    );
    expect(first.changed).toBe(true);
    expect(conditionalHeaders(first.state, 1000)).toEqual({
      "if-none-match": 'W/"abc"',
      "if-modified-since": LM,
    });
  });

  it("sends nothing on the first poll", () => {
    expect(conditionalHeaders(EMPTY_VALIDATORS, 0)).toEqual({});
  });

  it("treats 304 as unchanged and keeps the validators", () => {
    const s = updateValidators(
      EMPTY_VALIDATORS,
      { status: 200, headers: { etag: '"a"' }, body: body("a") },
      false,
      0,
    ).state;
    const r = updateValidators(s, { status: 304, headers: {}, body: new Uint8Array() }, true, 10);
    expect(r.changed).toBe(false);
    expect(r.state).toBe(s);
  });

  it("treats a byte-identical 200 as unchanged", () => {
    const s = updateValidators(
      EMPTY_VALIDATORS,
      { status: 200, headers: {}, body: body("same") },
      false,
      0,
    ).state;
    expect(updateValidators(s, { status: 200, headers: {}, body: body("same") }, false, 10).changed).toBe(
      false,
    );
  });

  it("stops trusting a server that repeats an ETag for a changed body", () => {
    const s = updateValidators(
      EMPTY_VALIDATORS,
      { status: 200, headers: { etag: '"x"' }, body: body("v1") },
      false,
      0,
    ).state;
    const r = updateValidators(s, { status: 200, headers: { etag: '"x"' }, body: body("v2") }, false, 10);
    expect(r.changed).toBe(true);
    expect(r.state.ignoreValidators).toBe(true);
    expect(conditionalHeaders(r.state, 20)).toEqual({});
  });

  it("fetches unconditionally once a day in case the server answers 304 for changed feeds", () => {
    const s = updateValidators(
      EMPTY_VALIDATORS,
      { status: 200, headers: { etag: '"x"' }, body: body("v1") },
      false,
      0,
    ).state;
    expect(conditionalHeaders(s, FULL_REFETCH_INTERVAL_MS - 1)).toEqual({ "if-none-match": '"x"' });
    expect(conditionalHeaders(s, FULL_REFETCH_INTERVAL_MS)).toEqual({});
  });

  it("keeps no validators when the server says Expires: 0", () => {
    const r = updateValidators(
      EMPTY_VALIDATORS,
      { status: 200, headers: { etag: '"x"', expires: "0" }, body: body("a") },
      false,
      0,
    );
    expect(r.state.etag).toBeNull();
  });
});
