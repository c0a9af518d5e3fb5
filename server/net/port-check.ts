import { createServer } from 'node:net';

/** Resolves if nothing listens on host:port, rejects with a one-line reason if something does. */
export function assertPortFree(host: string, port: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      reject(new Error(error.code === 'EADDRINUSE' ? `${what} port ${host}:${port} is already in use` : `${what} port ${host}:${port}: ${error.message}`));
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/** Ports this process has handed out: a test asks for several before it binds any. */
const handedOut = new Set<number>();

/**
 * A port the system reports free on this host right now (for tests and benchmarks), never one
 * this process was given before: the system may hand the same free port to two probes in a row,
 * and a server then finds its own media port taken.
 */
export async function findFreePort(host = '127.0.0.1'): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await probeFreePort(host);
    if (!handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error('no fresh free port after 20 tries');
}

function probeFreePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
