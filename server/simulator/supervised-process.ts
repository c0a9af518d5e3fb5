import { spawn, type ChildProcess } from 'node:child_process';
import { backoffDelay, type BackoffPolicy } from '../../protocol/index.js';
import type { Logger } from '../log.js';

const RESTART_POLICY: BackoffPolicy = { initialMs: 500, maxMs: 15_000, jitter: 0.2 };
/** A run this long counts as healthy, and the back-off starts again from the beginning. */
const HEALTHY_RUN_MS = 10_000;

/** A long-running child process that is restarted with back-off whenever it exits, until stopped. */
export class SupervisedProcess {
  #child: ChildProcess | undefined;
  #timer: NodeJS.Timeout | undefined;
  #attempt = 0;
  #stopped = false;

  constructor(
    private readonly label: string,
    private readonly program: string,
    private readonly args: readonly string[],
    private readonly log: Logger,
  ) {}

  /** Starts the process; it keeps running until stop(). */
  start(): void {
    if (this.#stopped || this.#child) return;
    const startedAt = Date.now();
    const child = spawn(this.program, this.args, { stdio: ['ignore', 'ignore', 'pipe'] });
    this.#child = child;
    let stderr = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-500);
    });
    child.on('error', (error) => this.log.error(`${this.label}: ${error.message}`));
    child.on('exit', (code, signal) => {
      this.#child = undefined;
      if (this.#stopped) return;
      if (Date.now() - startedAt > HEALTHY_RUN_MS) this.#attempt = 0;
      const delay = backoffDelay(RESTART_POLICY, this.#attempt++, Math.random());
      this.log.warn(`${this.label} exited (${code ?? signal}) ${stderr.trim()}; restarting in ${delay} ms`);
      this.#timer = setTimeout(() => this.start(), delay);
    });
  }

  /** Stops the process and any pending restart; resolves when it has exited. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    const child = this.#child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      const kill = setTimeout(() => child.kill('SIGKILL'), 3000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
  }
}
