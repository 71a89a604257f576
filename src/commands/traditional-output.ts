// Output in traditional characters (--script traditional): text and JSON converted (opencc is loaded
// only then), person names kept as written, and a hint when a register is written in 繁體.
import type { BriefingDocument } from '../briefing/document.js';
import type { Script } from './option-values.js';

// Characters common in register titles that exist only in traditional writing (項目 臺賬 開發區 經濟 …).
const TRADITIONAL_ONLY = /[項區臺賬點發開經濟園設進計劃資額單會議實總東車陽縣鎮鄉層場產]/u;

/**
 * A hint for a register written in traditional characters when no --script was given: its names
 * would otherwise stand in a simplified frame (關於… 達拉特經濟開發區 重点项目…).
 */
export function traditionalHint(title: string, script: string | undefined): string {
  if (script !== undefined || !TRADITIONAL_ONLY.test(title)) return '';
  return '提示：台账用繁体字书写，可加 --script traditional 输出繁体字。\n';
}

/**
 * Converts text output to 繁體 when asked (opencc is loaded only then), keeping the person names
 * `names` (domain/names.ts personNames) as they are written.
 */
export async function applyScript(
  text: string,
  script: Script,
  names: readonly string[] = [],
): Promise<string> {
  if (script !== 'traditional') return text;
  const { traditionalConverter } = await import('../text/traditional.js');
  return traditionalConverter(names)(text);
}

/**
 * Fields whose values are names a script compares against (formats.md enums, the lights, the model's
 * own tags): kept as they are when JSON is printed in traditional characters.
 */
const STABLE_JSON_FIELDS = new Set([
  'light',
  'kind',
  'type',
  'align',
  'format',
  'state',
  'status',
  'nature',
  'stage',
  'severity',
  'timeProgressMode',
]);

/**
 * JSON for --script traditional: every text value converted, but never a key ("lights": {"红": …}
 * stays a key scripts can read) nor the value of a field in STABLE_JSON_FIELDS.
 */
export async function jsonText(
  value: unknown,
  script: Script,
  names: readonly string[] = [],
): Promise<string> {
  if (script !== 'traditional') return `${JSON.stringify(value, null, 2)}\n`;
  const { traditionalConverter } = await import('../text/traditional.js');
  const convert = traditionalConverter(names);
  return `${JSON.stringify(mapStrings(value, convert, STABLE_JSON_FIELDS), null, 2)}\n`;
}

/** `value` with every string in it converted, except the values of the fields named in `keep`. */
function mapStrings(value: unknown, convert: (s: string) => string, keep: ReadonlySet<string>): unknown {
  const walk = (v: unknown, key?: string): unknown => {
    if (key !== undefined && keep.has(key)) return v;
    if (typeof v === 'string') return convert(v);
    if (Array.isArray(v)) return v.map((x) => walk(x));
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = walk(x, k);
      return out;
    }
    return v;
  };
  return walk(value);
}

/** Fields of the document model that are tags renderers match on, or data, not text. */
const DOCUMENT_TAGS = new Set(['light', 'data', 'kind', 'type', 'align', 'format']);

/**
 * Every human-readable string of a document converted with `convert`; the `light` of cells, which
 * renderers match on (红/黄/绿), and `data` are left as they are.
 */
export function mapDocumentText(doc: BriefingDocument, convert: (s: string) => string): BriefingDocument {
  return mapStrings(doc, convert, DOCUMENT_TAGS) as BriefingDocument;
}
