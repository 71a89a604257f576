// Every key a screen reacts to is declared in key-bindings.ts, so that the help screen (?) and the
// footers, generated from that table, list all of them. Screens ask commandFor / matches; only the
// table itself and the text field (which must tell typed text from keys) look at Ink's key flags —
// enforced by the `no-restricted-syntax` rule for src/ui in eslint.config.js (checked below on a
// sample, so the rule cannot quietly stop applying). The converse — no declared key that does
// nothing — is driven key by key in test/ui/meeting-keys and test/ui/screen-keys.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { COMMANDS, KEY_BINDINGS } from './key-bindings.js';

const UI = import.meta.dirname;
const ROOT = path.resolve(UI, '..', '..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sources(full));
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out;
}

const VIOLATION = `import type { Key } from 'ink';
export function onKey(input: string, key: Key): boolean {
  if (key.upArrow || key.return) return true;
  return input === 'q' || \`x\` !== input;
}
`;

describe('keys are declared in the binding table', () => {
  it('the lint rule rejects key flags and typed characters in screens, not in the table', async () => {
    const eslint = new ESLint({ cwd: ROOT });
    const lint = async (file: string) =>
      (await eslint.lintText(VIOLATION, { filePath: path.join(ROOT, file) }))[0]!.messages
        .filter((m) => m.ruleId === 'no-restricted-syntax')
        .map((m) => `${m.line}:${m.column}`);
    expect(await lint('src/ui/screens/sample.tsx')).toEqual(['3:7', '3:22', '4:10', '4:27']);
    expect(await lint('src/ui/key-bindings.ts')).toEqual([]);
    expect(await lint('src/ui/components/text-input/use-text-input.ts')).toEqual([]);
  }, 60_000);

  it('handles every command somewhere in the UI', () => {
    const code = sources(UI)
      .filter((f) => path.relative(UI, f) !== 'key-bindings.ts')
      .map((f) => fs.readFileSync(f, 'utf8'))
      .join('\n');
    const unused = COMMANDS.filter((c) => !code.includes(`'${c}'`));
    expect(unused).toEqual([]);
  });

  it('describes every command in Chinese for the help screen', () => {
    for (const c of COMMANDS) expect(KEY_BINDINGS[c].description, c).toMatch(/[\u4e00-\u9fff]/);
  });
});
