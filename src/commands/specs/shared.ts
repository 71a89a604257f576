// Options several commands share, worded once: the same words for the same things across commands
// (--json everywhere JSON can be had; for minutes, bulletin and assess the same as --format json;
// --format txt|json on the commands that print to the screen only).
import { UsageError } from '../errors.js';
import type { Format } from '../option-values.js';
import type { OptionSpec, OptionValues } from '../spec.js';

export const SCRIPT: OptionSpec<'script'> = {
  name: 'script',
  value: 'traditional',
  help: '输出繁体字（默认简体）',
};

export const JSON_SCREEN: OptionSpec<'json'> = { name: 'json', help: '以 JSON 输出（同 --format json）' };
export const JSON_DOCUMENT: OptionSpec<'json'> = { name: 'json', help: '同 --format json' };
export const FORMAT_SCREEN: OptionSpec<'format'> = {
  name: 'format',
  value: '<格式>',
  help: 'txt（默认）| json',
};

/** --format of a document: md（默认）| txt | … ; `needOut` are the formats that must be written to a file. */
export function documentFormatOption(formats: readonly Format[]): OptionSpec<'format'> {
  const [first, ...rest] = formats;
  return {
    name: 'format',
    value: '<格式>',
    help: `${first}（默认）| ${rest.join(' | ')}；不给时按 --out 的扩展名`,
  };
}

export function meetingsOption(help: string): OptionSpec<'meetings'> {
  return { name: 'meetings', value: '<文件夹>', help };
}

export function outOption(value: string, help: string): OptionSpec<'out'> {
  return { name: 'out', short: 'o', value, help };
}

export function forceOption(help = '覆盖已存在的输出文件'): OptionSpec<'force'> {
  return { name: 'force', help };
}

export const ISSUE_DATE: OptionSpec<'date'> = {
  name: 'date',
  value: '<YYYY-MM-DD>',
  help: '发文（落款）日期，默认今天；不得早于台账数据截至日期',
};

export const REGISTER_FOR_NAMES: OptionSpec<'register'> = {
  name: 'register',
  value: '<台账>',
  help: '从该台账取项目名称（默认用会议记录中写明的台账）',
};

/**
 * check, lagging and items print text or JSON only: --format txt is their default, --format json is
 * --json. The format is then taken off the values.
 */
export function screenFormat(command: string, values: OptionValues): void {
  const given = values.format;
  delete values.format;
  if (typeof given !== 'string') return;
  const format = given.toLowerCase();
  if (format === 'json') values.json = true;
  else if (format !== 'txt' && format !== 'text')
    throw new UsageError(
      `${command} 的 --format 只能是 txt（默认）或 json；纪要和通报的其他格式请用 minutes、bulletin`,
      command,
    );
}

/** minutes, bulletin and assess: --json is --format json (and contradicts any other --format). */
export function documentFormat(command: string, values: OptionValues): void {
  const json = values.json === true;
  delete values.json;
  if (!json) return;
  const format = typeof values.format === 'string' ? values.format : undefined;
  if (format !== undefined && format.toLowerCase() !== 'json')
    throw new UsageError(`--json 与 --format ${format} 不能同时使用`, command);
  values.format = 'json';
}
