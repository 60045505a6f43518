// The token playground page: paste a token, see its fields, its timeline and why the
// platform would refuse it. It runs the library itself (inspectToken, diagnoseToken, the
// named-options builders); the only request it ever makes is "Fetch from server", and that
// request carries no certificate. Nothing is stored.

import {
  AgoraTokenError,
  DIAGNOSIS_CODES,
  type DiagnoseOptions,
  type DiagnoseService,
  type DiagnosisFinding,
  NO_OWN_LIMIT,
  type InspectedPrivilege,
  type InspectedTime,
  type TokenInspection,
  buildChatToken,
  buildRtcToken,
  buildRtmToken,
  inspectToken,
} from '../index.js';
import { runDiagnosis } from '../inspect/diagnose.js';
import { formatDuration, formatRelative } from '../inspect/time.js';
import { byId, el, fill } from './dom.js';
import { HINTS } from './hints.js';
import { type Timeline, type TimelineMarker, timelineOf } from './timeline.js';

const input = <T extends HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement = HTMLInputElement>(id: string): T => byId<T>(id);

const tokenBox = input<HTMLTextAreaElement>('token');
const joinFields = ['channel', 'identity-kind', 'identity', 'user-id', 'service', 'app-id', 'app-certificate'];

/** The page's clock in Unix seconds (the tests fake it). */
const nowSeconds = (): number => Math.floor(Date.now() / 1000);

function describeError(error: unknown): string {
  if (error instanceof AgoraTokenError) return `${error.message} (${error.code})`;
  return error instanceof Error ? error.message : String(error);
}

// ---------------------------------------------------------------- join parameters

/** The diagnosis options from the form; empty fields are not given. */
function joinOptions(now: number): DiagnoseOptions {
  const value = (id: string): string | undefined => {
    const text = input(id).value;
    return text === '' ? undefined : text;
  };
  const identity = value('identity');
  const asUid = input('identity-kind').value === 'uid';
  let uid: number | undefined;
  if (identity !== undefined && asUid) {
    // Anything but plain digits goes to diagnoseToken as is, which names the problem.
    uid = /^[0-9]{1,10}$/.test(identity) ? Number(identity) : (identity as unknown as number);
  }
  return {
    now,
    channelName: value('channel'),
    uid,
    account: asUid ? undefined : identity,
    userId: value('user-id'),
    service: value('service') as DiagnoseService | undefined,
    appId: value('app-id'),
    appCertificate: value('app-certificate'),
  };
}

// ---------------------------------------------------------------- rendering

function timeText(time: InspectedTime, now: number): string {
  return `${time.iso} (${formatRelative(time.unix, now)})`;
}

function expiryText(time: InspectedTime | typeof NO_OWN_LIMIT | null, now: number): string {
  if (time === null) return 'none (this format has no expiry)';
  return time === NO_OWN_LIMIT ? 'no own limit (the platform allows 24 h after issue)' : timeText(time, now);
}

function rows(entries: ReadonlyArray<readonly [string, string]>): HTMLDListElement {
  return el('dl', { class: 'fields' }, ...entries.flatMap(([name, value]) => [el('dt', {}, name), el('dd', {}, value)]));
}

function privilegeTable(privileges: readonly InspectedPrivilege[], now: number, after: (p: InspectedPrivilege) => string): HTMLElement {
  if (privileges.length === 0) return el('p', { class: 'hint' }, 'no privileges');
  return el(
    'table',
    { class: 'privileges' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'privilege'), el('th', { scope: 'col' }, 'id'), el('th', { scope: 'col' }, 'value'), el('th', { scope: 'col' }, 'expires'))),
    el('tbody', {}, ...privileges.map((p) => el('tr', {}, el('td', {}, p.name), el('td', {}, String(p.id)), el('td', {}, after(p)), el('td', {}, expiryText(p.expiresAt, now))))),
  );
}

