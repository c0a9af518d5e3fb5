import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { DeviceTokenRecord, DeviceTokenRepository } from './device-tokens.js';

interface Row {
  workstation_id: string; token_sha256: string; machine_name: string; role: string; walls_json: string; issued_at: string; issued_by: string; revoked_at: string | null;
}

const WallsSchema = z.union([z.literal('*'), z.array(z.string())]);
const RoleSchema = z.enum(['viewer', 'operator']);

function toRecord(row: Row): DeviceTokenRecord {
  return {
    workstationId: row.workstation_id,
    tokenSha256: row.token_sha256,
    machineName: row.machine_name,
    role: RoleSchema.parse(row.role),
    walls: WallsSchema.parse(JSON.parse(row.walls_json)),
    issuedAt: row.issued_at,
    issuedBy: row.issued_by,
    revokedAt: row.revoked_at,
  };
}

/** Device tokens in the server's SQLite store, so enrolled workstations survive a restart. */
export class SqliteDeviceTokenRepository implements DeviceTokenRepository {
  constructor(private readonly db: Database.Database) {}

  save(record: DeviceTokenRecord): void {
    this.db.prepare(`INSERT INTO device_tokens (workstation_id, token_sha256, machine_name, role, walls_json, issued_at, issued_by, revoked_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (workstation_id) DO UPDATE SET token_sha256 = excluded.token_sha256,
      machine_name = excluded.machine_name, role = excluded.role, walls_json = excluded.walls_json, issued_at = excluded.issued_at,
      issued_by = excluded.issued_by, revoked_at = excluded.revoked_at`)
      .run(record.workstationId, record.tokenSha256, record.machineName, record.role, JSON.stringify(record.walls), record.issuedAt, record.issuedBy, record.revokedAt);
  }

  findByHash(tokenSha256: string): DeviceTokenRecord | undefined {
    const row = this.db.prepare<[string], Row>('SELECT * FROM device_tokens WHERE token_sha256 = ?').get(tokenSha256);
    return row ? toRecord(row) : undefined;
  }

  findByWorkstation(workstationId: string): DeviceTokenRecord | undefined {
    const row = this.db.prepare<[string], Row>('SELECT * FROM device_tokens WHERE workstation_id = ?').get(workstationId);
    return row ? toRecord(row) : undefined;
  }

  list(): DeviceTokenRecord[] {
    return this.db.prepare<[], Row>('SELECT * FROM device_tokens ORDER BY workstation_id').all().map(toRecord);
  }
}
