// Text from files must not drive the terminal (DEVELOPERS.md): a project name cannot move the
// cursor or recolour the screen. Escape sequences are removed; other control characters become
// a visible placeholder so nothing disappears silently. Tab becomes a space; newlines are kept
// only where a caller allows multi-line text.

// CSI (ESC [ … final), OSC (ESC ] … BEL or ESC \), other two-character ESC sequences, and C1 CSI.
const ESCAPE_SEQUENCE =
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]|\u009b[0-?]*[ -/]*[@-~]/g;
// C0 controls except \n, plus DEL and C1 controls; also bidi overrides that reorder what is shown.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function sanitizeText(text: string, options: { multiline?: boolean } = {}): string {
  let out = text.replace(ESCAPE_SEQUENCE, '').replace(/\r\n?/g, '\n');
  out = out.replace(CONTROL, (ch) => (ch === '\t' ? ' ' : '\ufffd'));
  if (!options.multiline) out = out.replace(/\n/g, ' ');
  return out;
}

/** True when the text holds nothing a terminal would act on. */
export function isSafeText(text: string): boolean {
  return sanitizeText(text, { multiline: true }) === text.replace(/\r\n?/g, '\n');
}

// Characters a terminal acts on when they are echoed: C0 controls (\n and \t included: a path with a
// line break would fake a second message line), DEL, C1 controls, bidi controls, line/paragraph
// separators.
const ECHO_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
const ECHO_UNSAFE_TEST = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

function visibleEscape(ch: string): string {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`;
}

/**
 * A file name, path or command-line value made safe to echo in a message, a hint or "已写入 …": each
 * character a terminal would act on is shown as a visible escape (ESC as `\x1b`, BEL as `\x07`, a
 * bidi override as `\u202e`), so an escape sequence in a name (`台账\x1b]52;c;…\x07.yaml`) is printed
 * as text the user can read and recognise, and never reaches the terminal as a command. Printable
 * text, Chinese included, is unchanged; applying it twice gives the same result.
 */
export function safeToEcho(value: string): string {
  return ECHO_UNSAFE_TEST.test(value) ? value.replace(ECHO_UNSAFE, visibleEscape) : value;
}

/** Text of several lines made safe to echo: each line by safeToEcho, the line breaks kept. */
export function safeLinesToEcho(text: string): string {
  if (!ECHO_UNSAFE_TEST.test(text.replace(/\n/g, ''))) return text;
  return text.split('\n').map(safeToEcho).join('\n');
}

// DCS, SOS, PM, APC and OSC strings with their payload, up to BEL or ST (or the next ESC).
const CONTROL_STRING = /\u001b[PX^_\]][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g;

/**
 * Pasted text as text only (a bracketed paste, keystrokes.ts): escape sequences (CSI, OSC with
 * their payload, others) and control characters are removed, so nothing inside a paste acts as a
 * key (a DEL as Backspace, ESC [A as ↑) or leaves residue ("]0;T"). Line breaks become "\n" (never
 * the "\r" of Enter), tabs spaces.
 */
export function pastedText(text: string): string {
  return text
    .replace(CONTROL_STRING, '')
    .replace(ESCAPE_SEQUENCE, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');
}