function renderFields(info: TokenInspection, now: number): Node[] {
  if (info.version === 'legacy') {
    return [
      rows([
        ['version', `legacy key: ${info.formatName}`],
        ['App ID', info.appId],
        ['issued', info.issuedAt === null ? 'not recorded' : timeText(info.issuedAt, now)],
        ['expires', expiryText(info.expiresAt, now)],
        ['random', info.randomInt === null ? '—' : String(info.randomInt)],
        ['uid', info.uid === null ? '—' : String(info.uid)],
        ['service', info.service ?? '—'],
        ['signature', `${info.signature} (not verified)`],
      ]),
    ];
  }
  if (info.version === '006') {
    return [
      rows([
        ['version', '006 (AccessToken)'],
        ['App ID', info.appId],
        ['issued', `${timeText(info.issuedAt, now)}, estimated as ts − 24 h`],
        ['message ts', timeText(info.ts, now)],
        ['expires', expiryText(info.expiresAt, now)],
        ['salt', String(info.salt)],
        ['kind', info.kind],
        ['channel CRC-32', `0x${info.crcChannelName.toString(16).padStart(8, '0')}`],
        ['uid CRC-32', `0x${info.crcUid.toString(16).padStart(8, '0')}${info.uidWildcard ? ' (uid 0: any uid)' : ''}`],
        ['signature', `${info.signature} (not verified)`],
      ]),
      el('h3', {}, 'privileges'),
      privilegeTable(info.privileges, now, (p) => (p.value === 0 ? '0' : `${p.value} (Unix time)`)),
    ];
  }
  const nodes: Node[] = [
    rows([
      ['version', '007 (AccessToken2)'],
      ['App ID', info.appId],
      ['issued', timeText(info.issuedAt, now)],
      ['expires', `${expiryText(info.expiresAt, now)}${info.expire > 0 ? `, ${formatDuration(info.expire)} after issue` : ''}`],
      ['salt', String(info.salt)],
      ['services', info.services.map((s) => s.name).join(', ') || 'none'],
      ['signature', `${info.signature} (not verified)`],
    ]),
  ];
  for (const service of info.services) {
    const fields: Array<readonly [string, string]> = [['type', String(service.type)]];
    for (const [name, value] of Object.entries(service)) {
      if (name === 'type' || name === 'name' || name === 'privileges') continue;
      fields.push([name, typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value)]);
    }
    nodes.push(
      el('h3', {}, `${service.name} service`),
      rows(fields),
      privilegeTable(service.privileges, now, (p) => (p.value === 0 ? '0 (the token’s)' : `${p.value} s after issue`)),
    );
  }
  if (info.unparsed !== undefined) nodes.push(el('p', { class: 'hint' }, `unread: service type ${info.unparsed.type} and ${info.unparsed.count} more`));
  return nodes;
}

const STRENGTH: readonly TimelineMarker['kind'][] = ['expires', 'now', 'limit', 'privilege', 'issued'];

function renderTimeline(line: Timeline | undefined, now: number): Node[] {
  if (line === undefined) return [el('p', { class: 'hint' }, 'This key carries no times to draw.')];
  const track = el('div', { class: 'track', 'aria-hidden': 'true' });
  // Events at the same instant share one line (a token's privileges usually end with it).
  const groups: Array<{ at: number; position: number; markers: TimelineMarker[] }> = [];
  for (const marker of line.markers) {
    const last = groups.at(-1);
    if (last !== undefined && last.at === marker.at) last.markers.push(marker);
    else groups.push({ at: marker.at, position: marker.position, markers: [marker] });
  }
  groups.forEach((group, index) => {
    // The strongest kind names and colours the line: an expiry over a limit over a privilege.
    const rank = (m: TimelineMarker): number => STRENGTH.indexOf(m.kind);
    const named = [...group.markers].sort((a, b) => rank(a) - rank(b));
    const kind = named[0]!.kind;
    const others = named.length - 1;
    const label = others === 0 ? named[0]!.label : others === 1 ? `${named[0]!.label}, ${named[1]!.label}` : `${named[0]!.label} + ${others} more`;
    const node = el(
      'div',
      { class: `marker ${kind} lane-${index % 3}${group.position > 0.66 ? ' end' : ''}`, 'data-kinds': group.markers.map((m) => m.kind).join(' '), 'data-at': String(group.at) },
      el('span', {}, label),
    );
    // CSSOM, not a style attribute: the page's CSP allows no inline style attributes.
    node.style.left = `${(group.position * 100).toFixed(4)}%`;
    track.append(node);
  });
  const expired = line.markers.some((m) => m.kind === 'expires' && m.at <= now) || line.markers.some((m) => m.kind === 'limit' && m.at <= now);
  if (expired) track.classList.add('past');
  const list = el(
    'ol',
    { class: 'events' },
    ...line.markers.map((m) => el('li', { 'data-kind': m.kind, 'data-at': String(m.at) }, el('span', { class: `dot ${m.kind}` }), `${m.label}: `, el('time', { datetime: new Date(m.at * 1000).toISOString() }, new Date(m.at * 1000).toISOString().replace('.000Z', 'Z')), m.kind === 'now' ? '' : ` (${formatRelative(m.at, now)})`)),
  );
  return [el('figure', {}, track, el('figcaption', { class: 'sr-only' }, 'Timeline of the token, drawn to scale; the list below has the same events in order.')), list];
}

