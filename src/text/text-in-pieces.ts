// A long text handed on as consecutive pieces, each made as it is written: the JSON bulletin of
// 10,000 projects is 18 MB, and as one string it costs a second full-size copy (flattening V8's
// string tree before writing) and keeps everything it is made from alive until then. A piece is
// text, or that text's UTF-8 bytes (never a character cut in two).

export type TextPiece = string | Uint8Array;

export class TextInPieces {
  /** `pieces()` gives the pieces anew each time it is called (a generator function). */
  constructor(readonly pieces: () => Iterable<TextPiece>) {}

  /** The whole text, for a caller that needs it at once (tests, the TUI). */
  toString(): string {
    const parts: string[] = [];
    for (const piece of this.pieces()) {
      parts.push(
        typeof piece === 'string'
          ? piece
          : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength).toString('utf8'),
      );
    }
    return parts.join('');
  }
}
