// A long text is written in pieces (text/write-in-pieces.ts), never encoded into one full-size
// Buffer: the file must hold exactly the text's UTF-8 bytes, and a failure after some pieces must
// leave nothing half-written under the name (the old file whole, no temp file).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic, writeNewFile, type AtomicWriteIo } from '../../src/store/atomic-write.js';
import { InputError } from '../../src/domain/types.js';
import { WRITE_PIECE } from '../../src/text/write-in-pieces.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diaodu-pieces-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

// two and a half pieces of Chinese, with a surrogate pair ("𠮷") across each piece boundary
function longText(): string {
  const line = '{"项目": "光伏新材料项目", "灯": "红"},\n';
  let text = line.repeat(Math.ceil((WRITE_PIECE * 2.5) / line.length));
  for (const at of [WRITE_PIECE - 1, 2 * WRITE_PIECE - 1]) text = `${text.slice(0, at)}𠮷${text.slice(at)}`;
  return text;
}

/** Records the size of every write; `failAt` (1-based) throws ENOSPC at that call. */
function recordingIo(sizes: number[], failAt?: number): Partial<AtomicWriteIo> {
  return {
    writeSync: (fd, buffer, offset, length) => {
      sizes.push(length);
      if (sizes.length === failAt) {
        const e = new Error('ENOSPC') as NodeJS.ErrnoException;
        e.code = 'ENOSPC';
        throw e;
      }
      return fs.writeSync(fd, buffer, offset, length);
    },
  };
}

describe('writing a long text in pieces', () => {
  it('writes exactly the UTF-8 bytes of the text, a piece at a time', () => {
    const text = longText();
    for (const write of [writeFileAtomic, writeNewFile]) {
      const file = path.join(dir, `${write.name}.json`);
      const sizes: number[] = [];
      write(file, text, { io: recordingIo(sizes) });
      expect(fs.readFileSync(file).equals(Buffer.from(text, 'utf8'))).toBe(true);
      expect(sizes.length).toBeGreaterThanOrEqual(3);
      for (const n of sizes) expect(n).toBeLessThanOrEqual(3 * WRITE_PIECE);
    }
  });

  it('a failure after the first piece leaves the old file whole and no temp file', () => {
    const file = path.join(dir, 'bulletin.json');
    fs.writeFileSync(file, '旧的通报\n');
    const sizes: number[] = [];
    expect(() => writeFileAtomic(file, longText(), { io: recordingIo(sizes, 2) })).toThrow(InputError);
    expect(sizes).toHaveLength(2);
    expect(fs.readFileSync(file, 'utf8')).toBe('旧的通报\n');
    expect(fs.readdirSync(dir)).toEqual(['bulletin.json']);
  });

  it('a failure after the first piece of a new file leaves no file at all', () => {
    const file = path.join(dir, 'new.json');
    expect(() => writeNewFile(file, longText(), { io: recordingIo([], 2) })).toThrow(InputError);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
