import { io, type Socket } from 'socket.io-client';
import { EVENTS, HelloReplySchema, IntentReplySchema, PROTOCOL_VERSION, templateLayout, type TemplateName } from '../../protocol/index.js';

/** A screen preset as `import-presets` takes it: one layout template and a camera per tile. */
export interface CameraPreset {
  number: number;
  name: string;
  template: TemplateName;
  cameraIds: readonly string[];
}

/**
 * An operator's workstation connection, as a bench drives the wall: layout changes go through
 * the real server (intent, validation, store, broadcast), exactly as an operator's would.
 */
export class WallOperator {
  private constructor(private readonly socket: Socket) {}

  /** Connects and says hello to `wallId` (an open loopback server: no token). */
  static async connect(serverUrl: string, wallId: string, screenId: string): Promise<WallOperator> {
    const socket = io(serverUrl, { transports: ['websocket'], reconnection: false });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    const reply = HelloReplySchema.parse(await socket.timeout(5000).emitWithAck(EVENTS.hello, { protocolVersion: PROTOCOL_VERSION, clientKind: 'workstation', wallId, screenId, token: null }));
    if (!reply.ok) throw new Error(`hello refused: ${reply.error.message}`);
    return new WallOperator(socket);
  }

  /** Replaces the wall's presets with these screen presets. */
  async importPresets(presets: readonly CameraPreset[]): Promise<void> {
    await this.intent({
      type: 'import-presets',
      presets: presets.map((preset) => ({
        number: preset.number,
        name: preset.name,
        scope: 'screen',
        screens: { screen: { layout: templateLayout(preset.template), contents: preset.cameraIds.map((cameraId) => ({ kind: 'camera', cameraId })) } },
      })),
    });
  }

  /** Applies a screen preset to `screenId`; resolves once the server has applied and broadcast it. */
  async applyPreset(number: number, screenId: string): Promise<void> {
    await this.intent({ type: 'apply-preset', number, screenId });
  }

  close(): void {
    this.socket.disconnect();
  }

  private async intent(intent: object): Promise<void> {
    const reply = IntentReplySchema.parse(await this.socket.timeout(5000).emitWithAck(EVENTS.intent, intent));
    if (!reply.ok) throw new Error(`intent refused: ${reply.error.code} ${reply.error.message}`);
  }
}
