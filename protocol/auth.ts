import { z } from 'zod';
import { IdSchema } from './catalogue.js';

/** What a user or workstation may do: viewer watches, operator changes assigned walls, supervisor everything. */
export const RoleSchema = z.enum(['viewer', 'operator', 'supervisor']);
export type Role = z.infer<typeof RoleSchema>;

const ROLE_RANK: Record<Role, number> = { viewer: 0, operator: 1, supervisor: 2 };

/** True when `role` may do what `required` may do. */
export function roleAtLeast(role: Role, required: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[required];
}

/** Who is behind a connection, as the server established it from the token. Never taken from the client. */
export const PrincipalSchema = z.object({
  userId: IdSchema,
  name: z.string().min(1).max(80),
  role: RoleSchema,
  /** Walls an operator may change; supervisors change every wall. */
  walls: z.union([z.literal('*'), z.array(IdSchema)]),
  /** Set when the token belongs to a workstation (device token) rather than a person. */
  workstationId: IdSchema.optional(),
});
export type Principal = z.infer<typeof PrincipalSchema>;

/** True when the principal may change the screens of `wallId`. */
export function mayOperateWall(principal: Principal, wallId: string): boolean {
  if (principal.role === 'supervisor') return true;
  if (principal.role !== 'operator') return false;
  return principal.walls === '*' || principal.walls.includes(wallId);
}

/**
 * True when the principal's token is scoped to `wallId` (supervisors: every wall). Stricter than
 * watching, which any known token may do: used where a wall's answer changes what a workstation
 * lets its pages reach.
 */
export function isScopedToWall(principal: Principal, wallId: string): boolean {
  if (principal.role === 'supervisor') return true;
  return principal.walls === '*' || principal.walls.includes(wallId);
}
