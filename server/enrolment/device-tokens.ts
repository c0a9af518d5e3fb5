import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Principal, Role } from '../../protocol/auth.js';

/** A device token as stored: its hash only, and what it grants. */
export interface DeviceTokenRecord {
  workstationId: string;
  /** Hex SHA-256 of the token; the token itself is never stored. */
  tokenSha256: string;
  machineName: string;
  role: Exclude<Role, 'supervisor'>;
  walls: '*' | string[];
  issuedAt: string;
  issuedBy: string;
  revokedAt: string | null;
}

/** Where device tokens are kept. In memory here; the server's SQLite store implements the same. */
export interface DeviceTokenRepository {
  /** Stores a record, replacing any earlier one of the same workstation (re-enrolment). */
  save(record: DeviceTokenRecord): void;
  findByHash(tokenSha256: string): DeviceTokenRecord | undefined;
  findByWorkstation(workstationId: string): DeviceTokenRecord | undefined;
  list(): DeviceTokenRecord[];
}

/** A DeviceTokenRepository in memory: for tests and the demo server. */
export class InMemoryDeviceTokenRepository implements DeviceTokenRepository {
  private readonly byWorkstation = new Map<string, DeviceTokenRecord>();

  save(record: DeviceTokenRecord): void {
    this.byWorkstation.set(record.workstationId, { ...record });
  }

  findByHash(tokenSha256: string): DeviceTokenRecord | undefined {
    for (const record of this.byWorkstation.values()) {
      if (record.tokenSha256.length === tokenSha256.length && timingSafeEqual(Buffer.from(record.tokenSha256), Buffer.from(tokenSha256))) return { ...record };
    }
    return undefined;
  }

  findByWorkstation(workstationId: string): DeviceTokenRecord | undefined {
    const record = this.byWorkstation.get(workstationId);
    return record ? { ...record } : undefined;
  }

  list(): DeviceTokenRecord[] {
    return [...this.byWorkstation.values()].map((record) => ({ ...record }));
  }
}

/** The hex SHA-256 of a token, as the users file and the token repository keep it. */
export function sha256Hex(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Issues, resolves and revokes workstation device tokens over a repository. */
export class DeviceTokens {
  constructor(
    private readonly repository: DeviceTokenRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Creates a device token for a workstation, replacing its earlier one; returns the token, shown once. */
  issue(grant: { workstationId: string; machineName: string; role: Exclude<Role, 'supervisor'>; walls: '*' | string[]; issuedBy: string }): string {
    const token = `pantau_dt_${randomBytes(32).toString('base64url')}`;
    this.repository.save({ ...grant, tokenSha256: sha256Hex(token), issuedAt: this.now().toISOString(), revokedAt: null });
    return token;
  }

  /** The principal a device token stands for, or undefined for an unknown or revoked token. The hub calls this for hello tokens. */
  resolveDeviceToken(token: string): Principal | undefined {
    if (!token.startsWith('pantau_dt_')) return undefined;
    const record = this.repository.findByHash(sha256Hex(token));
    if (!record || record.revokedAt !== null) return undefined;
    return { userId: record.workstationId, name: `workstation ${record.machineName}`.slice(0, 80), role: record.role, walls: record.walls, workstationId: record.workstationId };
  }

  /** Revokes a workstation's token; false when it has none. */
  revoke(workstationId: string): boolean {
    const record = this.repository.findByWorkstation(workstationId);
    if (!record || record.revokedAt !== null) return false;
    this.repository.save({ ...record, revokedAt: this.now().toISOString() });
    return true;
  }
}
