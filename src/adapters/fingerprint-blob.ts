/**
 * Uint32 fingerprint arrays ↔ little-endian byte blobs, as both storage adapters keep shingles and signatures.
 * Adapter helper, pure.
 */

import { endianness } from "node:os";

/** On a little-endian machine (x86, ARM) an array's own bytes are already the blob. */
const IS_LITTLE_ENDIAN = endianness() === "LE";

/**
 * The array's bytes as a Buffer, little-endian whatever the platform (x86 and ARM are both little-endian). On a
 * little-endian machine the Buffer is a view of the array's memory, not a copy: the drivers copy what they bind.
 */
export function toFingerprintBlob(values: Uint32Array): Buffer {
  if (IS_LITTLE_ENDIAN) return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
  const out = Buffer.allocUnsafe(values.length * 4);
  for (let i = 0; i < values.length; i++) out.writeUInt32LE(values[i]!, i * 4);
  return out;
}

/** The Uint32Array a blob holds; a blob whose length is not a multiple of 4 drops its tail. */
export function fromFingerprintBlob(blob: Uint8Array): Uint32Array {
  const n = Math.floor(blob.byteLength / 4);
  const view = new DataView(blob.buffer, blob.byteOffset, n * 4);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = view.getUint32(i * 4, true);
  return out;
}
