import { z } from 'zod';

/** Why the server refused a request; stable strings that clients may switch on. */
export const ErrorCodeSchema = z.enum([
  'bad-request',
  'protocol-version',
  'unauthorized',
  'unknown-wall',
  'unknown-screen',
  'not-ready',
  /** The principal's role does not allow this action on this wall. */
  'forbidden',
  /** A camera, screen, tile, preset, group or version that does not exist. */
  'not-found',
  /** A supervisor's pin holds this tile or camera. */
  'pinned',
  /** Too many requests from this client; nothing was done. */
  'rate-limited',
  /** The request is bigger than the server accepts. */
  'too-large',
  /** Another operator holds the camera (PTZ). */
  'locked',
  /** The camera (or its PTZ driver) did not carry out the command; the wall state is unchanged. */
  'device-error',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const FieldIssueSchema = z.object({
  field: z.string(),
  reason: z.string(),
});

/** The error the server answers with; it never changes any state. */
export const ProtocolErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  issues: z.array(FieldIssueSchema).default([]),
});
export type ProtocolError = z.infer<typeof ProtocolErrorSchema>;
