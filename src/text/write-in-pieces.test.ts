import { describe, expect, it } from 'vitest';
import { writeInPieces } from './write-in-pieces.js';

/** What a file stream writes for each piece: its UTF-8 bytes. */
function bytesWritten(text: string, piece: number): { bytes: Buffer; pieces: string[] } {
  const pieces: string[] = [];
  writeInPieces(text, (p) => pieces.push(p), piece);
  return { bytes: Buffer.concat(pieces.map((p) => Buffer.from(p, 'utf8'))), pieces };
}

describe('writeInPieces', () => {
  it('writes the bytes the whole string would, also when a piece would end inside a surrogate pair', () => {
    // "𠮷" (U+20BB7) is two UTF-16 units; at every piece size some boundary falls inside a pair
    const text = `{\n  "单位": "𠮷${'项目🚧进度滞后𠮷'.repeat(50)}",\n  "n": 1\n}\n`;
    for (const piece of [1, 2, 3, 4, 5, 7, 16, 31, 64, 1000]) {
      const { bytes, pieces } = bytesWritten(text, piece);
      expect(bytes.equals(Buffer.from(text, 'utf8'))).toBe(true);
      expect(pieces.join('')).toBe(text);
      for (const p of pieces) expect(p.length).toBeLessThanOrEqual(Math.max(2, piece));
    }
  });

  it('writes a short text at once and nothing for an empty one', () => {
    expect(bytesWritten('通报\n', 1 << 20).pieces).toEqual(['通报\n']);
    expect(bytesWritten('', 4).pieces).toEqual([]);
  });

  it('cuts a long text into pieces of the given size', () => {
    const { pieces } = bytesWritten('a'.repeat(10), 4);
    expect(pieces).toEqual(['aaaa', 'aaaa', 'aa']);
  });
});
