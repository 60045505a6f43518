// The library names its options as in code ("channelName"); the CLI user typed flags
// (--channel) or set environment variables. Errors are reworded to what the user wrote.

/** Environment variables a field can come from, in the order the CLI reads them. */
const FIELD_ENV: Readonly<Record<string, readonly string[]>> = {
  appId: ['AGORA_APP_ID', 'APP_ID'],
  appCertificate: ['AGORA_APP_CERTIFICATE', 'APP_CERTIFICATE'],
};

/** Fields whose flag is not the field's kebab-case name. */
const FIELD_FLAG: Readonly<Record<string, string>> = { channelName: 'channel' };

function flagOf(field: string): string {
  return `--${FIELD_FLAG[field] ?? field.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

/**
 * What the user wrote for `field`: the flag if it was typed, else the environment variable
 * it came from, else the flag if the command has one (`help` lists it); otherwise undefined.
 */
export function userNameOf(field: string, args: readonly string[], env: Readonly<Record<string, string | undefined>>, help: string): string | undefined {
  const flag = flagOf(field);
  if (args.some((arg) => arg === flag || arg.startsWith(`${flag}=`))) return flag;
  const variable = FIELD_ENV[field]?.find((name) => env[name] !== undefined && env[name] !== '');
  if (variable !== undefined) return variable;
  return new RegExp(`(^|\\s)${flag}(\\s|$)`, 'm').test(help) ? flag : undefined;
}

/**
 * Rewrites the option names quoted in a library message (`"channelName" expected …`) as the
 * user's flags. Only the part before ", got" is touched: what follows describes the value.
 */
export function withUserNames(message: string, args: readonly string[], env: Readonly<Record<string, string | undefined>>, help: string): string {
  const cut = message.lastIndexOf(', got ');
  const head = cut === -1 ? message : message.slice(0, cut);
  const renamed = head.replace(/"([a-z][A-Za-z0-9]*)"/g, (quoted, field: string) => userNameOf(field, args, env, help) ?? quoted);
  return renamed + (cut === -1 ? '' : message.slice(cut));
}
