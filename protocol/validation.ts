import type { z } from 'zod';

/** One problem found in an input: the dotted path of the field and why it was refused. */
export interface FieldIssue {
  field: string;
  reason: string;
}

/** Turns a zod error into field/reason pairs a person can act on. */
export function describeIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)',
    reason: issue.message,
  }));
}

/** One line naming every refused field, for logs and error messages. */
export function formatIssues(issues: readonly FieldIssue[]): string {
  return issues.map((issue) => `${issue.field}: ${issue.reason}`).join('; ');
}
