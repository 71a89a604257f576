// Display width of text in terminal columns, and code-point / grapheme helpers.
//
// Ink lays text out with its own copy of string-width (v8), which counts a lone text-presentation
// pictograph such as "©", "☀" or "✔" as 1 column, while the string-width 7 this package depends on
// counts it as 2. A table cell measured one way and drawn the other would shift its row by a column,
// so `displayWidth` follows Ink's rules, per grapheme cluster:
//   - zero-width clusters (controls, format characters, lone combining marks) → 0;
//   - RGI emoji, keycaps and ZWJ sequences of two or more pictographs → 2;
//   - any other cluster starting with a pictograph → its East Asian width: 2 for emoji-presentation
//     pictographs ("👍" + ZWJ), 1 for text-presentation ones ("©", "☀" without VS16);
//   - everything else → East Asian width of its first visible code point (Wide/Fullwidth, so CJK,
//     → 2; ambiguous such as "…" → 1), plus trailing spacing marks and halfwidth forms.
// The property is checked against Ink's own measurement in width.test.tsx.

import stringWidth from 'string-width';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

// `v` flag regexes are built at run time: TypeScript rejects the flag in literals below ES2024.
// Built on first use: compiling \p{RGI_Emoji} takes ~30 ms, which the app's first frame cannot
// spare (issue 5), and a single code point never needs it (isRgiEmoji).
let rgiEmoji: RegExp | undefined;
const KEYCAP = /^[\d#*]\u20e3$/;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/gu;
const PICTOGRAPHIC_ONE = /\p{Extended_Pictographic}/u;
// Pictographs that are East Asian Wide: those with emoji presentation by default, plus these
// (listed from get-east-asian-width 1.7, the table Ink's string-width uses): 〰 〽 ㊗ ㊙ and a few
// recent symbols.
const EMOJI_PRESENTATION = /\p{Emoji_Presentation}/u;
const WIDE_TEXT_PICTOGRAPHS = new Set([
  0x3030, 0x303d, 0x3297, 0x3299, 0x1f1ae, 0x1f202, 0x1f237, 0x1f6d9, 0x1f7da, 0x1fa8b, 0x1fa8c, 0x1fa8d,
  0x1facc, 0x1fadd, 0x1faeb, 0x1faf9, 0x1fafa,
]);
const SPACING_MARK = /\p{Mc}/u;
const REGIONAL_INDICATOR = /\p{Regional_Indicator}/u;

/**
 * Whether a grapheme cluster is an RGI emoji. A single code point is one exactly when it has
 * Emoji_Presentation and is not a lone regional indicator (checked for every code point in
 * width-emoji.test.ts), so the big regex is only compiled for sequences.
 */
export function isRgiEmoji(g: string): boolean {
  const cp = g.codePointAt(0) ?? 0;
  if (g.length === (cp > 0xffff ? 2 : 1)) return EMOJI_PRESENTATION.test(g) && !REGIONAL_INDICATOR.test(g);
  rgiEmoji ??= new RegExp('^\\p{RGI_Emoji}$', 'v');
  return rgiEmoji.test(g);
}
const PRINTABLE_ASCII = /^[\u0020-\u007e]*$/;
// Text made only of printable ASCII (1 column) and BMP characters that are always 2 columns and
// never combine: CJK ideographs, CJK symbols and punctuation (、。「」…, not the combining tone
// marks U+302A–302F), fullwidth forms (，（）：１Ａ). One UTF-16 unit per grapheme, so the width is
// counted without segmenting — the common case for a Chinese register, and the table's hot path.
const SIMPLE =
  /^[\u0020-\u007e\u3000-\u3029\u3030-\u303e\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60\uffe0-\uffe6]*$/;
const NARROW_UNIT = /[\u0020-\u007e]/;
const INVISIBLE = /^[\p{Default_Ignorable_Code_Point}\p{Control}\p{Format}\p{Mn}\p{Me}\p{Cs}]+$/u;

/** Splits text into grapheme clusters (what a reader sees as one character). */
export function graphemes(s: string): string[] {
  if (SIMPLE.test(s)) return s.split('');
  const out: string[] = [];
  for (const { segment } of segmenter.segment(s)) out.push(segment);
  return out;
}

/** Columns one grapheme cluster occupies in a terminal. */
export function graphemeWidth(g: string): number {
  if (g.length === 0) return 0;
  if (g.length === 1 && g >= ' ' && g <= '~') return 1;
  if (g.length === 1 && SIMPLE.test(g)) return 2;
  if (INVISIBLE.test(g)) return 0;
  if (isRgiEmoji(g) || KEYCAP.test(g)) return 2;
  if (g.includes('\u200d') && (g.match(PICTOGRAPHIC)?.length ?? 0) >= 2) return 2;
  // East Asian width of the first visible code point, plus trailing spacing marks and
  // halfwidth/fullwidth forms (ｶﾞ is two columns), as Ink's string-width counts them.
  const cps = Array.from(g);
  const at = cps.findIndex((cp) => !INVISIBLE.test(cp));
  const first = cps[at] ?? ' ';
  const jamo = hangulJamoWidth(cps.slice(at).filter((cp) => !INVISIBLE.test(cp)));
  if (jamo !== undefined) return jamo;
  let width = stringWidth(first);
  if (PICTOGRAPHIC_ONE.test(first)) {
    const wide = EMOJI_PRESENTATION.test(first) || WIDE_TEXT_PICTOGRAPHS.has(first.codePointAt(0) ?? 0);
    width = wide ? 2 : 1;
  }
  for (const cp of cps.slice(at + 1)) {
    if (SPACING_MARK.test(cp) || (cp >= '\uff00' && cp <= '\uffef')) width += stringWidth(cp);
  }
  return width;
}

const isLeadingJamo = (c: number) => (c >= 0x1100 && c <= 0x115f) || (c >= 0xa960 && c <= 0xa97c);
const isVowelJamo = (c: number) => (c >= 0x1160 && c <= 0x11a7) || (c >= 0xd7b0 && c <= 0xd7c6);
const isTrailingJamo = (c: number) => (c >= 0x11a8 && c <= 0x11ff) || (c >= 0xd7cb && c <= 0xd7fb);

// Conjoining Hangul jamo: a leading + vowel (+ trailing) run shapes as one 2-column syllable;
// unmatched jamo add their own widths. Undefined when the cluster does not start with a jamo.
function hangulJamoWidth(visible: string[]): number | undefined {
  let width = 0;
  for (let i = 0; i < visible.length; i++) {
    const c = visible[i]!.codePointAt(0)!;
    const isJamo = isLeadingJamo(c) || isVowelJamo(c) || isTrailingJamo(c);
    if (!isJamo) {
      if (width === 0) return undefined;
      for (const rest of visible.slice(i)) width += stringWidth(rest);
      return width;
    }
    const next = visible[i + 1]?.codePointAt(0) ?? 0;
    if (isLeadingJamo(c) && isVowelJamo(next)) {
      width += 2;
      i += isTrailingJamo(visible[i + 2]?.codePointAt(0) ?? 0) ? 2 : 1;
      continue;
    }
    width += stringWidth(visible[i]!);
  }
  return width === 0 ? undefined : width;
}

/** Columns the text occupies in a terminal (plain text: no escape sequences). */
export function displayWidth(s: string): number {
  if (PRINTABLE_ASCII.test(s)) return s.length;
  if (SIMPLE.test(s)) {
    let width = 0;
    for (let i = 0; i < s.length; i++) width += NARROW_UNIT.test(s[i]!) ? 1 : 2;
    return width;
  }
  let width = 0;
  for (const g of graphemes(s)) width += graphemeWidth(g);
  return width;
}

export type Align = 'left' | 'right' | 'center';

/**
 * Cuts text to at most `width` columns, never splitting a grapheme (a CJK character is 2 columns).
 * When text is cut, `ellipsis` ends it; if a wide character leaves one column over, a space pads
 * the result so it is exactly `width` columns and the next column stays aligned.
 * Text that fits is returned unchanged (not padded). If the ellipsis itself is wider than `width`
 * the text is cut without it.
 */
export function truncateToWidth(s: string, width: number, ellipsis = '…'): string {
  if (width <= 0) return '';
  if (displayWidth(s) <= width) return s;
  const ellipsisWidth = displayWidth(ellipsis);
  const mark = ellipsisWidth <= width ? ellipsis : '';
  const room = width - (mark ? ellipsisWidth : 0);
  let out = '';
  let used = 0;
  for (const g of graphemes(s)) {
    const w = graphemeWidth(g);
    if (used + w > room) break;
    out += g;
    used += w;
  }
  out += mark;
  used += mark ? ellipsisWidth : 0;
  return used < width ? out + ' '.repeat(width - used) : out;
}

/** Pads text with spaces to `width` columns; text already as wide or wider is returned unchanged. */
export function padToWidth(s: string, width: number, align: Align = 'left'): string {
  const gap = width - displayWidth(s);
  if (gap <= 0) return s;
  if (align === 'right') return ' '.repeat(gap) + s;
  if (align === 'center') {
    const left = Math.floor(gap / 2);
    return ' '.repeat(left) + s + ' '.repeat(gap - left);
  }
  return s + ' '.repeat(gap);
}

/** Exactly `width` columns: truncated with an ellipsis when too wide, padded when too narrow. */
export function fitToWidth(s: string, width: number, align: Align = 'left', ellipsis = '…'): string {
  return padToWidth(truncateToWidth(s, width, ellipsis), width, align);
}

/**
 * The part of `s` that starts at display column `start` and is at most `width` columns wide.
 * A wide character cut by either edge is replaced by spaces so columns stay where they were.
 */
export function sliceByWidth(s: string, start: number, width: number): string {
  let out = '';
  let col = 0;
  const end = start + width;
  for (const g of graphemes(s)) {
    const w = graphemeWidth(g);
    const next = col + w;
    if (next <= start) {
      col = next;
      continue;
    }
    if (col >= end) break;
    if (col < start || next > end) {
      out += ' '.repeat(Math.min(next, end) - Math.max(col, start));
    } else {
      out += g;
    }
    col = next;
  }
  return out;
}

// ---- code points --------------------------------------------------------------------------------

/** The code points of a string, each as a string (a surrogate pair stays one element). */
export function codePoints(s: string): string[] {
  return Array.from(s);
}

/** Number of code points (not UTF-16 units). */
export function codePointLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** `s.slice` by code-point indices; negative indices count from the end, like `Array#slice`. */
export function sliceCodePoints(s: string, start: number, end?: number): string {
  return codePoints(s).slice(start, end).join('');
}

/**
 * Code-point offsets of grapheme-cluster boundaries, from 0 to the code-point length inclusive.
 * "e" + U+0301 gives [0, 2]; "红👍🏽" gives [0, 1, 3].
 */
export function graphemeBoundaries(s: string): number[] {
  const out = [0];
  let at = 0;
  for (const g of graphemes(s)) {
    at += codePointLength(g);
    out.push(at);
  }
  return out;
}
