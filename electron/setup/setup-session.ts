import { hostname } from 'node:os';
import type { Language, WorkstationConfigLayer } from '../../protocol/index.js';
import {
  SETUP_KEYS,
  type EnrolResult,
  type ServerCheck,
  type SetupDescription,
  type SetupSaveRequest,
  type SetupSaveResult,
  type WallScreens,
} from '../../protocol/workstation-config-setup.js';
import type { ResolvedConfig } from '../config/workstation-config.js';
import type { VaultStatus } from '../config/token-vault.js';
import { displaysInPositionOrder, type DisplayInfo } from '../displays/plan-screens.js';
import { exchangeEnrolmentCode, type FetchLike } from '../enrolment/enrol-client.js';
import { checkServer, describeFetchFailure, type HealthFetch } from './server-check.js';
import { listWallScreens, type HelloTransport } from './wall-screens.js';

/** What the setup session needs from the shell; injected so tests run without Electron. */
export interface SetupSessionDeps {
  machineName?: string;
  /** The displays connected now. */
  displays(): DisplayInfo[];
  /** The configuration from every layer, as it stands now. */
  resolved(): ResolvedConfig;
  /** What the settings store holds now (kept: the setup changes only its own keys). */
  localLayer(): WorkstationConfigLayer;
  /** Resolves the configuration as it would be with `local` as the saved settings; throws ConfigError when it is invalid. */
  resolveWith(local: WorkstationConfigLayer): ResolvedConfig;
  vault: { status(): VaultStatus; store(token: string): void };
  fetchHealth: HealthFetch;
  fetchEnrol: FetchLike;
  hello: HelloTransport;
  /** Writes the local settings layer (the settings store). */
  saveLayer(layer: WorkstationConfigLayer): void;
  /** Called once after a successful save: close the setup, open the wall. */
  onSaved(): void;
}

const LOCK_REASON = 'set by the provisioning file, the environment or the command line';

/**
 * The first-run setup's work in the main process: what to show, the server and wall checks,
 * enrolment (the device token stays here until it is saved into the vault) and the save.
 */
export class SetupSession {
  #pendingToken: string | null = null;
  #saved = false;
  readonly #machineName: string;

  constructor(private readonly deps: SetupSessionDeps) {
    this.#machineName = deps.machineName ?? hostname();
  }

  /** The language the setup speaks: the configuration's (Indonesian unless IT set English). */
  get language(): Language {
    return this.deps.resolved().config.language;
  }

  /** Displays, current settings (null where only the demo default sets them), locked keys, token storage. */
  describe(): SetupDescription {
    const resolved = this.deps.resolved();
    const { config, sources } = resolved;
    const configured = (key: string): boolean => sources[key] !== undefined && sources[key] !== 'built-in';
    const status = this.deps.vault.status();
    return {
      language: config.language,
      machineName: this.#machineName,
      displays: displaysInPositionOrder(this.deps.displays()).map((display, index) => ({
        number: index + 1,
        label: display.label,
        width: display.bounds.width,
        height: display.bounds.height,
        x: display.bounds.x,
        y: display.bounds.y,
      })),
      current: {
        serverUrl: configured('serverUrl') ? config.serverUrl : null,
        wallId: configured('wallId') ? config.wallId : null,
        language: config.language,
        screens: configured('screens') ? config.screens.map((s) => ({ screenId: s.screenId, position: s.display?.position ?? null })) : null,
      },
      locked: SETUP_KEYS.filter((key) => resolved.locked.includes(key)),
      tokenStorage: status.usable ? { usable: true, reason: null } : { usable: false, reason: status.reason },
      enrolled: this.#pendingToken !== null || config.token !== null,
    };
  }

  /** Tests a server address (GET /healthz). */
  checkServer(serverUrl: string): Promise<ServerCheck> {
    return checkServer(serverUrl, this.deps.fetchHealth);
  }

  /** The wall's screens, asked with the enrolled token when there is one. */
  listScreens(serverUrl: string, wallId: string): Promise<WallScreens> {
    return listWallScreens(serverUrl, wallId, this.#pendingToken ?? this.deps.resolved().config.token, this.#machineName, this.deps.hello);
  }

  /**
   * Exchanges a one-time code for the device token. Refused before sending where the token could
   * not be kept encrypted: exchanging would spend the code for nothing.
   */
  async enrol(serverUrl: string, code: string): Promise<EnrolResult> {
    const status = this.deps.vault.status();
    if (!status.usable) return { ok: false, problem: 'no-safe-storage', detail: status.reason };
    try {
      const reply = await exchangeEnrolmentCode(serverUrl, code, this.#machineName, this.deps.fetchEnrol);
      this.#pendingToken = reply.deviceToken;
      return { ok: true, workstationId: reply.workstationId, role: reply.role };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (message.startsWith('enrolment refused') || message.startsWith('enrolment reply') || message.startsWith('enrolment code')) return { ok: false, problem: 'refused', detail: message.slice(0, 500) };
      return { ok: false, problem: 'unreachable', detail: describeFetchFailure(error).detail };
    }
  }

  /**
   * Saves the chosen settings: locked keys refused, the result validated as a whole configuration,
   * the enrolled token into the vault, then the settings file; only then the wall opens.
   */
  save(request: SetupSaveRequest): SetupSaveResult {
    if (this.#saved) return { saved: false, error: 'already saved; the wall is opening' };
    const resolved = this.deps.resolved();
    const lockedSent = SETUP_KEYS.filter((key) => request[key] !== undefined && resolved.locked.includes(key));
    if (lockedSent.length > 0) return { saved: false, error: `${lockedSent.join(', ')}: ${LOCK_REASON}; not changed here` };
    const layer: WorkstationConfigLayer = {
      ...this.deps.localLayer(),
      ...(request.serverUrl === undefined ? {} : { serverUrl: request.serverUrl }),
      ...(request.wallId === undefined ? {} : { wallId: request.wallId }),
      ...(request.language === undefined ? {} : { language: request.language }),
      ...(request.screens === undefined ? {} : { screens: request.screens.map((s) => ({ screenId: s.screenId, display: { position: s.display.position } })) }),
    };
    let next: ResolvedConfig;
    try {
      next = this.deps.resolveWith(layer);
    } catch (error) {
      return { saved: false, error: error instanceof Error ? error.message : String(error) };
    }
    if (next.sources.serverUrl === 'built-in') return { saved: false, error: 'serverUrl: a server address is needed' };
    if (this.#pendingToken !== null) {
      try {
        this.deps.vault.store(this.#pendingToken);
      } catch (error) {
        return { saved: false, error: error instanceof Error ? error.message : String(error) };
      }
    }
    this.deps.saveLayer(layer);
    this.#saved = true;
    this.deps.onSaved();
    return { saved: true };
  }
}
