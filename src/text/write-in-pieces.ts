// Writing a long text in pieces (a command's stdout, a file under --out). When stdout is a file (or
// /dev/null), Node's stream turns the whole string into one Buffer first: for an 18 MB JSON bulletin
// that is a second full-size copy and hundreds of milliseconds, where the same bytes encoded a
// megabyte at a time cost a few. A piece never ends between the two halves of a surrogate pair (each half alone would be
// written as U+FFFD), so the bytes written are exactly those of the whole string.

/** Characters per piece: large enough that the number of writes does not matter. */
export const WRITE_PIECE = 1 << 20;

/** Calls `write` with consecutive pieces of `text` (at most `piece` UTF-16 units each) whose concatenation is `text`. */
export function writeInPieces(
  text: string,
  write: (piece: string) => void,
  piece: number = WRITE_PIECE,
): void {
  for (const part of textPieces(text, piece)) write(part);
}

/** Consecutive pieces of `text` (at most `piece` UTF-16 units each) whose concatenation is `text`. */
export function* textPieces(text: string, piece: number = WRITE_PIECE): Generator<string> {
  if (text.length <= piece) {
    if (text) yield text;
    return;
  }
  const size = Math.max(2, piece);
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      const last = text.charCodeAt(end - 1);
      if (last >= 0xd800 && last <= 0xdbff) end -= 1; // keep a pair together
    }
    yield text.slice(start, end);
    start = end;
  }
}
