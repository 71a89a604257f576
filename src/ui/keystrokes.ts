// One keystroke per read. Ink hands each read from the terminal to the screens as one input,
// splitting it only at escape sequences, so two keys that arrive in the same read ("yy" while the
// app was busy saving, or "韩志刚" and Tab typed fast after an IME commit) reach a screen as the
// text "yy" or "韩志刚\t" — which is no command at all, and the keys are lost. This wraps the
// terminal's stdin so each read Ink makes returns one keystroke.
//
// What stays whole: anything with an escape sequence (Ink's own parser splits those), and a read
// holding a line break — that is pasted text, and the text input inserts it as one piece with the
// line breaks as spaces, so a pasted line never submits a half-typed form.

const ESC = '\u001b';

/** A read from the terminal as the keystrokes Ink should see, one input each. */
export function splitKeystrokes(chunk: string): string[] {
  if (chunk.length <= 1 || chunk.includes(ESC) || /[\r\n]/.test(chunk)) return [chunk];
  // by code point: a Chinese character or an emoji outside the BMP is one keystroke
  return [...chunk];
}

/**
 * `stdin` with `read()` returning one keystroke at a time (see splitKeystrokes); everything else
 * (raw mode, listeners, ref/unref) goes to the real stream.
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
  const releaseLater = () => {
    if (releasing) return;
    releasing = true;
    setTimeout(() => {
      releasing = false;
      released = true;
      stdin.emit('readable');
    }, 0);
  };
  const read = (): string | Buffer | null => {
    if (queue.length > 0) {
      if (!released) return null;
      released = false;
      const next = queue.shift()!;
      if (queue.length > 0) releaseLater();
      return next;
    }
    const chunk = stdin.read() as string | Buffer | null;
    if (chunk === null) return null;
    const [first, ...rest] = splitKeystrokes(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
    if (rest.length > 0) {
      queue.push(...rest);
      releaseLater();
    }
    return first ?? null;
  };
  return new Proxy(stdin, {
    get(target, property) {
      if (property === 'read') return read;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
