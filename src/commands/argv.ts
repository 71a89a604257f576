// Parsing a command line against a command's spec: node:util parseArgs configured from the spec's
// options, its English errors turned into Chinese usage errors, a near option or command suggested.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors.js';
import { optionKey, type CommandSpec, type OptionSpec, type OptionValues } from './spec.js';

type ParseOptions = NonNullable<ParseArgsConfig['options']>;

/** -h/--help: taken by every command and by the program. */
export const HELP_OPTION: OptionSpec = { name: 'help', short: 'h', help: '显示本帮助' };

/** The options of the program itself (no command: the interactive app). */
export const PROGRAM_OPTIONS: readonly OptionSpec[] = [
  HELP_OPTION,
  { name: 'version', short: 'v', help: '显示版本号' },
  { name: 'meetings', value: '<文件夹>', help: '会议记录文件夹' },
];

/** Every option a command takes: -h/--help, then those of its spec. */
export function commandOptions(spec: CommandSpec): readonly OptionSpec[] {
  return [HELP_OPTION, ...spec.options];
}

function parseConfig(options: readonly OptionSpec[]): ParseOptions {
  const config: ParseOptions = {};
  for (const o of options) {
    config[o.name] = {
      type: o.value === undefined ? 'boolean' : 'string',
      ...(o.short !== undefined ? { short: o.short } : {}),
      ...(o.multiple ? { multiple: true } : {}),
    };
  }
  return config;
}

/**
 * The values by property name (--as-of → asOf); every flag of the spec is true or false. Throws a
 * UsageError in Chinese for an unknown option, a missing or unwanted value, or a stray argument
 * (when `command` is given, the message points to its help).
 */
export function parseCommandLine(
  args: readonly string[],
  options: readonly OptionSpec[],
  command?: string,
): { values: OptionValues; positionals: string[] } {
  const config = parseConfig(options);
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...args], options: config, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageErrorOf(error, config, command);
  }
  const values: OptionValues = {};
  for (const o of options) {
    const v = parsed.values[o.name] as OptionValues[string];
    if (o.value === undefined) values[optionKey(o.name)] = v === true;
    else if (v !== undefined) values[optionKey(o.name)] = v;
  }
  return { values, positionals: parsed.positionals };
}

function usageErrorOf(error: unknown, options: ParseOptions, command: string | undefined): UsageError {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const opt = /(--[\w-]+)/.exec(message)?.[1] ?? /'(-\w)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    if ((opt === '--out' || opt === '-o') && command !== undefined) {
      return new UsageError(
        `${command} 没有 ${opt} 选项：结果直接打印在屏幕上；要保存成文件请用重定向，如 diaodu ${command} … > 结果.txt`,
        command,
      );
    }
    return new UsageError(`未知选项 ${opt}${suggestOption(opt, options)}`, command);
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const name = opt.replace(/^-+/, '');
    const spec = options[name] ?? Object.values(options).find((o) => o.short === name);
    return new UsageError(
      spec?.type === 'boolean' ? `选项 ${opt} 不带值` : `选项 ${opt} 需要一个值`,
      command,
    );
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return new UsageError('多余的参数', command);
  return new UsageError(`无法解析命令行：${message}`, command);
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** The candidate nearest to a mistyped word, when it is near enough to be what was meant. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best !== undefined && bestD <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}

function suggestOption(opt: string, options: ParseOptions): string {
  const near = nearest(opt.replace(/^-+/, ''), Object.keys(options));
  return near ? `，是否要用 --${near}？` : '';
}
