// Option values checked the same way by every command: dates, months, the output format (--format or
// the --out extension) and the script (简体/繁體). Wrong values are UsageErrors (exit 2).
import * as path from 'node:path';
import type { IsoDate } from '../domain/types.js';
import { parseIsoDate } from '../domain/dates.js';
import { UsageError } from './errors.js';

/** A --date value: YYYY-MM-DD that exists. */
export function parseDateOption(value: string, option: string): IsoDate {
  if (!parseIsoDate(value))
    throw new UsageError(`${option} 应为存在的日期，格式 YYYY-MM-DD（如 2021-11-15），而不是“${value}”`);
  return value;
}

/** A --month value: YYYY-MM. */
export function parseMonthOption(value: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(value);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) {
    throw new UsageError(`--month 应为年月，格式 YYYY-MM（如 2021-10），而不是“${value}”`);
  }
  return value;
}

export type TextFormat = 'md' | 'txt' | 'json';
export type BinaryFormat = 'docx' | 'xlsx';
export type Format = TextFormat | BinaryFormat;
import type { Script } from '../text/script.js';
export type { Script };

/** The formats each document command writes; the first is the default. */
export const MINUTES_FORMATS: readonly Format[] = ['md', 'txt', 'json', 'docx'];
export const BULLETIN_FORMATS: readonly Format[] = ['md', 'txt', 'json', 'docx', 'xlsx'];
export const ASSESSMENT_FORMATS: readonly Format[] = BULLETIN_FORMATS;

export const FORMAT_NAMES: Record<Format, string> = {
  md: 'Markdown',
  txt: '纯文本',
  json: 'JSON',
  docx: 'Word',
  xlsx: 'Excel',
};

// What to say for an extension we cannot write, when there is a near one we can.
const EXTENSION_HINTS: Record<string, string> = {
  doc: '；Word 文件请用 .docx',
  wps: '；Word 文件请用 .docx（WPS 可以打开）',
  xls: '；Excel 文件请用 .xlsx',
  et: '；Excel 文件请用 .xlsx（WPS 可以打开）',
  pdf: '；PDF 可先写出 .docx，再在 Word 或 WPS 中另存为 PDF',
};

/**
 * The output format: --format when given, else the --out file's extension (.md .txt .json .docx
 * .xlsx), else Markdown. An --out whose extension names a format we cannot write (通报.pdf, 纪要.doc)
 * is refused rather than filled with Markdown under a name that promises something else.
 */
export function chooseFormat(
  format: string | undefined,
  out: string | undefined,
  allowed: readonly Format[],
): Format {
  const list = allowed.join('|');
  if (format !== undefined) {
    const f = format
      .toLowerCase()
      .replace(/^markdown$/, 'md')
      .replace(/^text$/, 'txt');
    if (!(allowed as readonly string[]).includes(f))
      throw new UsageError(`--format 只能是 ${list}，而不是“${format}”`);
    return f as Format;
  }
  if (out !== undefined) {
    const ext = path.extname(out).slice(1).toLowerCase();
    const f = ext === 'markdown' ? 'md' : ext === 'text' ? 'txt' : ext;
    if ((allowed as readonly string[]).includes(f)) return f as Format;
    if (ext !== '') {
      const extensions = allowed.map((a) => `.${a}`).join(' ');
      throw new UsageError(
        `不能按扩展名“.${ext}”写出 ${path.basename(out)}：--out 的扩展名应为 ${extensions} 之一，` +
          `或用 --format 指定格式${EXTENSION_HINTS[ext] ?? ''}`,
      );
    }
  }
  return 'md';
}

export function parseScript(value: string | undefined): Script {
  if (value === undefined || value === 'simplified' || value === '简体') return 'simplified';
  if (value === 'traditional' || value === '繁体' || value === '繁體') return 'traditional';
  throw new UsageError(`--script 只能是 simplified（简体）或 traditional（繁体），而不是“${value}”`);
}
