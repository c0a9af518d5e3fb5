import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { describeIssues, formatIssues, type FieldIssue } from '../../protocol/index.js';

/** A configuration file that could not be used; names the file, the fields and the reasons. */
export class ConfigFileError extends Error {
  constructor(
    readonly file: string,
    readonly issues: FieldIssue[],
  ) {
    super(`${file}: ${formatIssues(issues)}`);
    this.name = 'ConfigFileError';
  }
}

/** Validates already-parsed JSON against a schema, throwing ConfigFileError on the first bad field set. */
export function parseConfig<S extends z.ZodType>(file: string, schema: S, json: unknown): z.output<S> {
  const result = schema.safeParse(json);
  if (!result.success) throw new ConfigFileError(file, describeIssues(result.error));
  return result.data;
}

/** Reads a JSON file, refusing an unreadable file or bad JSON with a ConfigFileError. */
export async function readJsonFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigFileError(file, [{ field: '(file)', reason: `cannot be read: ${(error as Error).message}` }]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigFileError(file, [{ field: '(file)', reason: `is not valid JSON: ${(error as Error).message}` }]);
  }
  return json;
}

