import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { keystrokeStdin, splitKeystrokes } from './keystrokes.js';

describe('splitKeystrokes', () => {
  it('splits keys that arrived in one read, by code point', () => {
    expect(splitKeystrokes('yy')).toEqual(['y', 'y']);
    expect(splitKeystrokes('韩志刚\t')).toEqual(['韩', '志', '刚', '\t']);
    expect(splitKeystrokes('ab\u007f')).toEqual(['a', 'b', '\u007f']);
    // a character outside the BMP is one keystroke, not two halves
    expect(splitKeystrokes('𠀀y')).toEqual(['𠀀', 'y']);
  });

  it('leaves single keys, escape sequences and pasted lines whole', () => {
    expect(splitKeystrokes('y')).toEqual(['y']);
    expect(splitKeystrokes('')).toEqual(['']);
    expect(splitKeystrokes('\u001b[B\u001b[B')).toEqual(['\u001b[B\u001b[B']);
    expect(splitKeystrokes('y\u001b[B')).toEqual(['y\u001b[B']);
    expect(splitKeystrokes('协调用地\r\n报批')).toEqual(['协调用地\r\n报批']);
    expect(splitKeystrokes('yy\r')).toEqual(['yy\r']);
  });
});

describe('keystrokeStdin', () => {
  it('gives Ink one keystroke per readable event, the next after a turn of the event loop', async () => {
    const raw = new PassThrough();
    raw.setEncoding('utf8');
    const stdin = keystrokeStdin(raw as unknown as NodeJS.ReadStream);
    // what Ink does on each `readable`: read until null; here each event's reads are kept apart
    const perEvent: string[][] = [];
    const drain = () => {
      const reads: string[] = [];
      let chunk: string | Buffer | null;
      while ((chunk = stdin.read() as string | Buffer | null) !== null) reads.push(String(chunk));
      perEvent.push(reads);
    };
    // both writes are buffered before the stream says it is readable: one read gets "y\ty",
    // as a terminal delivers keys typed while the app was busy
    raw.write('y\t');
    raw.write('y');
    stdin.on('readable', drain);
    while (perEvent.flat().length < 3) await new Promise<void>((resolve) => setTimeout(resolve, 1));
    expect(perEvent.flat()).toEqual(['y', '\t', 'y']);
    expect(perEvent.filter((reads) => reads.length > 1)).toEqual([]);
    stdin.off('readable', drain);
    expect(stdin.read()).toBeNull();
  });

  it('passes listeners and everything else to the real stream', () => {
    const raw = new PassThrough();
    raw.setEncoding('utf8');
    const stdin = keystrokeStdin(raw as unknown as NodeJS.ReadStream);
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
