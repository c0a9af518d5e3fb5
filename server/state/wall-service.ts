import {
  IntentSchema,
  QuerySchema,
  describeIssues,
  formatIssues,
  mayOperateWall,
  roleAtLeast,
  type Actor,
  type CatchUp,
  type Intent,
  type IntentReply,
  type Principal,
  type ProtocolError,
  type QueryReply,
  type WallChange,
  type WallConfig,
  type WallState,
} from '../../protocol/index.js';
import type { CameraCatalogue } from '../catalogue/camera-catalogue.js';
import { createLogger } from '../log.js';
import { initialWallState, reconcileWithConfig } from '../walls/wall-config.js';
import { applyIntent, revertPush, type AppliedIntent, type IntentContext } from './apply-intent.js';
import { SqlitePendingPushStore, type PendingPushStore } from './pending-push-store.js';
import { PushReverts, type PendingPush, type StartTimer } from './push-reverts.js';
import type { WallStore } from './wall-store.js';

const log = createLogger('state');

/** Who is acting: the principal from the token and the workstation the request came from. */
export interface Caller {
  principal: Principal;
  workstationId: string | null;
}

type ChangeListener = (wallId: string, change: WallChange) => void;

/** What the wall needs from the incidents feature; without it an incident cannot be pushed. */
export interface WallServiceOptions {
  /** An incident's related cameras, nearest first; undefined when there is no such incident. */
  incident?: (id: string) => { cameraIds: readonly string[] } | undefined;
  /** Timers for push reverts (tests hold the clock). */
  startTimer?: StartTimer;
  /** Where pending push reverts outlive a restart. Default: the wall store's own database. */
  pendingPushes?: PendingPushStore;
}

/** Who the audit names when a pushed incident's screen goes back by itself. */
export const PUSH_REVERT: Principal = { userId: 'push-revert', name: 'Sistem (kembali otomatis)', role: 'supervisor', walls: '*' };

function refusal(code: ProtocolError['code'], message: string, issues: ProtocolError['issues'] = []): { ok: false; error: ProtocolError } {
  return { ok: false, error: { code, message, issues } };
}

/**
 * The authority over every wall's shared state: validates, authorises and applies intents in
 * the order they arrive, persists each change with its history and audit line, and tells
 * listeners (the hub, which broadcasts) in sequence order.
 */
export class WallService {
  readonly #walls = new Map<string, WallState>();
  readonly #listeners = new Set<ChangeListener>();
  readonly #reverts: PushReverts;

