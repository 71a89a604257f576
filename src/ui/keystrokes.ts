// One keystroke per read. Ink hands each read from the terminal to the screens as one input,
// splitting it only at escape sequences, so keys that arrive in the same read ("yy" typed while the
// app was busy saving, or an IME phrase and Tab typed fast) reach a screen as the text "yy" or
// "韩志刚\t": no command at all, and the keys are lost. This wraps the terminal's stdin so that Ink
// reads keystrokes one at a time, and pasted text as one piece.
//
// Pasted text is told from typing by bracketed paste (run.ts turns it on: the terminal wraps a
// paste in ESC[200~ … ESC[201~). A paste is handed over whole, without the markers, so pasting
// "2021-10-15" into the follow-up list does not mark decisions 2, 1, 0 …, and the text input inserts
// it as one piece with line breaks as spaces (a pasted line never submits a half-typed form).
// Terminals without bracketed paste are covered by splitKeystrokes' rules.

const ESC = '\u001b';
const PASTE_START = '\u001b[200~';
const PASTE_END = '\u001b[201~';
/** A paste whose end marker never comes is handed over after this long. */
const PASTE_TIMEOUT_MS = 300;
/** Plain ASCII runs of 2 to 8 characters are typed-ahead keys; longer ones are text. */
const TYPED_AHEAD = /^[\x20-\x7e]{2,8}$/;

/**
 * Typed input (not a bracketed paste) as the keystrokes Ink should see, one input each:
 * - control characters (Tab, Backspace, Ctrl+letter) are keys of their own;
 * - a short run of plain ASCII between them is split into single keys ("yy", "+10");
 * - a longer run, or one with other characters, stays whole: text as an IME commits it, or a paste
 *   from a terminal without bracketed paste (no screen has a command that is not ASCII);
 * - from the first escape sequence on, Ink's own parser splits the keys (a read of Esc presses
 *   alone is split here: Ink would take two as one Alt+Esc);
 * - a read with a line break stays whole: without bracketed paste that is how a paste looks.
 */
export function splitKeystrokes(chunk: string): string[] {
  if (chunk.length <= 1 || /[\r\n]/.test(chunk)) return [chunk];
  // Esc pressed twice fast: Ink would read "ESC ESC" as one Alt+Esc
  if (/^\u001b+$/.test(chunk)) return [...chunk];
  const escapeAt = chunk.indexOf(ESC);
  const typed = escapeAt === -1 ? chunk : chunk.slice(0, escapeAt);
  const keys: string[] = [];
  for (const part of typed.split(/([\u0000-\u001f\u007f])/)) {
    if (part === '') continue;
    if (TYPED_AHEAD.test(part)) keys.push(...part);
    else keys.push(part);
  }
  if (escapeAt !== -1) keys.push(chunk.slice(escapeAt));
  return keys;
}

/**
 * `stdin` whose `read()` returns one keystroke (or one whole paste) at a time; everything else (raw
 * mode, listeners, ref/unref) goes to the real stream.
 *
 * The keystrokes of one read are handed over one per turn of the event loop, not all at once: a
 * key can change which part of the screen takes the next one (Tab moves to the next field), and
 * Ink attaches the new part's input handler only in an effect that React runs after the render.
 * The next keystroke waits for a timer, which fires after that effect, and `readable` is emitted
 * again for Ink to read it.
 */
export function keystrokeStdin(stdin: NodeJS.ReadStream): NodeJS.ReadStream {
  const queue: string[] = [];
  let released = false; // the next queued keystroke may be read now
  let releasing = false; // a timer will release it
  let paste: string | null = null; // a bracketed paste being received
  let pasteTimer: NodeJS.Timeout | undefined;

  const release = () => {
    released = true;
    stdin.emit('readable');
  };
  const releaseLater = () => {
    if (releasing) return;
    releasing = true;
    setTimeout(() => {
      releasing = false;
      release();
    }, 0);
  };
  const endPaste = () => {
    clearTimeout(pasteTimer);
    pasteTimer = undefined;
    if (paste !== null && paste !== '') queue.push(paste);
    paste = null;
  };

  /** Queues what a read from the terminal holds. */
  const take = (chunk: string) => {
    let rest = chunk;
    while (rest !== '') {
      if (paste !== null) {
        const end = rest.indexOf(PASTE_END);
        if (end === -1) {
          paste += rest;
          clearTimeout(pasteTimer);
          pasteTimer = setTimeout(() => {
            endPaste();
            release();
          }, PASTE_TIMEOUT_MS);
          return;
        }
        paste += rest.slice(0, end);
        endPaste();
        rest = rest.slice(end + PASTE_END.length);
        continue;
      }
      const start = rest.indexOf(PASTE_START);
      const typed = start === -1 ? rest : rest.slice(0, start);
      if (typed !== '') queue.push(...splitKeystrokes(typed));
      if (start === -1) return;
      paste = '';
      rest = rest.slice(start + PASTE_START.length);
    }
  };

  const read = (): string | null => {
    for (;;) {
      if (queue.length > 0) {
        // the first keystroke of a read goes at once; each further one after a turn of the loop
        if (!released) {
          releaseLater();
          return null;
        }
        released = false;
        const next = queue.shift()!;
        if (queue.length > 0) releaseLater();
        return next;
      }
      const chunk = stdin.read() as string | Buffer | null;
      if (chunk === null) return null;
      take(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
      released = true;
    }
  };

  return new Proxy(stdin, {
    get(target, property) {
      if (property === 'read') return read;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
