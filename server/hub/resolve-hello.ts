import {
  HelloSchema,
  PROTOCOL_VERSION,
  describeIssues,
  formatIssues,
  mayOperateWall,
  type CatchUp,
  type ErrorCode,
  type FieldIssue,
  type HelloReply,
  type MapSettings,
  type Principal,
  type Snapshot,
  type WallState,
} from '../../protocol/index.js';
import type { CameraCatalogue } from '../catalogue/camera-catalogue.js';
import type { UserDirectory } from '../auth/user-directory.js';
import type { ConnectionIdentity } from '../auth/principal.js';
import { cameraForClient } from './stream-urls.js';

/** What a hello is checked against. */
export interface HelloContext {
  wall(wallId: string): WallState | undefined;
  directory: UserDirectory;
  catalogue: CameraCatalogue;
  epoch: string;
  /** The changes since a client's last sequence, or null when it must take a snapshot. */
  catchUp(wallId: string, epoch: string, sequence: number): Extract<CatchUp, { kind: 'changes' }> | null;
  clientHostname: string;
  mediaHttpPort: number;
  now: Date;
  /** The deployment's map settings (walls file); absent: the offline map. */
  mapSettings?: MapSettings | undefined;
}

export type HelloOutcome = { reply: HelloReply; identity?: ConnectionIdentity };

function refuse(code: ErrorCode, message: string, issues: FieldIssue[] = []): HelloOutcome {
  return { reply: { ok: false, error: { code, message, issues } } };
}

/** A whole snapshot of a wall for one client, with stream URLs it can open. */
export function buildSnapshot(wall: WallState, screenId: string, context: Pick<HelloContext, 'catalogue' | 'epoch' | 'clientHostname' | 'mediaHttpPort' | 'now' | 'mapSettings'>): Snapshot {
  return {
    protocolVersion: PROTOCOL_VERSION,
    epoch: context.epoch,
    serverTime: context.now.toISOString(),
    screenId,
    wall,
    cameras: context.catalogue.cameras.map((camera, index) =>
      cameraForClient(camera, context.catalogue.numberOf(camera.id) ?? index + 1, context.clientHostname, context.mediaHttpPort)),
    ...(context.mapSettings ? { map: context.mapSettings } : {}),
  };
}

/** Answers a hello: who the client is and its catch-up, or an error naming the field and the reason. */
export function resolveHello(input: unknown, context: HelloContext): HelloOutcome {
  const parsed = HelloSchema.safeParse(input);
  if (!parsed.success) {
    const issues = describeIssues(parsed.error);
    return refuse('bad-request', `hello refused: ${formatIssues(issues)}`, issues);
  }
  const hello = parsed.data;
  if (hello.protocolVersion !== PROTOCOL_VERSION) {
    const reason = `server speaks protocol ${PROTOCOL_VERSION}, client sent ${hello.protocolVersion}`;
    return refuse('protocol-version', `hello refused: ${reason}`, [{ field: 'protocolVersion', reason }]);
  }
  const wall = context.wall(hello.wallId);
  if (!wall) {
    const reason = `no wall "${hello.wallId}" on this server`;
    return refuse('unknown-wall', `hello refused: ${reason}`, [{ field: 'wallId', reason }]);
  }
  const principal: Principal | undefined = context.directory.principalForToken(hello.token);
  if (!principal) {
    const reason = hello.token === null ? 'this server requires a token' : 'token not accepted';
    return refuse('unauthorized', `hello refused: ${reason}`, [{ field: 'token', reason }]);
  }
  if (!wall.screens.some((screen) => screen.id === hello.screenId)) {
    const known = wall.screens.map((s) => s.id).join(', ');
    const reason = `wall "${wall.id}" has no screen "${hello.screenId}" (it has: ${known})`;
    return refuse('unknown-screen', `hello refused: ${reason}`, [{ field: 'screenId', reason }]);
  }
  const changes = hello.resume ? context.catchUp(wall.id, hello.resume.epoch, hello.resume.sequence) : null;
  const workstationId = principal.workstationId ?? hello.workstation ?? null;
  return {
    reply: {
      ok: true,
      session: {
        userId: principal.userId,
        name: principal.name,
        role: principal.role,
        mayOperate: mayOperateWall(principal, wall.id),
        workstationId,
      },
      catchUp: changes ?? { kind: 'snapshot', snapshot: buildSnapshot(wall, hello.screenId, context) },
    },
    identity: { principal, wallId: wall.id, screenId: hello.screenId, workstationId },
  };
}
