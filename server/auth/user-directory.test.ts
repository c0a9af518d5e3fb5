import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { defaultServerOptions } from '../config/server-options.js';
import { ConfigFileError } from '../config/json-file.js';
import { UsersFileSchema } from '../../protocol/index.js';
import { loadUsers, tokenSha256, usersDirectory } from './user-directory.js';

const demoUsers = join(defaultServerOptions().cataloguePath, '..', 'users.json');

test('the demo users file gives the documented tokens their roles; an unknown token is nobody', async () => {
  const directory = usersDirectory(await loadUsers(demoUsers));
  assert.deepEqual(directory.principalForToken('demo-operator-budi-0001'), { userId: 'budi', name: 'Budi Santoso', role: 'operator', walls: ['demo'] });
  assert.equal(directory.principalForToken('demo-supervisor-sari-001')?.role, 'supervisor');
  assert.equal(directory.principalForToken('demo-viewer-vina-000001')?.role, 'viewer');
  assert.equal(directory.principalForToken('demo-operator-budi-0002'), undefined);
  assert.equal(directory.principalForToken(null), undefined);
});

test('a users file holding a plain token instead of its hash, or one token for two users, is refused by field', async () => {
  const plain = UsersFileSchema.safeParse({ users: [{ id: 'x', name: 'X', role: 'viewer', tokenSha256: ['secret'] }] });
  assert.ok(!plain.success);
  assert.match(plain.error.issues[0]?.message ?? '', /hex SHA-256/);
  const shared = UsersFileSchema.safeParse({ users: ['a', 'b'].map((id) => ({ id, name: id, role: 'viewer', tokenSha256: [tokenSha256('same-token')] })) });
  assert.ok(!shared.success);
  assert.match(shared.error.issues[0]?.message ?? '', /given to another user/);
  await assert.rejects(loadUsers('/nonexistent/users.json'), ConfigFileError);
});

test('a device-token resolver answers for tokens the users file does not know', () => {
  const directory = usersDirectory([], [(token) => (token === 'device-token-1' ? { userId: 'ws-7', name: 'WS 7', role: 'operator', walls: ['demo'], workstationId: 'ws-7' } : undefined)]);
  assert.equal(directory.principalForToken('device-token-1')?.workstationId, 'ws-7');
  assert.equal(directory.principalForToken('other'), undefined);
});
