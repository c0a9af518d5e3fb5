/** The one way the shell logs: a timestamp, a scope and a level on one line (stdout/stderr, collected by the service manager). */
export interface ShellLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** A logger whose lines name the part of the shell that wrote them. */
export function shellLogger(scope: string): ShellLogger {
  const line = (level: string, message: string): string => `${new Date().toISOString()} ${level} [shell:${scope}] ${message}`;
  return {
    info: (message) => console.log(line('INFO ', message)),
    warn: (message) => console.warn(line('WARN ', message)),
    error: (message) => console.error(line('ERROR', message)),
  };
}
