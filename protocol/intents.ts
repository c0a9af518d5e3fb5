import { z } from 'zod';
import { CameraIdSchema, IdSchema } from './catalogue.js';
import { IncidentIdSchema } from './incidents.js';
import { LayoutSchema, TemplateNameSchema } from './layout.js';
import { ProtocolErrorSchema } from './errors.js';
import {
  PresetNumberSchema,
  PresetScreenSchema,
  PresetSchema,
  PinSchema,
  ScreenStateSchema,
  BriefingStateSchema,
  TileContentSchema,
  type WallState,
} from './wall-state.js';

const screenId = IdSchema;
const tileIndex = z.number().int().min(0).max(63);

/**
 * What a client asks the server to do to its wall. The server validates, authorises, applies,
 * persists and broadcasts each one, in the order it receives them.
 */
export const IntentSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('set-layout'), screenId, layout: z.union([TemplateNameSchema, LayoutSchema]) }),
  /** The camera by id, or by the number operators type. */
  z.strictObject({
    type: z.literal('put-camera'),
    screenId,
    tileIndex,
    camera: z.union([z.strictObject({ id: CameraIdSchema }), z.strictObject({ number: z.number().int().min(1).max(99999) })]),
  }),
  z.strictObject({ type: z.literal('set-tile'), screenId, tileIndex, content: TileContentSchema }),
  z.strictObject({ type: z.literal('swap-tiles'), screenId, tileIndex, otherTileIndex: tileIndex }),
  z.strictObject({ type: z.literal('maximise-tile'), screenId, tileIndex: tileIndex.nullable() }),
  z.strictObject({ type: z.literal('clear-tile'), screenId, tileIndex }),
  z.strictObject({ type: z.literal('tile-history'), screenId, tileIndex, direction: z.enum(['back', 'forward']) }),
  z.strictObject({ type: z.literal('show-group'), screenId, groupId: IdSchema.nullable() }),
  z.strictObject({ type: z.literal('page'), screenId, direction: z.enum(['next', 'previous']) }),
  z.strictObject({ type: z.literal('apply-preset'), number: PresetNumberSchema, screenId }),
  z.strictObject({ type: z.literal('save-preset'), number: PresetNumberSchema, name: z.string().trim().min(1).max(80), scope: z.enum(['screen', 'wall']), screenId }),
  z.strictObject({ type: z.literal('delete-preset'), number: PresetNumberSchema }),
  z.strictObject({
    type: z.literal('import-presets'),
    presets: z.array(z.strictObject({ number: PresetNumberSchema, name: z.string().trim().min(1).max(80), scope: z.enum(['screen', 'wall']), screens: z.record(z.string(), PresetScreenSchema) })).min(1).max(99),
  }),
  z.strictObject({ type: z.literal('pin'), screenId, cameraId: CameraIdSchema, tileIndex: tileIndex.nullable() }),
  z.strictObject({ type: z.literal('unpin'), screenId, cameraId: CameraIdSchema }),
  z.strictObject({ type: z.literal('restore-screen-version'), screenId, version: z.number().int().min(0) }),
  z.strictObject({ type: z.literal('restore-preset-version'), number: PresetNumberSchema, version: z.number().int().min(1) }),
  z.strictObject({ type: z.literal('set-briefing'), incidentIds: z.array(z.string().max(128)).max(200).optional(), index: z.number().int().min(0) }),
  /**
   * A whole incident to a screen: the briefing of it (map, details, timeline) and its related
   * cameras. The screen goes back to what it showed before when the incident closes, and after
   * `revertAfterSeconds` when given; a change by anyone to the screen in between keeps it.
   */
  z.strictObject({
    type: z.literal('push-incident'),
    screenId,
    incidentId: IncidentIdSchema,
    revertAfterSeconds: z.number().int().min(5).max(86_400).nullable().optional(),
  }),
]);
export type Intent = z.infer<typeof IntentSchema>;
export type IntentType = Intent['type'];

