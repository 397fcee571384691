import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { streamCarryOver } from "../../test/fixtures/stream-carry-over.ts";
import { fromSnapshotBlob, toSnapshotBlob } from "./story-row.ts";

/**
 * A stream snapshot as the assigner stored it before the stores encoded snapshots (commit 8e0e039, SQLite): taken before
 * STORY_RECORDS' st-001 on Jul 27, after st-004 and st-005 on Jul 26.
 */
const WRITTEN_BEFORE =
  "H4sIAAAAAAAEA+1VTWvbQBD9L3veQ+x+hOrYe6GnXowPir0BU8cpWrnQhhxiS8boX/gkIaIIo6ap80ve/JsyO1n5A/XWS6E22Np5OzNvPh66UV9NZCfXMxX0tQpn4fTbdxN98rZzrUbTuY1NZCIV3Cgbh7Hlh9hEV1YFA0UpKjwprVCiokRpRRmtUGDHtnvUlKF2MK3pDlu+kFKGnG0/sEUhlqX74+u04scFconG8XO6wy+5sEGDhn13yCllW7LPnLITKoYblIcJHbEUpSewxE4yZ7Ru+VCChoQILbGV8CmtaO3ckOMnU/FESkrF/ojKWR3PEiVy4VDiAU+uOZSgoBVybMS5whNKppnjQWI07OQqRoHK56t8igdKpeyG6YhnyZ1xzaUMpWvIQo4p6pfOosAWJZ7bbtIajS9sgUIy5thRIn1nkjKvw4AJLXhmEv0OW8po4UjQWqaUcMO4tgVqF543gA9Sby3VbrGhzNeR4VGy30vCHA0KWrvF4X6h9t3a8Vh8S3aoHZGhVuNLFQx6+vTbdxb5PcX+0pmTX4+sCvq3Wl3MIyuqiMzIzGIVDPa66One61fn73r9M/cZ6kGrlA5or50OcK+mLrBd9w7Qb3gH5DXYAVHKYugEvE47QOSsR9kVD7952xZ/vKpdF9rl7QCP17njAqV+wbvBl5U/BYdaXYTWTCcz8396/+L0LieRjT9YFRypTatpeGh+2UOtwvHYjEW91hh5+Y2ur76Eo9iM389Hn02sgjOtWtsfQn8MrWVoNp9Ob29/A4FqGKhNBwAA";

describe("stream snapshot blobs", () => {
  it("read a snapshot the assigner stored before the stores encoded them", () => {
    const carry = fromSnapshotBlob(Buffer.from(WRITTEN_BEFORE, "base64"));
    expect(carry).toMatchObject({ version: 2, clusterer: { seen: 2, stats: { docs: 2 } } });
    expect(carry.clusterer.stats.terms).toContain("ينبع");
    expect(fromSnapshotBlob(toSnapshotBlob(carry))).toEqual(carry);
  });

  it("write a carry-over as level-1 gzip of its JSON, which gives back its numbers exactly", () => {
    const carry = streamCarryOver();
    const blob = toSnapshotBlob(carry);
    expect(JSON.parse(gunzipSync(blob).toString("utf8"))).toEqual(carry);
    // The gzip header: magic, then the fastest-compression flag level 1 sets (RFC 1952 section 2.3.1, XFL).
    expect([blob[0], blob[1], blob[8]]).toEqual([0x1f, 0x8b, 4]);
    expect(fromSnapshotBlob(blob)).toEqual(carry);
  });
});
