/**
 * Streams the lines of a text file, gunzipping `.gz` (or any file starting with the gzip magic bytes).
 * Surface IO. Reports compressed bytes consumed so progress can show an ETA.
 */
import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { AkhbarError } from "../../domain/errors.ts";

export interface FileLine {
  file: string;
  /** 1-based line number in the (decompressed) file. */
  lineNo: number;
  text: string;
}

export interface LineSource {
  lines: AsyncIterable<FileLine>;
  /** Size of the file on disk, for progress. */
  totalBytes: number;
  /** Bytes of the file on disk read so far. */
  bytesRead(): number;
}

const GZIP_MAGIC = [0x1f, 0x8b];

/** Opens `file` for line-by-line reading; throws `import.unreadable` when it cannot be opened. */
export async function readLines(file: string): Promise<LineSource> {
  let size: number;
  let gzipped: boolean;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error("not a regular file");
    size = info.size;
    gzipped = await hasGzipMagic(file);
  } catch (err) {
    throw new AkhbarError("import.unreadable", `import: cannot read ${file}: ${(err as Error).message}`);
  }
  const raw = createReadStream(file);
  let input: Readable = raw;
  if (gzipped) {
    const gunzip = createGunzip();
    raw.on("error", (err) => gunzip.destroy(err));
    input = raw.pipe(gunzip);
  }
  return {
    totalBytes: size,
    bytesRead: () => raw.bytesRead,
    lines: iterateLines(file, input),
  };
}

async function* iterateLines(file: string, input: Readable): AsyncGenerator<FileLine> {
  const reader = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNo = 0;
  try {
    for await (const text of reader) {
      lineNo += 1;
      yield { file, lineNo, text };
    }
  } catch (err) {
    throw new AkhbarError(
      "import.unreadable",
      `import: ${file} is unreadable after line ${lineNo}: ${(err as Error).message}`,
    );
  } finally {
    reader.close();
    input.destroy();
  }
}

async function hasGzipMagic(file: string): Promise<boolean> {
  const handle = await open(file, "r");
  try {
    const buffer = Buffer.alloc(2);
    const { bytesRead } = await handle.read(buffer, 0, 2, 0);
    return bytesRead === 2 && buffer[0] === GZIP_MAGIC[0] && buffer[1] === GZIP_MAGIC[1];
  } finally {
    await handle.close();
  }
}
