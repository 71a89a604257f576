// Every key a screen reacts to is declared in key-bindings.ts, so that the help screen (?) and the
// footers, generated from that table, list all of them. Screens ask commandFor / matches; only the
// table itself and the text field (which must tell typed text from keys) look at Ink's key flags.
// The converse — no declared key that does nothing — is driven key by key in test/ui/meeting-keys.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS, KEY_BINDINGS } from './key-bindings.js';

const UI = import.meta.dirname;

/** Files allowed to read key flags: the table, and the text field deciding what is text. */
const ALLOWED = new Set(['key-bindings.ts', path.join('components', 'text-input', 'use-text-input.ts')]);

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sources(full));
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out;
}

const FLAG =
  /\bkey\.(upArrow|downArrow|leftArrow|rightArrow|pageUp|pageDown|home|end|return|escape|tab|backspace|delete|ctrl|meta|shift)\b/;
const LITERAL_INPUT = /\binput\s*[!=]==?\s*['"`]|['"`]\s*[!=]==?\s*input\b/;

describe('keys are declared in the binding table', () => {
  const files = sources(UI).map((f) => ({ rel: path.relative(UI, f), text: fs.readFileSync(f, 'utf8') }));

  it('finds the UI sources', () => {
    expect(files.length).toBeGreaterThan(30);
    expect(files.some((f) => f.rel === path.join('screens', 'meeting', 'room.tsx'))).toBe(true);
  });

  it.each(files.filter((f) => !ALLOWED.has(f.rel)).map((f) => [f.rel, f.text]))(
    '%s reacts only to keys looked up in the table',
    (_rel, text) => {
      const offending = text
        .split('\n')
        .map((line, i) => ({ line: i + 1, code: line.replace(/\/\/.*$/, '') }))
        .filter(({ code }) => FLAG.test(code) || LITERAL_INPUT.test(code))
        .map(({ line, code }) => `${line}: ${code.trim()}`);
      expect(offending).toEqual([]);
    },
  );

  it('handles every command somewhere in the UI', () => {
    const code = files
      .filter((f) => f.rel !== 'key-bindings.ts')
      .map((f) => f.text)
      .join('\n');
    const unused = COMMANDS.filter((c) => !code.includes(`'${c}'`));
    expect(unused).toEqual([]);
  });

  it('describes every command in Chinese for the help screen', () => {
    for (const c of COMMANDS) expect(KEY_BINDINGS[c].description, c).toMatch(/[\u4e00-\u9fff]/);
  });
});
