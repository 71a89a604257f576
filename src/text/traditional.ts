// 繁體 output (--script traditional) and reading traditional input, with OpenCC's tables (opencc-js).
// Simplified → traditional converts phrases and characters, then takes the standard character forms
// readers of traditional print know (OpenCC 'tw' variants: 為, 考核, 裡, 著 rather than OpenCC's own
// 爲, 考覈, 裏, 着), but no Taiwan vocabulary: 项目 stays 項目, never 專案 (that would be 'twp').
// The converters are built lazily, once: the simplified→traditional dictionary is about 1 MB.
import { createRequire } from 'node:module';

type Convert = (text: string) => string;
interface OpenCCModule {
  Converter(options: { from: string; to: string }): Convert;
}

let openccModule: OpenCCModule | undefined;
let toTraditionalConverter: Convert | undefined;
let toSimplifiedConverter: Convert | undefined;

function opencc(): OpenCCModule {
  // opencc-js ships no type declarations; its CommonJS build is loaded through createRequire.
  openccModule ??= createRequire(import.meta.url)('opencc-js') as OpenCCModule;
  return openccModule;
}

// Phrases OpenCC's tables convert in a sense government documents never mean: 会签 here is always
// countersigning a document (會簽), not drawing lots (籤).
const GOVERNMENT_USAGE: readonly [RegExp, string][] = [[/會籤/g, '會簽']];

/** Simplified → traditional characters. Text without Chinese is returned as it is. */
export function toTraditional(text: string): string {
  if (!/[\u3400-\u9fff]/.test(text)) return text;
  toTraditionalConverter ??= opencc().Converter({ from: 'cn', to: 'tw' });
  let out = toTraditionalConverter(text);
  for (const [wrong, right] of GOVERNMENT_USAGE) out = out.replace(wrong, right);
  return out;
}

/** Traditional (any of OpenCC standard, Taiwan or Hong Kong forms) → simplified. */
export function toSimplified(text: string): string {
  if (!/[\u3400-\u9fff]/.test(text)) return text;
  toSimplifiedConverter ??= opencc().Converter({ from: 'hk', to: 'cn' });
  return toSimplifiedConverter(text);
}

/** Converts every string in a JSON-like value (for --format json with --script traditional). */
export function toTraditionalDeep<T>(value: T): T {
  if (typeof value === 'string') return toTraditional(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => toTraditionalDeep(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toTraditionalDeep(v);
    return out as T;
  }
  return value;
}