function renderFinding(f: DiagnosisFinding): HTMLLIElement {
  return el(
    'li',
    { class: `finding ${f.severity}`, 'data-code': f.code, 'data-severity': f.severity },
    el('span', { class: 'severity' }, f.severity),
    ' ',
    el('code', { class: 'code', title: DIAGNOSIS_CODES[f.code].description }, f.code),
    el('p', { class: 'message' }, f.message),
    el('p', { class: 'fix' }, el('strong', {}, 'What to change: '), HINTS[f.code]),
  );
}

function render(): void {
  const now = nowSeconds();
  const token = tokenBox.value;
  const verdict = byId('verdict');
  const findingsList = byId<HTMLUListElement>('findings');
  if (token.trim() === '') {
    verdict.className = '';
    fill(verdict, 'Paste a token above, or build one below.');
    fill(findingsList);
    fill(byId('fields'));
    fill(byId('timeline'));
    fill(byId('countdown'));
    return;
  }
  let findings: DiagnosisFinding[] = [];
  let decodedText: string | undefined;
  try {
    ({ findings, decodedText } = runDiagnosis(token, joinOptions(now)));
  } catch (error) {
    // Only misuse of the options throws: a join parameter the checks cannot take.
    verdict.className = 'error';
    fill(verdict, `Join parameters: ${describeError(error)}`);
    fill(findingsList);
    decodedText = token.trim();
  }
  if (findings.length > 0) {
    const errors = findings.filter((f) => f.severity === 'error').length;
    verdict.className = errors > 0 ? 'error' : 'ok';
    fill(verdict, errors > 0 ? `The platform would refuse this token: ${errors} error${errors === 1 ? '' : 's'}.` : 'No error: the platform would accept this token for this use.');
    fill(findingsList, ...findings.map(renderFinding));
  }
  let info: TokenInspection | undefined;
  try {
    info = decodedText === undefined ? undefined : inspectToken(decodedText);
  } catch {
    info = undefined;
  }
  if (info === undefined) {
    fill(byId('fields'), el('p', { class: 'hint' }, 'The token cannot be decoded: see the diagnosis.'));
    fill(byId('timeline'));
    fill(byId('countdown'));
    return;
  }
  fill(byId('fields'), ...renderFields(info, now));
  fill(byId('timeline'), ...renderTimeline(timelineOf(info, now), now));
  renderCountdown(info, now);
}

function renderCountdown(info: TokenInspection, now: number): void {
  const expires = info.expiresAt;
  const countdown = byId('countdown');
  if (expires === null || expires === NO_OWN_LIMIT) {
    fill(countdown);
    return;
  }
  const left = expires.unix - now;
  countdown.className = left > 0 ? 'ok' : 'error';
  fill(countdown, left > 0 ? `Expires in ${formatDuration(left)}` : `Expired ${formatDuration(left)} ago`);
}

// ---------------------------------------------------------------- build and fetch

function setToken(token: string): void {
  tokenBox.value = token;
  render();
}

function status(text: string, kind: 'ok' | 'error'): void {
  const node = byId('build-status');
  node.className = kind;
  fill(node, text);
}

