import { z } from 'zod';

/**
 * An origin a wall page may connect to besides its server (a camera's own media server, a tile
 * server): scheme://host[:port]. Stored lower-case, because hosts are compared lower-case (the
 * shell's request filter, the CSP); a port must be one a socket can have.
 */
export const ConnectOriginSchema = z
  .string()
  .regex(/^(https?|wss?):\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/i, 'must be an origin such as ws://10.0.0.5:8000 (scheme, host, optional port; no path)')
  .refine((origin) => Number(/:(\d+)$/.exec(origin.replace(/^[a-z]+:\/\//i, ''))?.[1] ?? 1) <= 65535, 'port must be 65535 or less')
  .transform((origin) => origin.toLowerCase());
