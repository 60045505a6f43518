// docs/cli.md and the README show real output: every ```console block is replayed through
// the command line (one shell session per document, across its blocks, in order) and must
// print exactly what is shown.
// After an intended change of output, `UPDATE_DOCS=1 npx vitest run test/cli/docs.test.ts`
// rewrites the outputs in place (commands and prose are left alone).
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli } from './fake-io.js';

const UPDATE = process.env.UPDATE_DOCS === '1';
const DOCS = [
  { name: 'docs/cli.md', url: new URL('../../docs/cli.md', import.meta.url), minBlocks: 6 },
  { name: 'README.md', url: new URL('../../README.md', import.meta.url), minBlocks: 1 },
];

/** Splits a command line the way a POSIX shell does for plain words and "..." / '...'. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === ' ') {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (c === '"' || c === "'") {
      const end = line.indexOf(c, i + 1);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

describe.each(DOCS)('$name', ({ url: DOC_URL, minBlocks }) => {
  const doc = readFileSync(DOC_URL, 'utf8');
  const blocks = [...doc.matchAll(/```console\n([^]*?)```/g)].map((m) => m[1]!);

  it('has examples to replay', () => expect(blocks.length).toBeGreaterThanOrEqual(minBlocks));

  it('every console example prints what the document shows', async () => {
    const env: Record<string, string> = {};
    let last = 0;
    let updated = doc;
    for (const block of blocks) {
      // Each "$ command" is followed by its output, up to the next "$ ".
      const steps = block.split(/^\$ /m).slice(1);
      let replay = '';
      for (const step of steps) {
        const newline = step.indexOf('\n');
        const command = step.slice(0, newline);
        const shown = step.slice(newline + 1);
        let words = shellWords(command);
        if (words[0] === 'export') {
          const [name, value] = words[1]!.split('=') as [string, string];
          env[name] = value;
          replay += `$ ${command}\n`;
          continue;
        }
        if (command === 'echo $?') {
          if (!UPDATE) expect(shown, command).toBe(`${last}\n`);
          replay += `$ ${command}\n${last}\n`;
          continue;
        }
        let stdin: string | undefined;
        const pipe = words.indexOf('|');
        if (pipe !== -1) {
          expect(words[0]).toBe('echo');
          stdin = `${words.slice(1, pipe).join(' ')}\n`;
          words = words.slice(pipe + 1);
        }
        expect(words[0]).toBe('agora-tokens');
        const result = await cli(words.slice(1), { env: { ...env }, ...(stdin === undefined ? {} : { stdin }) });
        last = result.code;
        replay += `$ ${command}\n${result.stdout}${result.stderr}`;
        if (!UPDATE) expect(result.stdout + result.stderr, command).toBe(shown);
      }
      updated = updated.replace(block, replay);
    }
    if (UPDATE) writeFileSync(DOC_URL, updated);
  });
});
