// Single-line text editing as a pure reducer. The cursor is a code-point index (a surrogate pair
// counts once) and always sits on a grapheme boundary: ←/→, Backspace and Delete step over a whole
// cluster (an emoji with its skin tone, a letter with its combining accent, one Chinese character).
//
// Words (Ctrl+W, Alt+←/→): a word is a run of characters of one kind — CJK ideographs and kana and
// hangul; letters and digits; punctuation and symbols — and spaces separate words. Chinese has no
// spaces, so a run of Chinese characters up to punctuation or a change of script counts as one word:
// in "推进征地拆迁，2024年底前完成" the words are 推进征地拆迁 · ， · 2024 · 年底前完成. Treating each
// character as a word would make Ctrl+W no better than Backspace; IME users delete phrases.

import { sanitizeText } from '../../../text/sanitize.js';
import { codePointLength, graphemes } from '../../../text/width.js';

export interface TextInputState {
  value: string;
  /** Code-point index, 0 … code-point length of `value`. */
  cursor: number;
  /**
   * The whole value is selected (a field that preselects what it offers, like a quick pick):
   * typing or pasting replaces it, a deleting key clears it, a moving key just unselects.
   */
  selected?: boolean;
}

export type TextInputAction =
  /** Typed text: a key, or a whole IME phrase. Control characters are removed. */
  | { type: 'insert'; text: string }
  /**
   * Pasted text: like insert; lines are joined as the language expects (joinPastedLines): Chinese
   * runs on without a space, words of other scripts get one; trailing breaks are dropped.
   */
  | { type: 'paste'; text: string }
  | { type: 'backspace' }
  | { type: 'delete' }
  | { type: 'left' }
  | { type: 'right' }
  | { type: 'home' }
  | { type: 'end' }
  | { type: 'wordLeft' }
  | { type: 'wordRight' }
  | { type: 'deleteWordBackward' }
  | { type: 'killToStart' }
  | { type: 'killToEnd' }
  /**
   * Replace the value (a controlled input's parent changed it). Cursor: as given; else at the end
   * if it was at the end (a value loaded for editing), else kept where it was, clamped.
   */
  | { type: 'set'; value: string; cursor?: number; select?: boolean }
  /** Select the whole value (or nothing). */
  | { type: 'select'; selected: boolean };

export function createTextInputState(value = '', cursor?: number): TextInputState {
  const clean = cleanText(value);
  return { value: clean, cursor: snap(clean, cursor ?? codePointLength(clean)) };
}

/**
 * Text as it may enter a single-line field: escape sequences and control characters removed (via
 * sanitizeText), tabs and inner line breaks turned into spaces, trailing line breaks dropped.
 * A U+FFFD already in the text is kept; those sanitizeText puts in place of controls are not.
 */
export function cleanText(text: string): string {
  const trimmed = text.replace(/[\r\n]+$/, '');
  return trimmed
    .split('\ufffd')
    .map((part) => sanitizeText(part).replace(/\ufffd/g, ''))
    .join('\ufffd');
}

// Characters after which (or before which) a line break joins without a space: CJK ideographs,
// kana, hangul, and full-width punctuation and forms (。，、；：？！“”‘’（）《》【】…).
const CJK_JOIN =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2026\u2014]/u;

/**
 * Lines of pasted text as one line, the way the text's language writes it: a line break between
 * Chinese characters or punctuation disappears ("完成征地\n拆迁工作" → "完成征地拆迁工作"), between
 * words of other scripts it becomes one space ("Phase\nII" → "Phase II"). Spaces around each break
 * and empty lines go too.
 */
export function joinPastedLines(text: string): string {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  let out = '';
  for (const line of lines) {
    if (out === '') {
      out = line;
      continue;
    }
    const before = Array.from(out).at(-1) ?? '';
    const after = Array.from(line)[0] ?? '';
    out += (CJK_JOIN.test(before) || CJK_JOIN.test(after) ? '' : ' ') + line;
  }
  return out;
}

/** Grapheme clusters with their code-point start offsets, plus the end offset. */
function clusters(value: string): { starts: number[]; items: string[] } {
  const items = graphemes(value);
  const starts: number[] = [];
  let at = 0;
  for (const g of items) {
    starts.push(at);
    at += codePointLength(g);
  }
  starts.push(at);
  return { starts, items };
}

/** Moves a cursor onto the nearest grapheme boundary at or after it, within the value. */
function snap(value: string, cursor: number): number {
  const { starts } = clusters(value);
  const end = starts[starts.length - 1] ?? 0;
  const c = Math.max(0, Math.min(end, Math.trunc(cursor)));
  return starts.find((s) => s >= c) ?? end;
}

type WordClass = 'space' | 'cjk' | 'punct' | 'word';

const SPACE = /^\s+$/u;
const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3005\u3007\u30fc]/u;
const PUNCT = /^[\p{P}\p{S}]/u;