  constructor(
    private readonly store: WallStore,
    configs: readonly WallConfig[],
    private readonly catalogue: CameraCatalogue,
    private readonly now: () => Date = () => new Date(),
    private readonly options: WallServiceOptions = {},
  ) {
    this.#reverts = new PushReverts({
      currentVersion: (wallId, screenId) => this.#walls.get(wallId)?.screens.find((screen) => screen.id === screenId)?.version,
      revert: (push, reason) => this.#revertPush(push, reason),
      now,
      store: options.pendingPushes ?? new SqlitePendingPushStore(store.database),
      ...(options.startTimer ? { startTimer: options.startTimer } : {}),
    });
    for (const config of configs) {
      const stored = store.loadWall(config.id);
      const state = stored ? reconcileWithConfig(stored, config) : initialWallState(config);
      store.saveWall(state);
      this.#walls.set(config.id, state);
      log.info(`wall "${config.id}": ${stored ? `restored at change ${state.sequence}` : 'created from the walls file'}`);
    }
  }

  /** The store's epoch: a client holding sequences of another epoch takes a snapshot. */
  get epoch(): string {
    return this.store.epoch;
  }

  /** The ids of every wall. */
  wallIds(): string[] {
    return [...this.#walls.keys()];
  }

  /** The current state of a wall, or undefined. */
  wall(wallId: string): WallState | undefined {
    return this.#walls.get(wallId);
  }

  /** Calls `listener` after every applied change; returns the unsubscribe function. */
  onChange(listener: ChangeListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Validates, authorises and applies one intent; a refusal changes nothing and is audited. */
  handleIntent(caller: Caller, wallId: string, payload: unknown): IntentReply {
    const state = this.#walls.get(wallId);
    if (!state) return refusal('unknown-wall', `no wall "${wallId}"`);
    const parsed = IntentSchema.safeParse(payload);
    if (!parsed.success) {
      const issues = describeIssues(parsed.error);
      return this.#refuse(caller, wallId, 'invalid', refusal('bad-request', `intent refused: ${formatIssues(issues)}`, issues));
    }
    const intent = parsed.data;
    if (!mayOperateWall(caller.principal, wallId)) {
      const why = caller.principal.role === 'viewer' ? 'viewers watch; they cannot change the wall' : `${caller.principal.name} is not assigned to wall "${wallId}"`;
      return this.#refuse(caller, wallId, intent.type, refusal('forbidden', `${intent.type} refused: ${why}`));
    }
    const outcome = applyIntent(state, intent, this.#context(caller, wallId));
    if (!outcome.ok) return this.#refuse(caller, wallId, intent.type, outcome);
    const reply = this.#commit(caller, wallId, state, intent.type, outcome);
    if (intent.type === 'push-incident') {
      const before = state.screens.find((screen) => screen.id === intent.screenId);
      const after = outcome.changedScreens.find((screen) => screen.id === intent.screenId);
      if (before && after) {
        this.#reverts.pushed({ wallId, screenId: intent.screenId, incidentId: intent.incidentId, before, pushedVersion: after.version }, intent.revertAfterSeconds ?? null);
      }
    }
    return reply;
  }

  /** Puts back every screen still showing a pushed incident that has now closed. */
  incidentClosed(incidentId: string): void {
    this.#reverts.incidentClosed(incidentId);
  }

  /**
   * Takes up the push reverts stored before a restart (see PushReverts.restore). Called once the
   * incidents are loaded, since whether a push's incident is still open decides what happens.
   */
  resumePushReverts(isIncidentOpen: (incidentId: string) => boolean): void {
    const stored = this.#reverts.restore(isIncidentOpen);
    if (stored > 0) log.info(`${stored} pushed screens from before the restart taken up; ${this.#reverts.pending().length} still waiting to go back`);
  }

  /** The pushed screens waiting to go back (for tests and diagnostics). */
  pendingPushes(): PendingPush[] {
    return this.#reverts.pending();
  }

  /** Stops the push-revert timers (the server is closing). */
  close(): void {
    this.#reverts.close();
  }

  /** Numbers, persists, audits and broadcasts an applied outcome; an outcome that changes nothing is not stored. */
  #commit(caller: Caller, wallId: string, state: WallState, action: string, outcome: AppliedIntent): IntentReply {
    const { change } = outcome;
    const changesSomething = change.screens?.length || change.presets || change.pins || change.briefing;
    if (!changesSomething) return { ok: true, sequence: state.sequence };

    const at = this.now().toISOString();
    const actor: Actor = { userId: caller.principal.userId, name: caller.principal.name, workstationId: caller.workstationId };
    const numbered: WallChange = { ...change, sequence: state.sequence + 1, at, actor };
    const next: WallState = { ...outcome.state, sequence: numbered.sequence };
    this.store.commit({
      wallId,
      state: next,
      change: numbered,
      changedScreens: outcome.changedScreens,
      changedPresets: outcome.changedPresets,
      audit: this.#auditEntry(caller, wallId, action, outcome.summary, 'applied', at),
    });
    this.#walls.set(wallId, next);
    for (const listener of this.#listeners) listener(wallId, numbered);
    return { ok: true, sequence: numbered.sequence };
  }

  #revertPush(push: PendingPush, reason: string): void {
    const state = this.#walls.get(push.wallId);
    if (!state) return;
    const caller: Caller = { principal: PUSH_REVERT, workstationId: null };
    const outcome = revertPush(state, push.before, reason);
    if (!outcome.ok) {
      log.warn(`revert of ${push.wallId}/${push.screenId} refused: ${outcome.error.message}`);
      return;
    }
    this.#commit(caller, push.wallId, state, 'revert-push', outcome);
    log.info(`${push.wallId}/${push.screenId} back to its layout before incident ${push.incidentId}: ${reason}`);
  }

  /** The changes after `sequence` of `epoch`, or null when the client must take a snapshot. */
  catchUp(wallId: string, epoch: string, sequence: number): Extract<CatchUp, { kind: 'changes' }> | null {
    const state = this.#walls.get(wallId);
    if (!state || epoch !== this.store.epoch || sequence > state.sequence) return null;
    const changes = this.store.changesSince(wallId, sequence, state.sequence);
    return changes ? { kind: 'changes', changes } : null;
  }

  /** Answers a supervisor's query (audit, history, preset export). */
  query(caller: Caller, wallId: string, payload: unknown): QueryReply {
    const parsed = QuerySchema.safeParse(payload);
    if (!parsed.success) {
      const issues = describeIssues(parsed.error);
      return refusal('bad-request', `query refused: ${formatIssues(issues)}`, issues);
    }
    const query = parsed.data;
    const state = this.#walls.get(wallId);
    if (!state) return refusal('unknown-wall', `no wall "${wallId}"`);
    const mayExport = query.type === 'export-presets' && mayOperateWall(caller.principal, wallId);
    if (!roleAtLeast(caller.principal.role, 'supervisor') && !mayExport) {
      return refusal('forbidden', `only supervisors may read the ${query.type === 'audit' ? 'audit log' : 'history'}`);
    }
    switch (query.type) {
      case 'audit':
        return { ok: true, result: { type: 'audit', entries: this.store.queryAudit({ wallId, limit: query.limit, beforeId: query.beforeId, userId: query.userId, action: query.action }) } };
      case 'screen-history':
        if (!state.screens.some((screen) => screen.id === query.screenId)) return refusal('not-found', `no screen "${query.screenId}"`);
        return { ok: true, result: { type: 'screen-history', entries: this.store.screenHistory(wallId, query.screenId, query.limit) } };
      case 'preset-history':
        return { ok: true, result: { type: 'preset-history', entries: this.store.presetHistory(wallId, query.number) } };
      case 'export-presets':
        return { ok: true, result: { type: 'export-presets', file: { format: 'pantau-presets', version: 1, wallId, exportedAt: this.now().toISOString(), presets: state.presets } } };
    }
  }

  /** Records an action of another feature (alert acknowledged, PTZ take-over) in the wall's audit log. */
  audit(caller: Caller, wallId: string, action: string, detail: string): void {
    this.store.audit(this.#auditEntry(caller, wallId, action, detail, 'applied', this.now().toISOString()));
  }

  #context(caller: Caller, wallId: string): IntentContext {
    const catalogue = this.catalogue;
    return {
      now: this.now(),
      actorName: caller.principal.name,
      role: caller.principal.role,
      hasCamera: (id) => catalogue.get(id) !== undefined,
      cameraIdByNumber: (number) => catalogue.byNumber(number)?.id,
      allCameraIds: () => catalogue.cameras.map((camera) => camera.id),
      screenAtVersion: (screenId, version) => this.store.screenAtVersion(wallId, screenId, version),
      presetAtVersion: (number, version) => this.store.presetAtVersion(wallId, number, version),
      incident: (id) => this.options.incident?.(id),
    };
  }

  #auditEntry(caller: Caller, wallId: string, action: string, detail: string, outcome: 'applied' | 'refused', at: string) {
    return { at, wallId, userId: caller.principal.userId, userName: caller.principal.name, workstationId: caller.workstationId, action, detail, outcome };
  }

  #refuse(caller: Caller, wallId: string, action: Intent['type'] | 'invalid', reply: { ok: false; error: ProtocolError }): IntentReply {
    this.store.audit(this.#auditEntry(caller, wallId, action, reply.error.message, 'refused', this.now().toISOString()));
    return reply;
  }
}
