/**
 * Times in CLI output: every command prints an instant the same way, to the minute and saying its zone, since stored
 * times are UTC and a reader's clock is not. Pure.
 */

/**
 * "2015-07-26T10:05:59.000Z" → "2015-07-26 10:05 UTC"; an offset is converted ("2015-07-26T13:05:00+03:00" → the same);
 * "undated" for null or an unparsable time.
 */
export function formatUtcTime(iso: string | null | undefined): string {
  const ms = iso === null || iso === undefined ? Number.NaN : Date.parse(iso);
  if (Number.isNaN(ms)) return "undated";
  return `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
