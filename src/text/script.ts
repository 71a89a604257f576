// 简体 or 繁體 output (--script, the settings' script): text converted after it is rendered, JSON
// converted value by value. opencc is loaded only when 繁體 is asked for; the person names given
// (domain/names.ts personNames) stay as written (马占文, not 馬佔文).

export type Script = 'simplified' | 'traditional';

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
  const { traditionalConverter } = await import('./traditional.js');
  return traditionalConverter(names)(text);
}

/**
 * Fields whose values are names a script compares against (docs/formats.md enums, the lights, the model's
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
  const { traditionalConverter } = await import('./traditional.js');
  const convert = traditionalConverter(names);
  return `${JSON.stringify(mapStrings(value, convert, STABLE_JSON_FIELDS), null, 2)}\n`;
}

/** `value` with every string in it converted, except the values of the fields named in `keep`. */
export function mapStrings(
  value: unknown,
  convert: (s: string) => string,
  keep: ReadonlySet<string>,
): unknown {
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
