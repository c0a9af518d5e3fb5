import { z } from 'zod';

/** An origin a wall page may connect to besides its server (a camera's own media server, a tile server): scheme://host[:port]. */
export const ConnectOriginSchema = z.string().regex(/^(https?|wss?):\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/, 'must be an origin such as ws://10.0.0.5:8000 (scheme, host, optional port; no path)');