/** The answer to an intent: the sequence number of the change it made, or why nothing changed. */
export const IntentReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), sequence: z.number().int().min(0) }),
  z.object({ ok: z.literal(false), error: ProtocolErrorSchema }),
]);
export type IntentReply = z.infer<typeof IntentReplySchema>;

/** Who made a change, as the server knows them. */
export const ActorSchema = z.object({
  userId: z.string(),
  name: z.string(),
  workstationId: z.string().nullable(),
});
export type Actor = z.infer<typeof ActorSchema>;

/**
 * One applied change, broadcast to every screen of the wall. It carries the new state of what
 * changed (whole screens, the whole preset list, the whole pin list), so applying it is a replace.
 */
export const WallChangeSchema = z.object({
  sequence: z.number().int().min(1),
  at: z.iso.datetime(),
  actor: ActorSchema,
  intentType: z.string(),
  screens: z.array(ScreenStateSchema).optional(),
  presets: z.array(PresetSchema).optional(),
  pins: z.array(PinSchema).optional(),
  briefing: BriefingStateSchema.optional(),
});
export type WallChange = z.infer<typeof WallChangeSchema>;

/** Applies a change to a wall state, returning the new state; the change must be the next in sequence. */
export function applyWallChange(state: WallState, change: WallChange): WallState {
  const replaced = new Map((change.screens ?? []).map((screen) => [screen.id, screen]));
  return {
    ...state,
    sequence: change.sequence,
    screens: state.screens.map((screen) => replaced.get(screen.id) ?? screen),
    presets: change.presets ?? state.presets,
    pins: change.pins ?? state.pins,
    briefing: change.briefing ?? state.briefing,
  };
}

/** A client asking for the changes after `sequence` (it noticed a gap). */
export const SyncRequestSchema = z.strictObject({ sequence: z.number().int().min(0) });

/** Queries a supervisor may make; the reply is QueryReply. */
export const QuerySchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('audit'),
    limit: z.number().int().min(1).max(500).default(100),
    beforeId: z.number().int().min(1).optional(),
    userId: z.string().max(64).optional(),
    action: z.string().max(64).optional(),
  }),
  z.strictObject({ type: z.literal('screen-history'), screenId, limit: z.number().int().min(1).max(200).default(50) }),
  z.strictObject({ type: z.literal('preset-history'), number: PresetNumberSchema }),
  z.strictObject({ type: z.literal('export-presets') }),
]);
export type Query = z.infer<typeof QuerySchema>;

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  at: z.iso.datetime(),
  wallId: z.string(),
  userId: z.string(),
  userName: z.string(),
  workstationId: z.string().nullable(),
  action: z.string(),
  detail: z.string(),
  outcome: z.enum(['applied', 'refused']),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const HistoryEntrySchema = z.object({
  version: z.number().int(),
  at: z.iso.datetime(),
  by: z.string(),
  action: z.string(),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

/** What a preset export file holds; import takes the same `presets` list. */
export const PresetExportFileSchema = z.object({
  format: z.literal('pantau-presets'),
  version: z.literal(1),
  wallId: z.string(),
  exportedAt: z.iso.datetime(),
  presets: z.array(PresetSchema),
});
export type PresetExportFile = z.infer<typeof PresetExportFileSchema>;

export const QueryReplySchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    result: z.discriminatedUnion('type', [
      z.object({ type: z.literal('audit'), entries: z.array(AuditEntrySchema) }),
      z.object({ type: z.literal('screen-history'), entries: z.array(HistoryEntrySchema) }),
      z.object({ type: z.literal('preset-history'), entries: z.array(HistoryEntrySchema) }),
      z.object({ type: z.literal('export-presets'), file: PresetExportFileSchema }),
    ]),
  }),
  z.object({ ok: z.literal(false), error: ProtocolErrorSchema }),
]);
export type QueryReply = z.infer<typeof QueryReplySchema>;
