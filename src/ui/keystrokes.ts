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

// Only keys and text reach Ink. A sequence Ink cannot name (a terminal's reply to a query: cursor
// position ESC[12;40R, status ESC[0n; an OSC string; a colour sequence in typed bytes) would crash
// Ink's input hook (a key with no name: "reading 'startsWith'") or leave residue ("[12;40R",
// "]0;T") in a text field: such sequences are dropped here, whole, and the keys around them kept.

import { pastedText } from '../text/sanitize.js';

const ESC = '\u001b';
const PASTE_START = '\u001b[200~';
const PASTE_END = '\u001b[201~';
/** A paste whose end marker never comes is handed over after this long. */
const PASTE_TIMEOUT_MS = 300;
/** An escape sequence cut off at the end of a read waits this long for its end, then is dropped. */
const PENDING_TIMEOUT_MS = 100;
/**
 * How many rounds of React work (a render and its effects, queued by React's scheduler with
 * setImmediate) a keystroke may set off before the next one is handed over; see keystrokeStdin.
 */
const SETTLE_HOPS = 6;
/** Plain ASCII runs of 2 to 8 characters are typed-ahead keys; longer ones are text. */
const TYPED_AHEAD = /^[\x20-\x7e]{2,8}$/;

/**
 * The escape sequences that are keys, in the forms Ink's parse-keypress names: arrows, Home, End,
 * Shift+Tab (ESC [Z), with xterm modifiers (ESC [1;5C); Insert, Delete, PageUp/Down, F-keys as
 * ESC [n~ (modifiers ESC [3;5~) and their rxvt forms; SS3 (ESC O A) and the console's ESC [[A.
 */
const KEY_SEQUENCE =
  /^(?:\u001b\[(?:[ABCDEFHZabcde]|1;\d+[ABCDEFH]|\[[A-E]|\[[56]~|(?:[1-8]|1[1-5]|1[7-9]|2[0134])(?:;\d+)?~|[2-8]\^)|\u001bO[A-FHP-Sa-e])$/;

/** Control characters that are keys Ink names: Ctrl+letter, Tab, Enter, Backspace, DEL. */
const KEY_CONTROL = /^[\u0000-\u001a\u007f]$/;

/** Where a CSI sequence starting at `at` (after its introducer of `prefix` characters) ends. */
function csiEnd(text: string, at: number, prefix: number): number | 'pending' | 'malformed' {
  let i = at + prefix;
  if (text[i] === '[') i++; // the console's ESC [[A and putty's ESC [[5~
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c <= 0x3f) continue; // parameters and intermediates
    if (c >= 0x40 && c <= 0x7e) return i + 1;
    return 'malformed';
  }
  return 'pending';
}

/** Where a control string (OSC, DCS, SOS, PM, APC) ends: after BEL or ST, or at the next ESC. */
function stringEnd(text: string, from: number): number | 'pending' {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '\u0007' || c === '\u009c') return i + 1;
    if (c === ESC) return text[i + 1] === '\\' ? i + 2 : i;
  }
  return 'pending';
}

