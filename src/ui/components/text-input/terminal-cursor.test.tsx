// End to end through Ink's real renderer (not ink-testing-library's debug mode, which never moves
// the cursor): what reaches the terminal after a frame is "cursor up N, to column X, show cursor".
// Ink skips all of that when it believes it runs in CI, so CI variables are hidden before it loads.
import { vi } from 'vitest';
vi.hoisted(() => {
  process.env['FORCE_COLOR'] = '0';
  process.env['CI'] = 'false';
  process.env['CONTINUOUS_INTEGRATION'] = 'false';
});

import { EventEmitter } from 'node:events';
import { Box, Text, render } from 'ink';
import React from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { TextInput } from './index.js';

class FakeStdout extends EventEmitter {
  isTTY = true;
  columns = 40;
  rows = 20;
  writes: string[] = [];
  write(chunk: string): boolean {
    this.writes.push(chunk);
    return true;
  }
}

class FakeStdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write(data: string) {
    this.data = data;
    this.emit('readable');
  }
  read() {
    const d = this.data;
    this.data = null;
    return d;
  }
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

const ESC = '\u001b';
const SHOW_CURSOR = `${ESC}[?25h`;
const tick = (ms = 80) => new Promise((resolve) => setTimeout(resolve, ms));

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

function mount(node: React.ReactElement) {
  const stdout = new FakeStdout();
  const stdin = new FakeStdin();
  const app = render(node, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: false,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  cleanup = () => app.unmount();
  return { stdout, stdin };
}

/** The cursor move written after the last frame: [lines up, 1-based column]. */
function lastCursorMove(writes: string[]): [number, number] | undefined {
  const all = writes.join('');
  const at = all.lastIndexOf(SHOW_CURSOR);
  if (at === -1) return undefined;
  const before = all.slice(0, at);
  const m = /(?:\u001b\[(\d+)A)?\u001b\[(\d+)G$/.exec(before);
  if (!m) return undefined;
  return [Number(m[1] ?? 0), Number(m[2])];
}

describe('terminal cursor through Ink', () => {
  it('lands on the caret inside boxes, counting CJK as two columns', async () => {
    const { stdout, stdin } = mount(
      <Box flexDirection="column">
        <Text>周调度会 · 议定事项</Text>
        <Box paddingLeft={2}>
          <Text>事项：</Text>
          <TextInput width={20} defaultValue="" />
        </Box>
        <Text>Enter 保存 Esc 取消</Text>
      </Box>,
    );
    await tick();
    stdin.write('协调');
    await tick();
    // Output is 3 lines; Ink's cursor sits below the last one, so line 1 is 2 up.
    // Column: padding 2 + 事项： 6 + 协调 4 = 12 → ESC[13G (1-based).
    expect(lastCursorMove(stdout.writes)).toEqual([2, 13]);
    stdin.write('供电');
    await tick();
    expect(lastCursorMove(stdout.writes)).toEqual([2, 17]);
  });
});
