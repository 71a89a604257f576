import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { keystrokeStdin, splitKeystrokes } from './keystrokes.js';

const PASTE_START = '\u001b[200~';
const PASTE_END = '\u001b[201~';

describe('splitKeystrokes', () => {
  it('splits typed-ahead keys: control characters and short ASCII runs', () => {
    expect(splitKeystrokes('yy')).toEqual(['y', 'y']);
    expect(splitKeystrokes('ab\u007f')).toEqual(['a', 'b', '\u007f']);
    expect(splitKeystrokes('+10\t')).toEqual(['+', '1', '0', '\t']);
    expect(splitKeystrokes('y\u0013')).toEqual(['y', '\u0013']); // y, Ctrl+S
  });

  it('keeps text whole between keys: an IME phrase, a long run', () => {
    expect(splitKeystrokes('韩志刚\t')).toEqual(['韩志刚', '\t']);
    expect(splitKeystrokes('督促设备进场\t区能源局\t杨国栋')).toEqual([
      '督促设备进场',
      '\t',
      '区能源局',
      '\t',
      '杨国栋',
    ]);
    expect(splitKeystrokes('2021-10-15')).toEqual(['2021-10-15']);
    expect(splitKeystrokes('𠀀y')).toEqual(['𠀀y']);
  });

  it('leaves single keys and escape sequences whole', () => {
    expect(splitKeystrokes('y')).toEqual(['y']);
    expect(splitKeystrokes('')).toEqual(['']);
    expect(splitKeystrokes('yy\u001b[B')).toEqual(['y', 'y', '\u001b[B']);
    // Esc twice is two keys; Esc before an arrow is Alt+arrow, left to Ink
    expect(splitKeystrokes('\u001b\u001b')).toEqual(['\u001b', '\u001b']);
    expect(splitKeystrokes('\u001b\u001b[A')).toEqual(['\u001b\u001b[A']);
  });

  it('gives Enter its own keystroke when it comes in one read with other keys (issue 9, item 13)', () => {
    expect(splitKeystrokes('j\r')).toEqual(['j', '\r']);
    expect(splitKeystrokes('yy\r')).toEqual(['y', 'y', '\r']);
    expect(splitKeystrokes('区能源局督促\r')).toEqual(['区能源局督促', '\r']);
    expect(splitKeystrokes('\r\r')).toEqual(['\r', '\r']);
    // after an arrow key in the same read: Ink would have taken "j\r" as one input
    expect(splitKeystrokes('\u001b[Bj\r')).toEqual(['\u001b[B', 'j', '\r']);
    expect(splitKeystrokes('\u001b[B\u001b[B')).toEqual(['\u001b[B', '\u001b[B']);
    // typed before the terminal was switched to raw mode, Enter arrives as a line feed
    expect(splitKeystrokes('1\n')).toEqual(['1', '\r']);
    // a read with CR LF is a paste from a terminal without bracketed paste: text, whole, no Enter
    expect(splitKeystrokes('协调用地\r\n报批')).toEqual(['协调用地\n报批']);
  });

  it('drops terminal replies and sequences that are no key, keeping the keys around them (item 12)', () => {
    expect(splitKeystrokes('\u001b[0n')).toEqual([]); // device status report
    expect(splitKeystrokes('\u001b[12;40R')).toEqual([]); // cursor position report
    expect(splitKeystrokes('\u001b[?62;22c')).toEqual([]); // device attributes
    expect(splitKeystrokes('\u001b[I\u001b[O')).toEqual([]); // focus in, focus out
    expect(splitKeystrokes('\u001b]11;rgb:0000/0000/0000\u001b\\')).toEqual([]); // OSC reply, ST
    expect(splitKeystrokes('\u001b]0;T\u0007y')).toEqual(['y']); // no "]0;T" residue
    expect(splitKeystrokes('\u001bP1$r0m\u001b\\')).toEqual([]); // DCS
    expect(splitKeystrokes('甲\u001b[31m乙')).toEqual(['甲', '乙']);
    expect(splitKeystrokes('\u009b31m甲\u0085')).toEqual(['甲']); // C1 CSI and NEL
    expect(splitKeystrokes('\u001c\u001d')).toEqual([]); // no key Ink can name
    // the keys stay
    for (const key of [
      '\u001b[A',
      '\u001b[1;5C',
      '\u001b[1;3D',
      '\u001b[3~',
      '\u001b[3;5~',
      '\u001b[6~',
      '\u001b[Z',
      '\u001b[H',
      '\u001bOA',
      '\u001bOH',
      '\u001b\u001b[A',
      '\u001b[2$', // rxvt Shift+Insert
      '\u001b[7^', // rxvt Ctrl+Home
      '\u001b[[A', // the console's F1
      '\u001b[[5~', // putty's PageUp
      '\u001bb',
      '\u001b\u007f',
    ]) {
      expect(splitKeystrokes(key), JSON.stringify(key)).toEqual([key]);
    }
    expect(splitKeystrokes('y\u001b[0ny')).toEqual(['y', 'y']);
  });
});