/** rxvt's Shift+Insert … Shift+End (ESC [2$): "$" is no CSI final byte, so they are read here. */
const RXVT_KEY = /^\u001b\[[2-8]\$/;

/** The key sequence (not Esc alone) that starts at `at`, if one does: for Alt+key, ESC before it. */
function keyAt(text: string, at: number): string | undefined {
  const rxvt = RXVT_KEY.exec(text.slice(at, at + 4))?.[0];
  if (rxvt !== undefined) return rxvt;
  const m = /^\u001b(?:\[\[?[\x20-\x3f]*[\x40-\x7e]|O[\x40-\x7e])/.exec(text.slice(at, at + 32));
  return m && KEY_SEQUENCE.test(m[0]) ? m[0] : undefined;
}

interface Split {
  keys: string[];
  /** an escape sequence cut off at the end: it continues in the next read */
  pending: string;
}

/** Typed text between keys: short ASCII runs are typed-ahead keys, anything else stays whole. */
function pushText(keys: string[], text: string): void {
  if (text === '') return;
  if (TYPED_AHEAD.test(text)) keys.push(...text);
  else keys.push(text);
}

/** `text` (typed, not a bracketed paste) as keystrokes; see splitKeystrokes. */
function splitTyped(text: string): Split {
  const keys: string[] = [];
  let run = '';
  const flush = () => {
    pushText(keys, run);
    run = '';
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const code = c.charCodeAt(0);
    if (c === ESC) {
      flush();
      const next = text[i + 1];
      if (next === undefined || next === ESC) {
        // Esc alone; Esc before Esc is two presses, unless the second starts a key (Alt+↑)
        if (next === ESC) {
          const alt = keyAt(text, i + 1);
          if (alt !== undefined) {
            keys.push(ESC + alt);
            i += 1 + alt.length;
            continue;
          }
        }
        keys.push(ESC);
        i++;
        continue;
      }
      if (next === '[') {
        const rxvt = RXVT_KEY.exec(text.slice(i, i + 4))?.[0];
        if (rxvt !== undefined) {
          keys.push(rxvt);
          i += rxvt.length;
          continue;
        }
        const end = csiEnd(text, i, 2);
        if (end === 'pending') return { keys, pending: text.slice(i) };
        if (end === 'malformed') {
          i += 2; // not a sequence: drop its introducer, keep what follows
          continue;
        }
        const sequence = text.slice(i, end);
        if (KEY_SEQUENCE.test(sequence)) keys.push(sequence);
        i = end;
        continue;
      }
      if (next === 'O') {
        if (i + 2 >= text.length) return { keys, pending: text.slice(i) };
        const sequence = text.slice(i, i + 3);
        if (KEY_SEQUENCE.test(sequence)) {
          keys.push(sequence);
          i += 3;
        } else i += 2;
        continue;
      }
      if (next === ']' || next === 'P' || next === 'X' || next === '^' || next === '_') {
        const end = stringEnd(text, i + 2);
        if (end === 'pending') return { keys, pending: text.slice(i) };
        i = end;
        continue;
      }
      // Alt+key: a printable character, or Enter / Backspace / DEL (Alt+Backspace deletes a word)
      const point = String.fromCodePoint(text.codePointAt(i + 1)!);
      if (/^[\r\b\u007f]$/.test(point) || !/^[\u0000-\u001f\u007f-\u009f]$/.test(point)) {
        keys.push(ESC + point);
        i += 1 + point.length;
      } else {
        keys.push(ESC);
        i++;
      }
      continue;
    }
    if (code === 0x9b) {
      flush();
      const end = csiEnd(text, i, 1);
      if (end === 'pending') return { keys, pending: text.slice(i) };
      i = end === 'malformed' ? i + 1 : end;
      continue;
    }
    if (code === 0x90 || code === 0x98 || code === 0x9d || code === 0x9e || code === 0x9f) {
      flush();
      const end = stringEnd(text, i + 1);
      if (end === 'pending') return { keys, pending: text.slice(i) };
      i = end;
      continue;
    }
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) {
      flush();
      // Enter typed before the terminal left cooked mode arrives as a line feed
      const key = c === '\n' ? '\r' : c;
      if (KEY_CONTROL.test(key)) keys.push(key);
      i++;
      continue;
    }
    run += c;
    i++;
  }
  flush();
  return { keys, pending: '' };
}

/**
 * Typed input (not a bracketed paste) as the keystrokes Ink should see, one input each:
 * - control characters (Tab, Enter, Backspace, Ctrl+letter) are keys of their own, and so is each
 *   escape sequence that is a key (arrows, Delete, Shift+Tab, Alt+letter …);
 * - escape sequences that are no key (terminal replies, colours, OSC strings, C1 codes) are dropped
 *   whole, so neither Ink nor a text field sees a piece of them;
 * - a short run of plain ASCII between them is split into single keys ("yy", "+10");
 * - a longer run, or one with other characters, stays whole: text as an IME commits it, or a paste
 *   from a terminal without bracketed paste (no screen has a command that is not ASCII);
 * - Esc presses alone are split (Ink would take two as one Alt+Esc);
 * - a read with CR LF, which no key sends, is a paste from a terminal without bracketed paste: it
 *   stays whole, as text only (no key acts from inside it).
 * An escape sequence cut off at the end of the read is left out (keystrokeStdin keeps it for the next).
 */
export function splitKeystrokes(chunk: string): string[] {
  if (chunk === '') return [''];
  if (chunk.length > 2 && chunk.includes('\r\n')) {
    const text = pastedText(chunk);
    return text === '' ? [] : [text];
  }
  return splitTyped(chunk).keys;
}

/**
 * `stdin` whose `read()` returns one keystroke (or one whole paste) at a time; everything else (raw
 * mode, listeners, ref/unref) goes to the real stream.
 *
 * The keystrokes of one read are handed over one at a time, not all at once: a key can change which
 * part of the screen takes the next one (Tab moves to the next field, 2 opens the meeting screen),
 * and Ink attaches the new part's input handler only in an effect that React runs after the render
 * — React's scheduler runs those effects from setImmediate callbacks, and an effect may set state
 * that renders again and attaches its handlers one callback later (the meeting screen first shows
 * "正在打开调度会", then its set-up form). The next keystroke waits for a timer and then for
 * SETTLE_HOPS setImmediate callbacks, each queued from the one before, so it comes after a chain of
 * that many renders and effects; then `readable` is emitted again for Ink to read it.
 *
 * With `until`, nothing is read before that promise settles (the keys wait in the terminal's
 * stream); then `readable` is emitted for Ink to read them (run.ts: the screens other than home are
 * loaded after the first frame, before any key is read).
 */
export function keystrokeStdin(
  stdin: NodeJS.ReadStream,
  options: { until?: Promise<unknown> } = {},
): NodeJS.ReadStream {
  let held = options.until !== undefined;
  const letIn = () => {
    held = false;
    stdin.emit('readable');
  };
  options.until?.then(letIn, letIn);
  const queue: string[] = [];
  let released = false; // the next queued keystroke may be read now
  let releasing = false; // a timer will release it
  let paste: string | null = null; // a bracketed paste being received
  let pasteTimer: NodeJS.Timeout | undefined;
  let pending = ''; // an escape sequence cut off at the end of the last read
  let pendingTimer: NodeJS.Timeout | undefined;

  const release = () => {
    released = true;
    stdin.emit('readable');
  };
  const releaseLater = () => {
    if (releasing) return;
    releasing = true;
    let hops = SETTLE_HOPS;
    const hop = () => {
      if (hops-- > 0) {
        setImmediate(hop);
        return;
      }
      releasing = false;
      release();
    };
    setTimeout(hop, 0);
  };
  const endPaste = () => {
    clearTimeout(pasteTimer);
    pasteTimer = undefined;
    const text = paste === null ? '' : pastedText(paste);
    if (text !== '') queue.push(text);
    paste = null;
  };

  /** Queues what a read from the terminal holds. */
  const take = (chunk: string) => {
    clearTimeout(pendingTimer);
    let rest = pending + chunk;
    pending = '';
    while (rest !== '') {
      if (paste !== null) {
        // the end marker may be split between two reads: look for it across the join
        const from = Math.max(0, paste.length - PASTE_END.length);
        paste += rest;
        const end = paste.indexOf(PASTE_END, from);
        if (end === -1) {
          clearTimeout(pasteTimer);
          pasteTimer = setTimeout(() => {
            endPaste();
            release();
          }, PASTE_TIMEOUT_MS);
          return;
        }
        rest = paste.slice(end + PASTE_END.length);
        paste = paste.slice(0, end);
        endPaste();
        continue;
      }
      const start = rest.indexOf(PASTE_START);
      const typed = start === -1 ? rest : rest.slice(0, start);
      if (typed !== '') {
        if (typed.length > 2 && typed.includes('\r\n')) queue.push(...splitKeystrokes(typed));
        else {
          const split = splitTyped(typed);
          queue.push(...split.keys);
          if (start === -1 && split.pending !== '') {
            // the rest of the sequence (or the paste marker) comes in the next read; if it never
            // does, it was no key
            pending = split.pending;
            pendingTimer = setTimeout(() => {
              pending = '';
            }, PENDING_TIMEOUT_MS);
          }
        }
      }
      if (start === -1) return;
      paste = '';
      rest = rest.slice(start + PASTE_START.length);
    }
  };

  const read = (): string | null => {
    if (held) return null;
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
