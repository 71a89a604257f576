// A long text handed on as consecutive pieces of its UTF-8 bytes, each made as it is written: the JSON
// bulletin of 10,000 projects is 18 MB, and as one string it costs a second full-size copy (flattening
// V8's string tree before writing) and keeps everything it is made from alive until then. No piece
// ends inside a character.
import { textPieces } from './write-in-pieces.js';

export class TextInPieces {
  /** `pieces()` gives the pieces anew each time it is called (a generator function). */
  constructor(readonly pieces: () => Iterable<Uint8Array>) {}

  /** A text already whole, handed on a megabyte at a time (write-in-pieces.ts). */
  static of(text: string): TextInPieces {
    return new TextInPieces(function* () {
      for (const piece of textPieces(text)) yield Buffer.from(piece, 'utf8');
    });
  }

  /** The whole text, for a caller that needs it at once (tests, the TUI). */
  toString(): string {
    return Buffer.concat([...this.pieces()]).toString('utf8');
  }
}
