import type { FieldIssue } from '../../protocol/index.js';

/** A full-screen explanation of why this screen cannot show anything, naming the fields at fault. */
export function ProblemScreen({ title, hint, issues }: { title: string; hint: string; issues: readonly FieldIssue[] }) {
  return (
    <main className="problem" data-testid="problem" role="alert">
      <h1 className="problem__title">⚠ {title}</h1>
      <p className="problem__hint">{hint}</p>
      {issues.length > 0 && (
        <ul className="problem__issues">
          {issues.map((issue) => (
            <li key={`${issue.field}:${issue.reason}`}>
              <code>{issue.field}</code>: {issue.reason}
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
