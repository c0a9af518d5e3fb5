import {
  HelloSchema,
  PROTOCOL_VERSION,
  describeIssues,
  formatIssues,
  type ErrorCode,
  type FieldIssue,
  type HelloReply,
  type Snapshot,
  type WallConfig,
} from '../../protocol/index.js';
import type { CameraCatalogue } from '../catalogue/camera-catalogue.js';
import { cameraForClient } from './stream-urls.js';

/** What a hello is checked against. */
export interface HelloContext {
  walls: readonly WallConfig[];
  catalogue: CameraCatalogue;
  clientHostname: string;
  mediaHttpPort: number;
  sequence: number;
  now: Date;
}

function refuse(code: ErrorCode, message: string, issues: FieldIssue[] = []): HelloReply {
  return { ok: false, error: { code, message, issues } };
}

/** Answers a hello: the screen's snapshot, or an error naming the field and the reason. */
export function resolveHello(input: unknown, context: HelloContext): HelloReply {
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
  const wall = context.walls.find((candidate) => candidate.id === hello.wallId);
  if (!wall) {
    const reason = `no wall "${hello.wallId}" on this server`;
    return refuse('unknown-wall', `hello refused: ${reason}`, [{ field: 'wallId', reason }]);
  }
  if (wall.tokens && (hello.token === null || !wall.tokens.includes(hello.token))) {
    const reason = hello.token === null ? 'this wall requires a token' : 'token not accepted for this wall';
    return refuse('unauthorized', `hello refused: ${reason}`, [{ field: 'token', reason }]);
  }
  const screen = wall.screens.find((candidate) => candidate.id === hello.screenId);
  if (!screen) {
    const known = wall.screens.map((s) => s.id).join(', ');
    const reason = `wall "${wall.id}" has no screen "${hello.screenId}" (it has: ${known})`;
    return refuse('unknown-screen', `hello refused: ${reason}`, [{ field: 'screenId', reason }]);
  }
  const { columns, rows, cameras: cameraIds } = screen.layout;
  const tiles = Array.from({ length: columns * rows }, (_, index) => ({ index, cameraId: cameraIds[index] ?? null }));
  const onScreen = [...new Set(cameraIds.filter((id): id is string => id !== null))];
  const snapshot: Snapshot = {
    protocolVersion: PROTOCOL_VERSION,
    sequence: context.sequence,
    serverTime: context.now.toISOString(),
    wall: { id: wall.id, name: wall.name },
    screen: { id: screen.id, name: screen.name, role: screen.role },
    layout: { columns, rows, tiles },
    cameras: onScreen.flatMap((id) => {
      const camera = context.catalogue.get(id);
      return camera ? [cameraForClient(camera, context.catalogue.numberOf(id) ?? 1, context.clientHostname, context.mediaHttpPort)] : [];
    }),
  };
  return { ok: true, snapshot };
}
