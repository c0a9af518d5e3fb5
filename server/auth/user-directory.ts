import { createHash, timingSafeEqual } from 'node:crypto';
import { UsersFileSchema, type Principal, type UserConfig } from '../../protocol/index.js';
import { parseConfig, readJsonFile } from '../config/json-file.js';

/** The hex SHA-256 of a token, as the users file and the device-token store keep it. */
export function tokenSha256(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Looks up who holds a token. Open directories (no users file: the demo) make everyone a supervisor. */
export interface UserDirectory {
  readonly open: boolean;
  principalForToken(token: string | null): Principal | undefined;
}

/** The principal every client gets when the server runs without a users file (loopback demo only). */
export const OPEN_PRINCIPAL: Principal = { userId: 'demo', name: 'Demo', role: 'supervisor', walls: '*' };

/** A directory that lets everyone in as the demo supervisor. */
export function openDirectory(): UserDirectory {
  return { open: true, principalForToken: () => OPEN_PRINCIPAL };
}

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));
}

/** A directory of the users file's users, plus any other resolver (device tokens of enrolled workstations). */
export function usersDirectory(users: readonly UserConfig[], others: readonly ((token: string) => Principal | undefined)[] = []): UserDirectory {
  return {
    open: false,
    principalForToken(token) {
      if (token === null || token.length === 0) return undefined;
      const hash = tokenSha256(token);
      // Compare every hash in constant time: how long a refusal takes tells nothing about the tokens.
      let found: UserConfig | undefined;
      for (const user of users) {
        for (const candidate of user.tokenSha256) if (sameHash(candidate, hash)) found = user;
      }
      if (found) return { userId: found.id, name: found.name, role: found.role, walls: found.role === 'supervisor' ? '*' : found.walls };
      for (const resolve of others) {
        const principal = resolve(token);
        if (principal) return principal;
      }
      return undefined;
    },
  };
}

/** Loads and validates a users file. */
export async function loadUsers(file: string): Promise<UserConfig[]> {
  return parseConfig(file, UsersFileSchema, await readJsonFile(file)).users;
}
