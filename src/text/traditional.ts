// 繁體 output (--script traditional) and reading traditional input, with OpenCC's tables (opencc-js).
// Simplified → traditional converts phrases and characters, then takes the standard character forms
// readers of traditional print know (OpenCC 'tw' variants: 為, 考核, 裡, 著 rather than OpenCC's own
// 爲, 考覈, 裏, 着), but no Taiwan vocabulary: 项目 stays 項目, never 專案 (that would be 'twp').
// Two things go around OpenCC: the project's own phrase table (PHRASES: the sense these words have in
// a dispatch meeting, where OpenCC's choice is another), and person names, which are never converted
// (OpenCC reads 马占文 as 馬佔文): the text between them is converted, they are kept as written.
// The converters are built lazily, once: the simplified→traditional dictionary is about 1 MB.
import { createRequire } from 'node:module';

type Convert = (text: string) => string;
interface OpenCCModule {
  Converter(options: { from: string; to: string }): Convert;
}

let openccModule: OpenCCModule | undefined;
let openccToTraditional: Convert | undefined;
let toSimplifiedConverter: Convert | undefined;

function opencc(): OpenCCModule {
  // opencc-js ships no type declarations; its CommonJS build is loaded through createRequire.
  openccModule ??= createRequire(import.meta.url)('opencc-js') as OpenCCModule;
  return openccModule;
}

/**
 * Phrases OpenCC converts in a sense the register, the meetings and the briefings never mean; each
 * wins over OpenCC wherever it appears. Found by converting every seed register, meeting, minutes and
 * bulletin and reading the result (test/office/traditional.test.ts checks them on that text).
 */
export const PHRASES: Readonly<Record<string, string>> = {
  // "安装15台风机": 台 is the measure word, 风机 a wind turbine — not 颱風 (typhoon) + 機
  风机: '風機',
  // dry-mix mortar: 乾 (dry), not 幹 (trunk, cadre)
  干混: '乾混',
  // 事事有回音 (every matter gets an answer): a reply, not an echo (迴音)
  回音: '回音',
  // the weekly meeting: 週 (week); OpenCC keeps 周 here
  周调度: '週調度',
  按周: '按週',
  // hydrogen production: 製 (make), as 制造 → 製造
  制氢: '製氫',
  // countersigning a document (會簽), not drawing lots (籤)
  会签: '會簽',
};

/** A simplified → traditional conversion that keeps `names` as written and applies PHRASES. */
export type TraditionalConverter = (text: string) => string;

const HAN = /[\u3400-\u9fff]/;
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A converter for text that may name `names` (people known from the register and the meetings):
 * every occurrence of a name, anywhere in the text, is left as it is; every PHRASES entry is
 * replaced by its own form; the text between is converted by OpenCC.
 */
export function traditionalConverter(names: Iterable<string> = []): TraditionalConverter {
  const replacement = new Map<string, string>(Object.entries(PHRASES));
  for (const name of names) if (HAN.test(name)) replacement.set(name, name);
  // longest first: at a given position the longest name or phrase wins (张建国 before 张建)
  const keys = [...replacement.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(keys.map(escapeRegExp).join('|'), 'g');
  return (text: string): string => {
    if (!HAN.test(text)) return text;
    openccToTraditional ??= opencc().Converter({ from: 'cn', to: 'tw' });
    const convert = openccToTraditional;
    let out = '';
    let last = 0;
    for (const m of text.matchAll(pattern)) {
      out += convert(text.slice(last, m.index)) + (replacement.get(m[0]) ?? m[0]);
      last = m.index + m[0].length;
    }
    return out + convert(text.slice(last));
  };
}

let plainConverter: TraditionalConverter | undefined;

/**
 * Simplified → traditional characters, with PHRASES but no names known (use traditionalConverter
 * when the register and meetings are at hand). Text without Chinese is returned as it is.
 */
export function toTraditional(text: string): string {
  plainConverter ??= traditionalConverter();
  return plainConverter(text);
}

/** Traditional (any of OpenCC standard, Taiwan or Hong Kong forms) → simplified. */
export function toSimplified(text: string): string {
  if (!HAN.test(text)) return text;
  toSimplifiedConverter ??= opencc().Converter({ from: 'hk', to: 'cn' });
  return toSimplifiedConverter(text);
}

/** Converts every string in a JSON-like value (for --format json with --script traditional). */
export function toTraditionalDeep<T>(value: T, convert: TraditionalConverter = toTraditional): T {
  if (typeof value === 'string') return convert(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => toTraditionalDeep(v, convert)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toTraditionalDeep(v, convert);
    return out as T;
  }
  return value;
}
