import type { Principal } from '../../protocol/index.js';
import { createLogger } from '../log.js';
import type { WallService } from '../state/wall-service.js';

const log = createLogger('alarm');

/** Who the audit names when the alarm rule, not a person, changes a screen. */
export const ALARM_RULE: Principal = { userId: 'alarm-rule', name: 'Aturan alarm', role: 'supervisor', walls: '*' };

/**
 * Alarm to wall: a critical alert pushes the cameras nearest to it, nearest first, onto the
 * alarm screen of every wall that has one, one camera per tile. Tiles a supervisor pinned keep
 * their camera (the intent is refused there and the next tile is used).
 */
export function pushAlarmToWalls(walls: Pick<WallService, 'wallIds' | 'wall' | 'handleIntent'>, cameraIds: readonly string[], reason: string): void {
  if (cameraIds.length === 0) return;
  for (const wallId of walls.wallIds()) {
    const wall = walls.wall(wallId);
    const screenId = wall?.alarmScreenId;
    const screen = wall?.screens.find((candidate) => candidate.id === screenId);
    if (!wall || !screen || screenId === null || screenId === undefined) continue;
    const queue = [...cameraIds];
    for (let tileIndex = 0; tileIndex < screen.tiles.length; tileIndex++) {
      const cameraId = queue[0];
      if (cameraId === undefined) break;
      const reply = walls.handleIntent({ principal: ALARM_RULE, workstationId: null }, wallId, { type: 'put-camera', screenId, tileIndex, camera: { id: cameraId } });
      if (reply.ok) queue.shift();
    }
    log.info(`${reason}: ${cameraIds.length - queue.length} cameras to ${wall.id}/${screen.id}`);
  }
}