export function wordClass(g: string): WordClass {
  if (SPACE.test(g)) return 'space';
  if (CJK.test(g)) return 'cjk';
  if (PUNCT.test(g)) return 'punct';
  return 'word';
}

/** Code-point index of the start of the word before the cursor (spaces before it skipped). */
export function wordStartBefore(value: string, cursor: number): number {
  const { starts, items } = clusters(value);
  let i = starts.findIndex((s) => s >= cursor);
  if (i === -1) i = items.length;
  while (i > 0 && wordClass(items[i - 1]!) === 'space') i--;
  if (i === 0) return 0;
  const kind = wordClass(items[i - 1]!);
  while (i > 0 && wordClass(items[i - 1]!) === kind) i--;
  return starts[i]!;
}

/** Code-point index of the end of the word after the cursor (spaces before it skipped). */
export function wordEndAfter(value: string, cursor: number): number {
  const { starts, items } = clusters(value);
  let i = starts.findIndex((s) => s >= cursor);
  if (i === -1) i = items.length;
  while (i < items.length && wordClass(items[i]!) === 'space') i++;
  if (i >= items.length) return starts[items.length]!;
  const kind = wordClass(items[i]!);
  while (i < items.length && wordClass(items[i]!) === kind) i++;
  return starts[i]!;
}

function splice(state: TextInputState, from: number, to: number, insert: string): TextInputState {
  const cps = Array.from(state.value);
  const value = cps.slice(0, from).join('') + insert + cps.slice(to).join('');
  return { value, cursor: snap(value, from + codePointLength(insert)) };
}

function withCursor(state: TextInputState, cursor: number): TextInputState {
  return cursor === state.cursor ? state : { ...state, cursor };
}

export function textInputReducer(state: TextInputState, action: TextInputAction): TextInputState {
  if (state.selected && action.type !== 'set' && action.type !== 'select') {
    return selectedReducer(state, action);
  }
  const end = codePointLength(state.value);
  switch (action.type) {
    case 'select':
      return !!state.selected === action.selected
        ? state
        : action.selected
          ? { ...state, cursor: end, selected: true }
          : { value: state.value, cursor: state.cursor };
    case 'insert':
    case 'paste': {
      const text = cleanText(action.type === 'paste' ? joinPastedLines(action.text) : action.text);
      return text === '' ? state : splice(state, state.cursor, state.cursor, text);
    }
    case 'backspace': {
      if (state.cursor === 0) return state;
      const { starts } = clusters(state.value);
      const from = [...starts].reverse().find((s) => s < state.cursor) ?? 0;
      return splice(state, from, state.cursor, '');
    }
    case 'delete': {
      if (state.cursor >= end) return state;
      const { starts } = clusters(state.value);
      const to = starts.find((s) => s > state.cursor) ?? end;
      return splice(state, state.cursor, to, '');
    }
    case 'left': {
      const { starts } = clusters(state.value);
      return withCursor(state, [...starts].reverse().find((s) => s < state.cursor) ?? 0);
    }
    case 'right': {
      const { starts } = clusters(state.value);
      return withCursor(state, starts.find((s) => s > state.cursor) ?? end);
    }
    case 'home':
      return withCursor(state, 0);
    case 'end':
      return withCursor(state, end);
    case 'wordLeft':
      return withCursor(state, wordStartBefore(state.value, state.cursor));
    case 'wordRight':
      return withCursor(state, wordEndAfter(state.value, state.cursor));
    case 'deleteWordBackward': {
      const from = wordStartBefore(state.value, state.cursor);
      return from === state.cursor ? state : splice(state, from, state.cursor, '');
    }
    case 'killToStart':
      return state.cursor === 0 ? state : splice(state, 0, state.cursor, '');
    case 'killToEnd':
      return state.cursor >= end
        ? state
        : { value: Array.from(state.value).slice(0, state.cursor).join(''), cursor: state.cursor };
    case 'set': {
      const value = cleanText(action.value);
      const atEnd = state.cursor >= end;
      const cursor = snap(value, action.cursor ?? (atEnd ? codePointLength(value) : state.cursor));
      const selected = action.select ?? false;
      if (value === state.value && cursor === state.cursor && selected === !!state.selected) return state;
      return selected ? { value, cursor: codePointLength(value), selected } : { value, cursor };
    }
  }
}

/** A key on a selected value: text replaces it, deleting keys clear it, others unselect first. */
function selectedReducer(state: TextInputState, action: TextInputAction): TextInputState {
  const plain: TextInputState = { value: state.value, cursor: state.cursor };
  switch (action.type) {
    case 'insert':
    case 'paste': {
      const next = textInputReducer(createTextInputState(''), action);
      return next.value === '' ? state : next;
    }
    case 'backspace':
    case 'delete':
    case 'deleteWordBackward':
    case 'killToStart':
    case 'killToEnd':
      return createTextInputState('');
    default:
      return textInputReducer(plain, action);
  }
}