/** stdin over a PassThrough, read as Ink reads it: on each `readable`, until null. */
function harness(options: { until?: Promise<unknown> } = {}) {
  const raw = new PassThrough();
  raw.setEncoding('utf8');
  const stdin = keystrokeStdin(raw as unknown as NodeJS.ReadStream, options);
  const perEvent: string[][] = [];
  const drain = () => {
    const reads: string[] = [];
    let chunk: string | Buffer | null;
    while ((chunk = stdin.read() as string | Buffer | null) !== null) reads.push(String(chunk));
    perEvent.push(reads);
  };
  const until = async (count: number) => {
    for (let i = 0; i < 200 && perEvent.flat().length < count; i++) {
      await new Promise<void>((resolve) => setTimeout(resolve, 2));
    }
    return perEvent.flat();
  };
  return { raw, stdin, perEvent, drain, until };
}

describe('keystrokeStdin', () => {
  it('gives Ink one keystroke per readable event, the next after a turn of the event loop', async () => {
    const h = harness();
    // both writes are buffered before the stream says it is readable: one read gets "y\ty", as a
    // terminal delivers keys typed while the app was busy
    h.raw.write('y\t');
    h.raw.write('y');
    h.stdin.on('readable', h.drain);
    expect(await h.until(3)).toEqual(['y', '\t', 'y']);
    expect(h.perEvent.filter((reads) => reads.length > 1)).toEqual([]);
    h.stdin.off('readable', h.drain);
    expect(h.stdin.read()).toBeNull();
  });

  it('hands over a bracketed paste whole, without its markers, even across reads', async () => {
    const h = harness();
    h.stdin.on('readable', h.drain);
    h.raw.write(`y${PASTE_START}2021-10`);
    await h.until(1);
    h.raw.write(`-15\r\n区能源局${PASTE_END}yy`);
    expect(await h.until(4)).toEqual(['y', '2021-10-15\n区能源局', 'y', 'y']);
    h.stdin.off('readable', h.drain);
  });

  it('hands over a paste as text only: no escape sequence, no DEL, no Enter (item 12)', async () => {
    const h = harness();
    h.stdin.on('readable', h.drain);
    h.raw.write(`${PASTE_START}甲\u001b[31m乙\u007f\u001b[A\u001b]0;T\u0007丙\r${PASTE_END}y`);
    expect(await h.until(2)).toEqual(['甲乙丙\n', 'y']);
    h.stdin.off('readable', h.drain);
  });

  it('finds the paste markers and escape sequences when a read splits them', async () => {
    const h = harness();
    h.stdin.on('readable', h.drain);
    // the pieces come a few milliseconds apart, as a terminal's writes do
    const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 5));
    h.raw.write('\u001b[20');
    await pause();
    h.raw.write(`0~区能源局\u001b[20`);
    await pause();
    h.raw.write(`1~y\u001b[12;`);
    await pause();
    h.raw.write('40Rj');
    expect(await h.until(3)).toEqual(['区能源局', 'y', 'j']);
    h.stdin.off('readable', h.drain);
  });

  it('hands over a paste whose end marker never comes after a moment', async () => {
    const h = harness();
    h.stdin.on('readable', h.drain);
    h.raw.write(`${PASTE_START}PL-053`);
    expect(await h.until(1)).toEqual(['PL-053']);
    h.stdin.off('readable', h.drain);
  });

  it('with `until`, reads no key before it settles, then every key typed meanwhile, in order', async () => {
    let letIn!: () => void;
    const h = harness({ until: new Promise<void>((resolve) => (letIn = resolve)) });
    h.stdin.on('readable', h.drain);
    h.raw.write('1');
    h.raw.write('\u001b[B');
    await new Promise<void>((resolve) => setTimeout(resolve, 30));
    expect(h.perEvent.flat()).toEqual([]);
    letIn();
    expect(await h.until(2)).toEqual(['1', '\u001b[B']);
    h.raw.write('j');
    expect(await h.until(3)).toEqual(['1', '\u001b[B', 'j']);
    h.stdin.off('readable', h.drain);
  });

  it('passes listeners and everything else to the real stream', () => {
    const { raw, stdin } = harness();
    let seen = '';
    const onData = (d: string) => (seen += d);
    stdin.on('data', onData);
    raw.write('z');
    expect(seen).toBe('z');
    stdin.off('data', onData);
    expect(raw.listenerCount('data')).toBe(0);
    expect(stdin.readableEncoding).toBe('utf8');
  });
});
