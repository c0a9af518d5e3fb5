import { useEffect, useMemo, useState } from 'react';
import { PROTOCOL_VERSION, type Language } from '../../protocol/index.js';
import type { SetupDescription, SetupKey } from '../../protocol/workstation-config-setup.js';
import type { SetupBridge } from '../bridge/setup-bridge.js';
import { defaultAssignments, enrolmentCodeValid, serverUrlOrError, validateSetupForm, wallIdValid, type SetupFormError } from './setup-form.js';
import { setupStrings } from './strings.js';

type Status = { tone: 'ok' | 'bad' | 'busy'; text: string } | null;

/** A status line: words first, the colour and the mark only reinforce them. */
function StatusLine({ status, testId }: { status: Status; testId: string }) {
  if (status === null) return null;
  const tone = status.tone === 'busy' ? '' : ` setup__status--${status.tone}`;
  return (
    <p className={`setup__status${tone}`} role="status" data-testid={testId} data-tone={status.tone}>
      {status.text}
    </p>
  );
}

/**
 * The first-run setup: server address and its test, optional enrolment, the wall's screens, the
 * displays (with "identify"), which screen goes on which display, the wall's language, save.
 * Everything the page asks goes through the shell's setup bridge.
 */
export function SetupPage({ bridge }: { bridge: SetupBridge | null }) {
  const [description, setDescription] = useState<SetupDescription | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [serverUrl, setServerUrl] = useState('');
  const [serverStatus, setServerStatus] = useState<Status>(null);
  const [code, setCode] = useState('');
  const [enrolStatus, setEnrolStatus] = useState<Status>(null);
  const [wallId, setWallId] = useState('');
  const [wallScreens, setWallScreens] = useState<{ id: string; name: string }[] | null>(null);
  const [wallStatus, setWallStatus] = useState<Status>(null);
  const [assignments, setAssignments] = useState<Record<string, number | null>>({});
  const [language, setLanguage] = useState<Language>('id');
  const [identifyStatus, setIdentifyStatus] = useState<Status>(null);
  const [saveStatus, setSaveStatus] = useState<Status>(null);
  const [formErrors, setFormErrors] = useState<SetupFormError[]>([]);

  useEffect(() => {
    if (bridge === null) return;
    let live = true;
    void bridge.describe().then((reply) => {
      if (!live) return;
      if (!reply.ok) return setLoadError(reply.error);
      const found = reply.value;
      setDescription(found);
      setServerUrl(found.current.serverUrl ?? '');
      setWallId(found.current.wallId ?? '');
      setLanguage(found.current.language);
      if (found.current.screens !== null) {
        setWallScreens(found.current.screens.map((s) => ({ id: s.screenId, name: s.screenId })));
        setAssignments(Object.fromEntries(found.current.screens.map((s) => [s.screenId, s.position])));
      }
    });
    return () => {
      live = false;
    };
  }, [bridge]);

  const strings = setupStrings(description?.language ?? 'id');
  const locked = useMemo<readonly SetupKey[]>(() => description?.locked ?? [], [description]);
  const isLocked = (key: SetupKey): boolean => locked.includes(key);

  if (bridge === null || loadError !== null) {
    return (
      <main className="setup">
        <h1>{strings.title}</h1>
        <p className="setup__status setup__status--bad" role="alert">
          {bridge === null ? strings.noBridge : strings.shellError(loadError ?? '')}
        </p>
      </main>
    );
  }
  if (description === null) return <main className="setup" data-testid="setup-loading" />;

  const testConnection = async (): Promise<void> => {
    const server = serverUrlOrError(serverUrl, strings);
    if (!server.ok) return setServerStatus({ tone: 'bad', text: server.message });
    setServerStatus({ tone: 'busy', text: strings.testing });
    const reply = await bridge.checkServer(server.url);
    if (!reply.ok) return setServerStatus({ tone: 'bad', text: strings.shellError(reply.error) });
    const check = reply.value;
    setServerStatus(check.ok ? { tone: 'ok', text: strings.serverOk(check.serverUrl, check.protocolVersion) } : { tone: 'bad', text: strings.serverProblem(check.problem, server.url, check.detail, check.serverProtocol, PROTOCOL_VERSION) });
  };

  const enrol = async (): Promise<void> => {
    const server = serverUrlOrError(serverUrl, strings);
    if (!server.ok) return setEnrolStatus({ tone: 'bad', text: server.message });
    if (!enrolmentCodeValid(code)) return setEnrolStatus({ tone: 'bad', text: strings.codeInvalid });
    setEnrolStatus({ tone: 'busy', text: strings.enrolling });
    const reply = await bridge.enrol(server.url, code);
    if (!reply.ok) return setEnrolStatus({ tone: 'bad', text: strings.shellError(reply.error) });
    const result = reply.value;
    setEnrolStatus(result.ok ? { tone: 'ok', text: strings.enrolled(result.workstationId, result.role) } : { tone: 'bad', text: strings.enrolProblem(result.problem, result.detail) });
  };

  const listScreens = async (): Promise<void> => {
    const server = serverUrlOrError(serverUrl, strings);
    if (!server.ok) return setWallStatus({ tone: 'bad', text: server.message });
    if (!wallIdValid(wallId)) return setWallStatus({ tone: 'bad', text: strings.errors.wallInvalid });
    setWallStatus({ tone: 'busy', text: strings.listing });
    const reply = await bridge.listScreens(server.url, wallId.trim());
    if (!reply.ok) return setWallStatus({ tone: 'bad', text: strings.shellError(reply.error) });
    const wall = reply.value;
    if (!wall.ok) return setWallStatus({ tone: 'bad', text: strings.wallProblem(wall.problem, wallId.trim(), wall.detail) });
    setWallStatus({ tone: 'ok', text: strings.wallFound(wall.wallName, wall.screens.length) });
    if (!isLocked('screens')) {
      setWallScreens(wall.screens);
      setAssignments((previous) => defaultAssignments(wall.screens.map((s) => s.id), description.displays.length, previous));
    }
  };

  const identify = async (): Promise<void> => {
    const shown = await bridge.identifyDisplays();
    setIdentifyStatus(shown ? null : { tone: 'bad', text: strings.identifyUnavailable });
  };

  const save = async (): Promise<void> => {
    const form = validateSetupForm({ serverUrl, wallId, language, wallScreens: wallScreens?.map((s) => s.id) ?? null, assignments }, locked, strings);
    if (!form.ok) {
      setFormErrors(form.errors);
      setSaveStatus(null);
      return;
    }
    setFormErrors([]);
    setSaveStatus({ tone: 'busy', text: strings.saving });
    const reply = await bridge.save(form.request);
    if (!reply.ok) return setSaveStatus({ tone: 'bad', text: strings.shellError(reply.error) });
    setSaveStatus(reply.value.saved ? { tone: 'ok', text: strings.saved } : { tone: 'bad', text: strings.saveFailed(reply.value.error) });
  };

  const lockNote = <span className="setup__locked">🔒 {strings.locked}</span>;

  return (
    <main className="setup" data-testid="setup" lang={description.language}>
      <h1>{strings.title}</h1>
      <p className="setup__intro">{strings.intro}</p>
      <p className="setup__machine">{strings.machine(description.machineName)}</p>

      <section className="setup__section" aria-labelledby="setup-server">
        <h2 id="setup-server">{strings.serverHeading}</h2>
        <div className="setup__row">
          <label htmlFor="server-url">{strings.serverLabel}</label>
          <input id="server-url" data-testid="server-url" type="url" value={serverUrl} placeholder={strings.serverHint} readOnly={isLocked('serverUrl')} onChange={(e) => setServerUrl(e.target.value)} />
          <button type="button" data-testid="test-connection" onClick={() => void testConnection()} disabled={serverStatus?.tone === 'busy'}>
            {strings.testConnection}
          </button>
          {isLocked('serverUrl') && lockNote}
        </div>
        <StatusLine status={serverStatus} testId="server-status" />
      </section>

      <section className="setup__section" aria-labelledby="setup-enrol">
        <h2 id="setup-enrol">{strings.enrolHeading}</h2>
        <p className="setup__hint">{description.enrolled ? strings.alreadyEnrolled : strings.enrolHint}</p>
        <div className="setup__row">
          <label htmlFor="enrol-code">{strings.codeLabel}</label>
          <input id="enrol-code" data-testid="enrol-code" value={code} placeholder="7KQM-R2XD" autoComplete="off" onChange={(e) => setCode(e.target.value)} />
          <button type="button" data-testid="enrol" onClick={() => void enrol()} disabled={enrolStatus?.tone === 'busy'}>
            {strings.enrol}
          </button>
        </div>
        <StatusLine status={enrolStatus} testId="enrol-status" />
      </section>

      <section className="setup__section" aria-labelledby="setup-wall">
        <h2 id="setup-wall">{strings.wallHeading}</h2>
        <div className="setup__row">
          <label htmlFor="wall-id">{strings.wallLabel}</label>
          <input id="wall-id" data-testid="wall-id" value={wallId} placeholder="tmc" readOnly={isLocked('wallId')} onChange={(e) => setWallId(e.target.value)} />
          <button type="button" data-testid="list-screens" onClick={() => void listScreens()} disabled={wallStatus?.tone === 'busy'}>
            {strings.listScreens}
          </button>
          {isLocked('wallId') && lockNote}
        </div>
        <StatusLine status={wallStatus} testId="wall-status" />
      </section>

      <section className="setup__section" aria-labelledby="setup-displays">
        <h2 id="setup-displays">{strings.displaysHeading}</h2>
        <button type="button" data-testid="identify-displays" onClick={() => void identify()}>
          {strings.identify}
        </button>
        <StatusLine status={identifyStatus} testId="identify-status" />
        <ul className="setup__displays" data-testid="displays">
          {description.displays.length === 0 && <li>{strings.noDisplays}</li>}
          {description.displays.map((d) => (
            <li key={d.number}>{strings.display(d.number, d.label, d.width, d.height)}</li>
          ))}
        </ul>
      </section>

      <section className="setup__section" aria-labelledby="setup-assign">
        <h2 id="setup-assign">{strings.assignHeading}</h2>
        <p className="setup__hint">{strings.assignHint}</p>
        {isLocked('screens') && lockNote}
        {wallScreens !== null && (
          <table className="setup__screens" data-testid="screens">
            <tbody>
              {wallScreens.map((screen) => (
                <tr key={screen.id} data-testid="screen-choice" data-screen-id={screen.id}>
                  <th scope="row">
                    <label htmlFor={`screen-${screen.id}`}>{screen.name === screen.id ? screen.id : `${screen.name} (${screen.id})`}</label>
                  </th>
                  <td>
                    <select
                      id={`screen-${screen.id}`}
                      value={String(assignments[screen.id] ?? '')}
                      disabled={isLocked('screens')}
                      onChange={(e) => setAssignments({ ...assignments, [screen.id]: e.target.value === '' ? null : Number(e.target.value) })}
                    >
                      <option value="">{strings.notShown}</option>
                      {description.displays.map((d) => (
                        <option key={d.number} value={String(d.number)}>
                          {strings.onDisplay(d.number, d.label)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div className="setup__row" style={{ marginTop: 16 }}>
          <label htmlFor="wall-language">{strings.languageLabel}</label>
          <select id="wall-language" data-testid="wall-language" value={language} disabled={isLocked('language')} onChange={(e) => setLanguage(e.target.value === 'en' ? 'en' : 'id')}>
            <option value="id">{strings.languageNames.id}</option>
            <option value="en">{strings.languageNames.en}</option>
          </select>
          {isLocked('language') && lockNote}
        </div>
      </section>

      {formErrors.length > 0 && (
        <ul className="setup__errors" role="alert" data-testid="form-errors">
          {formErrors.map((error) => (
            <li key={`${error.field}:${error.message}`}>{error.message}</li>
          ))}
        </ul>
      )}
      <button type="button" className="setup__save" data-testid="save" onClick={() => void save()} disabled={saveStatus?.tone === 'busy' || saveStatus?.tone === 'ok'}>
        {strings.save}
      </button>
      <StatusLine status={saveStatus} testId="save-status" />
    </main>
  );
}
