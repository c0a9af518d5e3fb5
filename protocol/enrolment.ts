import { z } from 'zod';
import { RoleSchema } from './auth.js';
import { IdSchema } from './catalogue.js';

/** HTTP paths of enrolment, on the central server. */
export const ENROLMENT_PATHS = {
  /** POST, supervisor's bearer token: creates a one-time code. */
  codes: '/api/enrolment/codes',
  /** POST, no token: a workstation exchanges a code for its device token. */
  exchange: '/api/enrolment/exchange',
} as const;

/** Characters of a one-time code: no 0/O, 1/I/L, so it can be read aloud and typed at a wall PC. */
export const ENROLMENT_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const ENROLMENT_CODE_LENGTH = 8;

/** A one-time code as typed: 8 characters, an optional dash in the middle, any case. */
export const EnrolmentCodeSchema = z
  .string()
  .trim()
  .transform((code) => code.replace(/-/g, '').toUpperCase())
  .pipe(z.string().regex(new RegExp(`^[${ENROLMENT_CODE_ALPHABET}]{${ENROLMENT_CODE_LENGTH}}$`), `must be ${ENROLMENT_CODE_LENGTH} characters from the code alphabet`));

/** What a supervisor asks for: a code for one workstation, with the role and walls its token will carry. */
export const CreateEnrolmentCodeRequestSchema = z.strictObject({
  workstationId: IdSchema,
  role: RoleSchema.exclude(['supervisor']).default('operator'),
  walls: z.union([z.literal('*'), z.array(IdSchema).min(1).max(64)]),
  /** Minutes the code stays valid; 15 by default, one day at most. */
  validMinutes: z.number().int().min(1).max(1440).default(15),
});
export type CreateEnrolmentCodeRequest = z.infer<typeof CreateEnrolmentCodeRequestSchema>;

export const CreateEnrolmentCodeReplySchema = z.strictObject({
  /** Shown once, as XXXX-XXXX. */
  code: z.string(),
  workstationId: IdSchema,
  expiresAt: z.iso.datetime(),
});
export type CreateEnrolmentCodeReply = z.infer<typeof CreateEnrolmentCodeReplySchema>;

export const ExchangeEnrolmentCodeRequestSchema = z.strictObject({
  code: EnrolmentCodeSchema,
  /** The machine's host name, for the supervisor's list. */
  machineName: z.string().trim().min(1).max(120),
});
export type ExchangeEnrolmentCodeRequest = z.infer<typeof ExchangeEnrolmentCodeRequestSchema>;

export const ExchangeEnrolmentCodeReplySchema = z.strictObject({
  workstationId: IdSchema,
  /** The device token: shown to this workstation once, kept by the server only as a hash. */
  deviceToken: z.string().min(32).max(512),
  role: RoleSchema,
  walls: z.union([z.literal('*'), z.array(IdSchema)]),
});
export type ExchangeEnrolmentCodeReply = z.infer<typeof ExchangeEnrolmentCodeReplySchema>;

/** The body of every refused enrolment request. */
export const EnrolmentErrorSchema = z.strictObject({
  error: z.strictObject({ code: z.enum(['bad-request', 'unauthorized', 'forbidden', 'invalid-code', 'rate-limited', 'too-large', 'not-found', 'server-error']), message: z.string() }),
});
export type EnrolmentError = z.infer<typeof EnrolmentErrorSchema>;
