import { randomInt } from 'node:crypto';
import type { Role } from '../../protocol/auth.js';
import { ENROLMENT_CODE_ALPHABET, ENROLMENT_CODE_LENGTH, type CreateEnrolmentCodeRequest } from '../../protocol/enrolment.js';
import { sha256Hex } from './device-tokens.js';

/** What a redeemed code grants. */
export interface EnrolmentGrant {
  workstationId: string;
  role: Exclude<Role, 'supervisor'>;
  walls: '*' | string[];
  createdBy: string;
}

interface Pending extends EnrolmentGrant {
  expiresAt: number;
}

/** How many codes may wait at once: a bound on memory, far above any room's needs. */
const MAX_PENDING = 500;

/**
 * One-time enrolment codes: short (8 characters from an unambiguous alphabet), expiring, used
 * once. Kept in memory by their hash: a code is worth anything only for minutes, and a restart
 * simply asks the supervisor for a new one.
 */
export class EnrolmentCodes {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Creates a code for a workstation; a newer code for the same workstation replaces the older one. */
  create(request: CreateEnrolmentCodeRequest, createdBy: string): { code: string; expiresAt: Date } {
    this.prune();
    for (const [hash, entry] of this.pending) if (entry.workstationId === request.workstationId) this.pending.delete(hash);
    if (this.pending.size >= MAX_PENDING) throw new Error('too many enrolment codes waiting; let some expire');
    let code = '';
    for (let i = 0; i < ENROLMENT_CODE_LENGTH; i++) code += ENROLMENT_CODE_ALPHABET[randomInt(ENROLMENT_CODE_ALPHABET.length)];
    const expiresAt = this.now() + request.validMinutes * 60_000;
    this.pending.set(sha256Hex(code), { workstationId: request.workstationId, role: request.role, walls: request.walls, createdBy, expiresAt });
    return { code, expiresAt: new Date(expiresAt) };
  }

  /** Uses a code (normalised: upper case, no dash): its grant once, then never again; undefined when unknown or expired. */
  redeem(code: string): EnrolmentGrant | undefined {
    this.prune();
    const hash = sha256Hex(code);
    const entry = this.pending.get(hash);
    if (!entry) return undefined;
    this.pending.delete(hash);
    return { workstationId: entry.workstationId, role: entry.role, walls: entry.walls, createdBy: entry.createdBy };
  }

  private prune(): void {
    const now = this.now();
    for (const [hash, entry] of this.pending) if (entry.expiresAt <= now) this.pending.delete(hash);
  }
}

/** A code as shown to people: XXXX-XXXX. */
export function displayCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
