/** The part of Electron's safeStorage the vault uses; injected so tests run without Electron. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only in Electron; absent elsewhere. */
  getSelectedStorageBackend?: () => string;
}

/** Where the encrypted token is kept (the settings store's `encryptedToken`). */
export interface EncryptedTokenSlot {
  read(): string | null;
  write(base64: string | null): void;
}

export type VaultStatus = { usable: true } | { usable: false; reason: string };

/**
 * Keeps the device token encrypted with the operating system's key store (DPAPI on Windows,
 * libsecret/kwallet on Linux). Fails closed: on Linux without a keyring Electron falls back to
 * `basic_text`, which only obfuscates, so the vault refuses to store there and IT provisions the
 * token instead (docs/electron.md).
 */
export class TokenVault {
  constructor(
    private readonly safeStorage: SafeStorageLike,
    private readonly slot: EncryptedTokenSlot,
    private readonly platform: NodeJS.Platform,
  ) {}

  /** Whether tokens can be stored safely on this machine, and why not. */
  status(): VaultStatus {
    if (!this.safeStorage.isEncryptionAvailable()) return { usable: false, reason: 'the operating system offers no encryption for stored secrets' };
    if (this.platform === 'linux') {
      const backend = this.safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
      if (backend === 'basic_text' || backend === 'unknown') return { usable: false, reason: `no keyring (safeStorage backend "${backend}"): install and unlock gnome-keyring or kwallet, or provision the token` };
    }
    return { usable: true };
  }

  /** Encrypts and keeps the token; throws (storing nothing) where encryption is not safe. */
  store(token: string): void {
    const status = this.status();
    if (!status.usable) throw new Error(`device token not stored: ${status.reason}`);
    this.slot.write(this.safeStorage.encryptString(token).toString('base64'));
  }

  /** The stored token, or null when none is stored or it can no longer be decrypted (another user, a new keyring). */
  read(): string | null {
    const base64 = this.slot.read();
    if (base64 === null || base64.length === 0) return null;
    if (!this.status().usable) return null;
    try {
      return this.safeStorage.decryptString(Buffer.from(base64, 'base64'));
    } catch {
      return null;
    }
  }

  /** Forgets the token (a revoked device, a re-enrolment). */
  clear(): void {
    this.slot.write(null);
  }
}
