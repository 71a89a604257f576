// Every option a command accepts is listed in its help, and every option its help lists is accepted:
// asked of the program itself (dispatch), so the parser and the help cannot drift apart.
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch, type DispatchEnv } from '../../src/commands/dispatch.js';
import { COMMAND_HELP, COMMANDS, PROGRAM_HELP } from '../../src/commands/help.js';
import { COMMAND_SPECS } from '../../src/commands/specs.js';

const env: DispatchEnv = {
  cwd: path.join(import.meta.dirname, 'fixtures'),
  today: () => '2021-09-30',
  packageDir: '/pkg',
  version: '0',
};

/** The options in the 选项 section of a command's help: `-o, --out <文件>` gives -o and --out. */
function listed(help: string): Set<string> {
  const section = help.split('\n选项：\n')[1]?.split('\n\n')[0] ?? '';
  const names = new Set<string>();
  for (const line of section.split('\n')) {
    const m = /^ {2}(?:(-\w), )?(--[\w-]+)/.exec(line);
    if (m?.[1]) names.add(m[1]);
    if (m?.[2]) names.add(m[2]);
  }
  return names;
}

/** Every option named anywhere in the help texts or the specs: the names a command might accept. */
function candidates(): Set<string> {
  const all = new Set<string>(['-h', '-v', '-o', '--version']);
  for (const text of [PROGRAM_HELP, ...Object.values(COMMAND_HELP)]) {
    for (const m of text.matchAll(/(?<![\w-])(--[a-z][\w-]*)/g)) all.add(m[1]!);
  }
  for (const spec of COMMAND_SPECS) {
    for (const o of spec.options) {
      all.add(`--${o.name}`);
      if (o.short !== undefined) all.add(`-${o.short}`);
    }
  }
  return all;
}

/** Whether the command's parser takes the option (a value it needs missing is still taken). */
async function accepts(command: string, option: string): Promise<boolean> {
  const r = await dispatch([command, option, '--help'], env);
  if (r.kind !== 'result') return true;
  return !(r.exitCode === 2 && /未知选项|没有 \S+ 选项/.test(r.stderr));
}

describe('command options and their help', () => {
  const names = candidates();
  for (const command of COMMANDS) {
    it(`${command}: accepts exactly the options its help lists`, async () => {
      const accepted = new Set<string>();
      for (const option of names) if (await accepts(command, option)) accepted.add(option);
      expect([...listed(COMMAND_HELP[command])].sort()).toEqual([...accepted].sort());
    });
  }
});
