import type { z } from 'zod';
import { describeIssues, formatIssues } from '../../protocol/validation.js';
import type { Logger } from '../log.js';

/**
 * Reads one stored row back through the protocol's schema. A row this build cannot read is
 * logged and skipped (undefined) rather than stopping the server: losing one record beats a
 * command room whose server will not start.
 */
export function readStoredRow<T>(schema: z.ZodType<T>, json: string, what: string, log: Logger): T | undefined {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    log.error(`stored ${what} skipped: not JSON (${error instanceof Error ? error.message : String(error)})`);
    return undefined;
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    log.error(`stored ${what} skipped: ${formatIssues(describeIssues(parsed.error))}`);
    return undefined;
  }
  return parsed.data;
}
