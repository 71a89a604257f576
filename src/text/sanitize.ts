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
