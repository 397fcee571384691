import { describe, expect, it } from "vitest";
import { fromFingerprintBlob, toFingerprintBlob } from "./fingerprint-blob.ts";

describe("fingerprint blobs", () => {
  it("writes each value little-endian, 4 bytes apiece", () => {
    expect([...toFingerprintBlob(Uint32Array.of(0x01020304, 0xffffffff))]).toEqual([
      4, 3, 2, 1, 255, 255, 255, 255,
    ]);
  });

  it("reads back what it wrote, from a view into a larger array too", () => {
    const whole = Uint32Array.of(7, 0x9e3779b1, 0, 0xdeadbeef, 42);
    const view = whole.subarray(1, 4);
    expect([...fromFingerprintBlob(toFingerprintBlob(view))]).toEqual([0x9e3779b1, 0, 0xdeadbeef]);
  });
});
