// Runs the command line in-process with a controlled environment and captured output.
import type { Io } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

export const APP_ID = '970CA35de60c44645bbae8a215061b33';
export const APP_CERTIFICATE = '5CFd2fd1755d40ecb72977518be15d3b';
export const CREDENTIALS = { AGORA_APP_ID: APP_ID, AGORA_APP_CERTIFICATE: APP_CERTIFICATE };
export const NOW = 1_700_000_000;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(
  args: string[],
  options: { env?: Record<string, string>; stdin?: string; stdinIsTTY?: boolean; colour?: boolean } = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    env: options.env ?? {},
    write: (text) => {
      stdout += text;
    },
    error: (text) => {
      stderr += text;
    },
    readStdin: async () => options.stdin ?? '',
    stdinIsTTY: options.stdinIsTTY ?? false,
    colour: options.colour ?? false,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** Exactly one line on stderr, nothing on stdout, exit status 2. */
export function expectUsageError(result: CliResult, message: string): void {
  if (result.code !== 2 || result.stdout !== '' || result.stderr !== `agora-tokens: ${message}\n`) {
    throw new Error(`expected usage error ${JSON.stringify(message)}, got ${JSON.stringify(result)}`);
  }
}
