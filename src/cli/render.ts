// Human-readable output: aligned key/value lines, times as ISO plus relative to the
// (injectable) clock, ANSI colour only when the caller allows it.

import type { DiagnosisFinding, DiagnosisSeverity } from '../inspect/codes.js';
import { NO_OWN_LIMIT, type InspectedPrivilege, type InspectedService, type TokenInspection } from '../inspect/inspect.js';
import type { TokenInspectionLegacy } from '../inspect/inspect-legacy.js';
import { rtm2PermissionTypeName, rtm2ResourceTypeName } from '../inspect/names.js';
import { describeTime, formatDuration, isoTime } from '../inspect/time.js';

const STYLES = { red: 31, green: 32, yellow: 33, cyan: 36, dim: 2, bold: 1 } as const;

/** Applies ANSI styles, or nothing when colour is off. */
export type Paint = (style: keyof typeof STYLES, text: string) => string;

export function painter(colour: boolean): Paint {
  return colour ? (style, text) => `\u001b[${STYLES[style]}m${text}\u001b[0m` : (_style, text) => text;
}

/** Key/value lines with the values aligned. */
export function table(rows: ReadonlyArray<readonly [string, string]>, paint: Paint, indent = ''): string {
  const width = Math.max(0, ...rows.map(([key]) => key.length)) + 2;
  return rows.map(([key, value]) => `${indent}${paint('dim', key.padEnd(width))}${value}`.trimEnd()).join('\n');
}

function privilegeRow(p: InspectedPrivilege, now: number, relativeTo: number | undefined): readonly [string, string] {
  if (p.expiresAt === NO_OWN_LIMIT) return [p.name, NO_OWN_LIMIT];
  const after = relativeTo === undefined ? '' : `, ${formatDuration(p.value)} after issue`;
  return [p.name, `${describeTime(p.expiresAt.unix, now)}${after}`];
}

function describeAccount(service: Extract<InspectedService, { account: string }>): string {
  if (service.accountKind === 'wildcard') return '"" (uid 0: any uid may join)';
  if (service.accountKind === 'numeric') return `"${service.account}" (int uid ${service.account} or account "${service.account}": the same on the wire)`;
  return `${JSON.stringify(service.account)} (string account)`;
}

function serviceRows(service: InspectedService): Array<readonly [string, string]> {
  switch (service.name) {
    case 'rtc':
    case 'streaming':
    case 'fcdn':
      return [
        ['channel', JSON.stringify(service.channelName)],
        ['uid', describeAccount(service)],
      ];
    case 'rtm':
      return [['user ID', JSON.stringify(service.userId)]];
    case 'chat':
      return [['user ID', service.userId === '' ? '"" (app token)' : JSON.stringify(service.userId)]];
    case 'apaas':
      return [
        ['room UUID', JSON.stringify(service.roomUuid)],
        ['user UUID', JSON.stringify(service.userUuid)],
        ['role', String(service.role)],
      ];
    case 'rtm2': {
      const rows: Array<readonly [string, string]> = [['user ID', JSON.stringify(service.userId)]];
      for (const resource of service.permissions) {
        for (const permission of resource.permissions) {
          rows.push([
            `${rtm2ResourceTypeName(resource.resourceType)} ${rtm2PermissionTypeName(permission.permissionType)}`,
            permission.resources.map((r) => JSON.stringify(r)).join(', ') || '(none)',
          ]);
        }
      }
      return rows;
    }
    default:
      return [];
  }
}

/** The readable form of a legacy key's inspection. */
function renderLegacy(info: TokenInspectionLegacy, now: number, paint: Paint): string {
  const rows: Array<readonly [string, string]> = [
    ['version', `${info.formatName} (legacy, before AccessToken)`],
    ['app ID', info.appId],
  ];
  if (info.service !== null) rows.push(['service', info.service]);
  if (info.issuedAt !== null) rows.push(['built', describeTime(info.issuedAt.unix, now)]);
  if (info.expiresAt !== null) rows.push(['expires', info.expiresAt === NO_OWN_LIMIT ? NO_OWN_LIMIT : describeTime(info.expiresAt.unix, now)]);
  if (info.randomInt !== null) rows.push(['random', String(info.randomInt)]);
  if (info.uid !== null) rows.push(['uid', info.uid === 0 ? '0 (any uid)' : String(info.uid)]);
  for (const [key, value] of Object.entries(info.extra)) rows.push([`extra ${key}`, JSON.stringify(value)]);
  rows.push(['signature', `${info.signature} ${paint('dim', '(not verified)')}`]);
  return `${table(rows, paint)}\n`;
}

