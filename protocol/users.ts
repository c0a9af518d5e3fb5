import { z } from 'zod';
import { IdSchema } from './catalogue.js';
import { RoleSchema } from './auth.js';

/** A token as written in the users file: the SHA-256 of the secret, hex, so the file holds no secret. */
export const TokenHashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'must be the hex SHA-256 of the token (64 characters)');

export const UserConfigSchema = z.strictObject({
  id: IdSchema,
  name: z.string().trim().min(1).max(80),
  role: RoleSchema,
  /** Walls an operator may change: "*" or a list of wall ids. Ignored for supervisors. */
  walls: z.union([z.literal('*'), z.array(IdSchema)]).default([]),
  tokenSha256: z.array(TokenHashSchema).min(1).max(16),
});
export type UserConfig = z.infer<typeof UserConfigSchema>;

/**
 * The server's users file. Without one the server runs open (every client a supervisor), which
 * it allows only on a loopback address, for the demo.
 */
export const UsersFileSchema = z
  .strictObject({ users: z.array(UserConfigSchema).min(1) })
  .superRefine((file, ctx) => {
    const ids = new Set<string>();
    const hashes = new Set<string>();
    file.users.forEach((user, index) => {
      if (ids.has(user.id)) ctx.addIssue({ code: 'custom', path: ['users', index, 'id'], message: `duplicate user id "${user.id}"` });
      ids.add(user.id);
      user.tokenSha256.forEach((hash, tokenIndex) => {
        if (hashes.has(hash)) ctx.addIssue({ code: 'custom', path: ['users', index, 'tokenSha256', tokenIndex], message: 'this token is given to another user too' });
        hashes.add(hash);
      });
    });
  });
export type UsersFile = z.infer<typeof UsersFileSchema>;
