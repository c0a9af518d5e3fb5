/** The one way the server logs: a timestamp, a scope and a level on one line. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** A logger whose lines name the part of the server that wrote them. */
export function createLogger(scope: string): Logger {
  const line = (level: string, message: string): string => `${new Date().toISOString()} ${level} [${scope}] ${message}`;
  return {
    info: (message) => console.log(line('INFO ', message)),
    warn: (message) => console.warn(line('WARN ', message)),
    error: (message) => console.error(line('ERROR', message)),
  };
}