/** The readable form of an inspection. */
export function renderInspection(info: TokenInspection, now: number, paint: Paint): string {
  if (info.version === 'legacy') return renderLegacy(info, now, paint);
  const unverified = paint('dim', '(not verified)');
  if (info.version === '006') {
    const rows: Array<readonly [string, string]> = [
      ['version', '006 (AccessToken)'],
      ['kind', info.kind === 'rtm' ? 'RTM token' : info.kind === 'rtc' ? 'RTC token' : 'neither joinChannel nor rtmLogin'],
      ['app ID', info.appId],
      ['built', `${describeTime(info.issuedAt.unix, now)}, estimated as message timestamp - 24 h`],
      ['message ts', describeTime(info.ts.unix, now)],
      ['expires', info.expiresAt === NO_OWN_LIMIT ? `${NO_OWN_LIMIT} (the platform accepts a token for 24 h at most)` : describeTime(info.expiresAt.unix, now)],
      ['salt', String(info.salt)],
      [info.kind === 'rtm' ? 'user ID CRC' : 'channel CRC', `0x${info.crcChannelName.toString(16).padStart(8, '0')}`],
      ['uid CRC', info.uidWildcard ? '0x00000000 (uid 0: any uid may join)' : `0x${info.crcUid.toString(16).padStart(8, '0')}`],
      ['signature', `${info.signature} ${unverified}`],
    ];
    const privileges = info.privileges.map((p) => privilegeRow(p, now, undefined));
    return `${table(rows, paint)}\n\n${paint('bold', 'privileges')}\n${privileges.length ? table(privileges, paint, '  ') : '  (none)'}\n`;
  }
  const rows: Array<readonly [string, string]> = [
    ['version', '007 (AccessToken2)'],
    ['app ID', info.appId],
    ['issued', describeTime(info.issuedAt.unix, now)],
    [
      'expires',
      info.expiresAt === NO_OWN_LIMIT
        ? `${NO_OWN_LIMIT} (expire 0; the platform accepts a token for 24 h at most)`
        : `${describeTime(info.expiresAt.unix, now)}, ${formatDuration(info.expire)} after issue`,
    ],
    ['salt', String(info.salt)],
    ['signature', `${info.signature} ${unverified}`],
  ];
  if (info.unparsed) {
    rows.push(['unparsed', `service type ${info.unparsed.type} is unknown: ${info.unparsed.count} service(s), ${info.unparsed.bytes} bytes not read`]);
  }
  const blocks = [table(rows, paint)];
  for (const service of info.services) {
    const body = [...serviceRows(service), ...service.privileges.map((p) => privilegeRow(p, now, info.issuedAt.unix))];
    if (service.privileges.length === 0) body.push(['privileges', '(none)']);
    blocks.push(`${paint('bold', `${service.name} service`)} ${paint('dim', `(type ${service.type})`)}\n${table(body, paint, '  ')}`);
  }
  return `${blocks.join('\n\n')}\n`;
}

/** One line about the token for the head of diagnose output. */
export function renderHeadline(info: TokenInspection, now: number): string {
  if (info.version === 'legacy') {
    const expires = info.expiresAt === null ? 'no expiry field' : info.expiresAt === NO_OWN_LIMIT ? NO_OWN_LIMIT : describeTime(info.expiresAt.unix, now);
    return `${info.formatName} key for App ID ${info.appId}, expires ${expires}`;
  }
  if (info.version === '006') {
    const expires = info.expiresAt === NO_OWN_LIMIT ? NO_OWN_LIMIT : describeTime(info.expiresAt.unix, now);
    return `006 ${info.kind === 'other' ? '' : `${info.kind.toUpperCase()} `}token for App ID ${info.appId}, message ts ${isoTime(info.ts.unix)}, expires ${expires}`;
  }
  const expires = info.expiresAt === NO_OWN_LIMIT ? NO_OWN_LIMIT : describeTime(info.expiresAt.unix, now);
  const services = info.services.map((s) => s.name).join(', ') || 'no services';
  return `007 token (${services}) for App ID ${info.appId}, issued ${describeTime(info.issuedAt.unix, now)}, expires ${expires}`;
}

const SEVERITY_STYLE: Readonly<Record<DiagnosisSeverity, keyof typeof STYLES>> = { error: 'red', warning: 'yellow', info: 'cyan' };

/** Findings as aligned `severity  CODE  message` lines. */
export function renderFindings(findings: readonly DiagnosisFinding[], paint: Paint): string {
  if (findings.length === 0) return '';
  const codeWidth = Math.max(...findings.map((f) => f.code.length)) + 2;
  return (
    findings
      .map((f) => `${paint(SEVERITY_STYLE[f.severity], f.severity.padEnd(9))}${paint('bold', f.code.padEnd(codeWidth))}${f.message}`)
      .join('\n') + '\n'
  );
}

/** `valid` or `invalid: 2 errors, 1 warning`. */
export function renderVerdict(findings: readonly DiagnosisFinding[], paint: Paint): string {
  const count = (severity: DiagnosisSeverity) => findings.filter((f) => f.severity === severity).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const errors = count('error');
  const warnings = count('warning');
  if (errors > 0) return `${paint('red', 'invalid')}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}\n`;
  return `${paint('green', 'valid')}${warnings > 0 ? ` (${plural(warnings, 'warning')})` : ''}\n`;
}
