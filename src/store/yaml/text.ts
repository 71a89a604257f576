// Text taken from YAML nodes for messages: sanitised, described, shortened; and the key a mistyped
// key most likely meant.

import { isMap, isScalar, isSeq } from '../yaml-lib.js';
import type { KeySpec } from '../../domain/schema.js';
import { sanitizeText } from '../../text/sanitize.js';

export type { KeySpec } from '../../domain/schema.js';

const NEEDS_SANITIZE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** sanitizeText, skipped when the text holds nothing it would change (the common case). */
export function cleanText(text: string, multiline = false): string {
  return NEEDS_SANITIZE.test(text) ? sanitizeText(text, { multiline }) : text;
}

/** How a value looks, for "expected X, got Y" messages. */
export function describeNode(node: unknown): string {
  if (isMap(node)) return '映射（键: 值）';
  if (isSeq(node)) return '列表';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null || v === undefined) return '空值';
    if (typeof v === 'number') return `数字 ${shortText(node.source ?? String(v))}`;
    if (typeof v === 'boolean') return `布尔值 ${String(v)}`;
    if (typeof v === 'string') return `文字“${shortText(cleanText(v))}”`;
  }
  return '无法识别的值';
}

export function shortText(s: string, max = 40): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/** `key` as it appears in messages. */
export const q = (s: string): string => `“${s}”`;

/** Edit distance counting an adjacent transposition as one edit (chiar → chair is 1). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(
        d[(i - 1) * cols + j]! + 1,
        d[i * cols + j - 1]! + 1,
        d[(i - 1) * cols + j - 1]! + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, d[(i - 2) * cols + j - 2]! + 1);
      }
      d[i * cols + j] = v;
    }
  }
  return d[rows * cols - 1]!;
}

const squash = (s: string): string => s.toLowerCase().replace(/[-_\s]/g, '');

/**
 * The allowed key `key` most likely meant: same letters ignoring case and - _; the Chinese name of
 * the field; or the nearest by edit distance (at most a third of its length, at least 1).
 */
export function suggestKey(key: string, spec: KeySpec): string | undefined {
  const keys = Object.keys(spec);
  const sq = squash(key);
  const same = keys.find((k) => squash(k) === sq);
  if (same) return same;
  const trimmed = key.trim();
  if (trimmed) {
    const byLabel = keys.find((k) =>
      (spec[k] ?? '')
        .split('/')
        .some((label) => label && (label === trimmed || (trimmed.length >= 2 && label.includes(trimmed)))),
    );
    if (byLabel) return byLabel;
  }
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of keys) {
    const d = editDistance(sq, squash(k));
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best !== undefined && bestD <= Math.max(1, Math.floor(best.length / 3)) ? best : undefined;
}
