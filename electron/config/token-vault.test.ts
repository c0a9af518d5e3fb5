import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TokenVault, type SafeStorageLike } from './token-vault.js';

/** A stand-in for safeStorage: reversible, and visibly not the clear text. */
function fakeSafeStorage(backend = 'gnome_libsecret', available = true): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (text) => Buffer.from(`enc:${[...text].reverse().join('')}`),
    decryptString: (buffer) => {
      const text = buffer.toString();
      if (!text.startsWith('enc:')) throw new Error('cannot decrypt');
      return [...text.slice(4)].reverse().join('');
    },
    getSelectedStorageBackend: () => backend,
  };
}

function slot(): { value: string | null; read(): string | null; write(v: string | null): void } {
  return {
    value: null,
    read() {
      return this.value;
    },
    write(v) {
      this.value = v;
    },
  };
}

test('the token is stored encrypted and read back', () => {
  const where = slot();
  const vault = new TokenVault(fakeSafeStorage(), where, 'linux');
  vault.store('device-token-123');
  assert.ok(where.value !== null && !Buffer.from(where.value, 'base64').toString().includes('device-token-123'));
  assert.equal(vault.read(), 'device-token-123');
  vault.clear();
  assert.equal(vault.read(), null);
});

test('on Linux without a keyring (basic_text) nothing is stored: fail closed', () => {
  const where = slot();
  const vault = new TokenVault(fakeSafeStorage('basic_text'), where, 'linux');
  assert.equal(vault.status().usable, false);
  assert.throws(() => vault.store('t'), /no keyring/);
  assert.equal(where.value, null);
});

test('Windows uses DPAPI whatever the Linux backend call says; no encryption at all refuses', () => {
  assert.equal(new TokenVault(fakeSafeStorage('unknown'), slot(), 'win32').status().usable, true);
  assert.throws(() => new TokenVault(fakeSafeStorage('gnome_libsecret', false), slot(), 'win32').store('t'), /no encryption/);
});

test('a ciphertext that no longer decrypts reads as no token', () => {
  const where = slot();
  where.value = Buffer.from('garbage').toString('base64');
  assert.equal(new TokenVault(fakeSafeStorage(), where, 'linux').read(), null);
});
