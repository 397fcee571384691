/**
 * Logger port: structured logs with akhbar's field vocabulary (source_id, article_url, feed_url, stage,
 * duration_ms, code). Interface only; surfaces pass a pino logger, tests the silent one.
 */
export interface Logger {
  debug(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