function buildHere(): void {
  const kind = input('build-kind').value;
  const user = input('build-user').value;
  const expiresIn = Number(input('build-expires').value);
  const common = { appId: input('app-id').value, appCertificate: input('app-certificate').value, expiresIn };
  const version = input('build-version').value as '006' | '007';
  try {
    let token: string;
    if (kind === 'rtm') token = buildRtmToken({ ...common, userId: user, version });
    else if (kind === 'chat') token = buildChatToken({ ...common, userId: user });
    else {
      const identity = /^[0-9]{1,10}$/.test(user) ? { uid: Number(user) } : { account: user };
      const role = input('build-role').value as 'publisher' | 'subscriber';
      token = buildRtcToken({ ...common, ...identity, channelName: input('build-channel').value, role, version });
    }
    setToken(token);
    status(`Built a ${version === '006' && kind !== 'chat' ? '006' : '007'} ${kind.toUpperCase()} token here.`, 'ok');
  } catch (error) {
    status(`Cannot build: ${describeError(error)}`, 'error');
  }
}

function defaultServer(): string {
  return location.protocol === 'http:' || location.protocol === 'https:' ? location.origin : 'http://localhost:8082';
}

/** The community route for the form: GET, so the request carries no body at all. */
function routeOf(): { path: string; answer: string } {
  const kind = input('build-kind').value;
  const user = encodeURIComponent(input('build-user').value);
  const expiry = `?expiry=${encodeURIComponent(input('build-expires').value)}`;
  if (kind === 'rtm') return { path: `/rtm/${user}/${expiry}`, answer: 'rtmToken' };
  if (kind === 'chat') return { path: `/chat/account/${user}/${expiry}`, answer: 'chatToken' };
  const tokenType = /^[0-9]{1,10}$/.test(input('build-user').value) ? 'uid' : 'userAccount';
  const channel = encodeURIComponent(input('build-channel').value);
  return { path: `/rtc/${channel}/${input('build-role').value}/${tokenType}/${user}/${expiry}`, answer: 'rtcToken' };
}

async function fetchFromServer(): Promise<void> {
  const base = input('server-url').value.trim() || defaultServer();
  const { path, answer } = routeOf();
  let url: URL;
  try {
    url = new URL(path, base.endsWith('/') ? base : `${base}/`);
  } catch {
    status(`Not a URL: ${base}`, 'error');
    return;
  }
  status(`Fetching ${url.href}…`, 'ok');
  try {
    // Only the route's path and query: no body, no cookies, no referrer, no certificate.
    const response = await fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store' });
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    const token = body[answer];
    if (!response.ok || typeof token !== 'string') {
      const reason = typeof body['error'] === 'string' ? body['error'] : typeof body['message'] === 'string' ? body['message'] : response.statusText;
      status(`The server answered ${response.status}: ${String(reason)}`, 'error');
      return;
    }
    setToken(token);
    status(`Fetched from ${url.origin}${url.pathname}.`, 'ok');
  } catch (error) {
    status(`Cannot reach ${url.origin}: ${describeError(error)}`, 'error');
  }
}

// ---------------------------------------------------------------- the link

const FRAGMENT_KEY = 'token';

function tokenFromFragment(): string | undefined {
  const hash = location.hash.slice(1);
  if (hash === '') return undefined;
  const value = new URLSearchParams(hash).get(FRAGMENT_KEY);
  return value === null ? undefined : value;
}

function share(): void {
  const token = tokenBox.value.trim();
  const link = input('share-link');
  if (token === '') {
    link.hidden = true;
    return;
  }
  // The fragment only: browsers never send it, and only the token goes in it.
  const fragment = new URLSearchParams({ [FRAGMENT_KEY]: token }).toString();
  history.replaceState(null, '', `#${fragment}`);
  link.value = location.href;
  link.hidden = false;
  link.focus();
  link.select();
}

function loadFragment(): void {
  const token = tokenFromFragment();
  if (token !== undefined && token !== tokenBox.value) setToken(token);
}

// ---------------------------------------------------------------- wiring

tokenBox.addEventListener('input', render);
for (const id of joinFields) byId(id).addEventListener('input', render);
byId('share').addEventListener('click', share);
byId('clear').addEventListener('click', () => {
  setToken('');
  input('share-link').hidden = true;
  history.replaceState(null, '', location.pathname + location.search);
  tokenBox.focus();
});
byId('build-token').addEventListener('click', buildHere);
byId('fetch-token').addEventListener('click', () => void fetchFromServer());
for (const form of ['join', 'build']) byId(form).addEventListener('submit', (event) => event.preventDefault());
window.addEventListener('hashchange', loadFragment);
input('server-url').placeholder = defaultServer();
loadFragment();
render();
// Relative times, the countdown and "now" on the timeline move with the clock.
setInterval(render, 1000);
