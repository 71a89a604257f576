// argv → a command. Parses options with node:util parseArgs, answers --help and --version, and
// either runs a scripted command (returning its result) or says which interactive screen to open.
// Never imports the UI: cli.ts does that, lazily, only when the TUI is asked for. The command modules
// are imported when their command runs, so opening the app does not load them (issue 5: first frame).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError } from '../domain/types.js';
import { guard, UsageError } from './errors.js';
import type { CommandContext, CommandResult } from './context.js';
import { COMMAND_HELP, COMMANDS, isCommandName, PROGRAM_HELP, type CommandName } from './help.js';

/** Where the package lives (seeds/ and meetings/ ship with it), for the bundled sample. */
export interface DispatchEnv extends CommandContext {
  packageDir: string;
  version: string;
}

export interface TuiRequest {
  kind: 'tui';
  /** absolute path of the register (or folder) */
  registerPath: string;
  /** absolute path of the meetings folder, when known */
  meetingsDir?: string;
  /** 'meeting': go straight to recording a meeting (diaodu meet) */
  start: 'home' | 'meeting';
  /** true when no register was given and the bundled sample is opened */
  sample: boolean;
}

export type DispatchResult = ({ kind: 'result' } & CommandResult) | TuiRequest;

type Options = NonNullable<ParseArgsConfig['options']>;

const HELP: Options = { help: { type: 'boolean', short: 'h' } };
const SCRIPT: Options = { script: { type: 'string' } };
const OUTPUT: Options = {
  format: { type: 'string' },
  out: { type: 'string', short: 'o' },
  force: { type: 'boolean' },
};

// The same words for the same things across commands: --json everywhere JSON can be had (for
// minutes and bulletin the same as --format json), --format txt|json on the screen-only commands.
const JSON_FLAG: Options = { json: { type: 'boolean' } };
const SCREEN_FORMAT: Options = { format: { type: 'string' } };

const OPTIONS: Record<CommandName, Options> = {
  check: { ...HELP, ...SCRIPT, ...JSON_FLAG, ...SCREEN_FORMAT, meetings: { type: 'string' } },
  lagging: { ...HELP, ...SCRIPT, ...JSON_FLAG, ...SCREEN_FORMAT, meetings: { type: 'string' } },
  items: {
    ...HELP,
    ...SCRIPT,
    ...SCREEN_FORMAT,
    meetings: { type: 'string' },
    unit: { type: 'string' },
    project: { type: 'string' },
    state: { type: 'string', multiple: true },
    overdue: { type: 'boolean' },
    date: { type: 'string' },
    register: { type: 'string' },
    json: { type: 'boolean' },
  },
  minutes: {
    ...HELP,
    ...SCRIPT,
    ...OUTPUT,
    ...JSON_FLAG,
    register: { type: 'string' },
    meetings: { type: 'string' },
    times: { type: 'boolean' },
  },
  bulletin: {
    ...HELP,
    ...SCRIPT,
    ...OUTPUT,
    ...JSON_FLAG,
    meetings: { type: 'string' },
    month: { type: 'string' },
    date: { type: 'string' },
    previous: { type: 'string' },
  },
  import: {
    ...HELP,
    sheet: { type: 'string' },
    title: { type: 'string' },
    region: { type: 'string' },
    year: { type: 'string' },
    'as-of': { type: 'string' },
    issuer: { type: 'string' },
    'money-unit': { type: 'string' },
    'unit-from-sheet': { type: 'boolean' },
    out: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
  },
  meet: { ...HELP, meetings: { type: 'string' } },
  assess: {
    ...HELP,
    ...SCRIPT,
    ...OUTPUT,
    ...JSON_FLAG,
    meetings: { type: 'string' },
    quarter: { type: 'string' },
    rules: { type: 'string' },
    date: { type: 'string' },
  },
  notices: {
    ...HELP,
    ...SCRIPT,
    meetings: { type: 'string' },
    unit: { type: 'string' },
    date: { type: 'string' },
    register: { type: 'string' },
    out: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
  },
  snapshot: { ...HELP, force: { type: 'boolean' } },
};

const ROOT_OPTIONS: Options = {
  ...HELP,
  version: { type: 'boolean', short: 'v' },
  meetings: { type: 'string' },
};

/** How many positionals each command takes, and what the first is called in messages. */
const POSITIONALS: Record<CommandName, { count: number; name: string }> = {
  check: { count: 1, name: '台账文件' },
  lagging: { count: 1, name: '台账文件' },
  items: { count: 0, name: '' },
  minutes: { count: 1, name: '会议记录文件' },
  bulletin: { count: 1, name: '台账文件' },
  import: { count: 1, name: 'Excel 台账文件' },
  meet: { count: 1, name: '台账文件' },
  assess: { count: 1, name: '台账文件' },
  notices: { count: 0, name: '' },
  snapshot: { count: 1, name: '台账文件' },
};

type Values = Record<string, string | boolean | string[] | undefined>;

/** parseArgs with its English errors turned into Chinese usage errors. */
function parse(
  args: string[],
  options: Options,
  command?: string,
): { values: Values; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as Values, positionals };
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = error instanceof Error ? error.message : String(error);
    const opt = /(--[\w-]+)/.exec(message)?.[1] ?? /'(-\w)/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      if ((opt === '--out' || opt === '-o') && command !== undefined) {
        throw new UsageError(
          `${command} 没有 ${opt} 选项：结果直接打印在屏幕上；要保存成文件请用重定向，如 diaodu ${command} … > 结果.txt`,
          command,
        );
      }
      throw new UsageError(`未知选项 ${opt}${suggestOption(opt, options)}`, command);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const name = opt.replace(/^-+/, '');
      const spec = options[name] ?? Object.values(options).find((o) => o.short === name);
      throw new UsageError(
        spec?.type === 'boolean' ? `选项 ${opt} 不带值` : `选项 ${opt} 需要一个值`,
        command,
      );
    }
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') throw new UsageError('多余的参数', command);
    throw new UsageError(`无法解析命令行：${message}`, command);
  }
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

function nearest(word: string, candidates: readonly string[]): string | undefined {
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

function suggestOption(opt: string, options: Options): string {
  const near = nearest(opt.replace(/^-+/, ''), Object.keys(options));
  return near ? `，是否要用 --${near}？` : '';
}

function str(v: Values[string]): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function bool(v: Values[string]): boolean {
  return v === true;
}

function ok(stdout: string): DispatchResult {
  return { kind: 'result', stdout, stderr: '', exitCode: 0 };
}

function helpFor(topic: string | undefined): DispatchResult {
  if (topic === undefined) return ok(PROGRAM_HELP);
  if (isCommandName(topic)) return ok(COMMAND_HELP[topic]);
  const near = nearest(topic, COMMANDS);
  throw new UsageError(
    `没有命令“${topic}”。${near ? `是否要用 ${near}？` : ''}可用的命令：${COMMANDS.join('、')}`,
  );
}

/** Runs argv (without node and the script path). */
export async function dispatch(argv: readonly string[], env: DispatchEnv): Promise<DispatchResult> {
  let command: CommandName | undefined;
  try {
    const args = [...argv];
    const first = args[0];
    if (first === 'help') {
      return helpFor(args[1]);
    }
    if (first !== undefined && isCommandName(first)) {
      command = first;
      args.shift();
      const { values, positionals } = parse(args, OPTIONS[first], first);
      if (bool(values.help)) return ok(COMMAND_HELP[first]);
      return await runCommand(first, values, positionals, env);
    }
    // No command: the interactive app, on a register given as the only positional or the sample.
    const { values, positionals } = parse(args, ROOT_OPTIONS);
    if (bool(values.help)) return ok(PROGRAM_HELP);
    if (bool(values.version)) return ok(`${env.version}\n`);
    const target = positionals[0];
    // A mistyped command ("diaodu chek seeds/x.yaml") is said as such, before counting its arguments.
    if (
      target !== undefined &&
      !fs.existsSync(path.resolve(env.cwd, target)) &&
      /^[a-z][a-z-]*$/.test(target)
    ) {
      const near = nearest(target, COMMANDS);
      throw new UsageError(
        `没有命令“${target}”。${near ? `是否要用 ${near}？` : ''}可用的命令：${COMMANDS.join('、')}；打开台账请给出台账文件的路径`,
      );
    }
    if (positionals.length > 1) throw new UsageError(`多余的参数：${positionals.slice(1).join(' ')}`);
    if (target !== undefined) {
      const full = path.resolve(env.cwd, target);
      requireRegister(full, target);
      const req: TuiRequest = { kind: 'tui', registerPath: full, start: 'home', sample: false };
      const meetings = str(values.meetings);
      if (meetings !== undefined) req.meetingsDir = path.resolve(env.cwd, meetings);
      return req;
    }
    const req: TuiRequest = {
      kind: 'tui',
      registerPath: path.join(env.packageDir, 'seeds', 'pinglu-2021.yaml'),
      meetingsDir: path.join(env.packageDir, 'meetings'),
      start: 'home',
      sample: true,
    };
    const meetings = str(values.meetings);
    if (meetings !== undefined) req.meetingsDir = path.resolve(env.cwd, meetings);
    return req;
  } catch (error) {
    if (error instanceof UsageError || error instanceof InputError) {
      const r = await guard(() => {
        throw error;
      }, command);
      return { kind: 'result', ...r };
    }
    throw error;
  }
}

/** The app opens on a register that exists; a mistyped path is bad input (exit 2), said before any UI starts. */
function requireRegister(full: string, given: string): void {
  if (!fs.existsSync(full)) {
    throw new InputError([
      { severity: 'error', file: given, line: 1, column: 1, message: '找不到台账文件或文件夹：路径不存在。' },
    ]);
  }
}

function positionalArgs(command: CommandName, positionals: string[]): string[] {
  const spec = POSITIONALS[command];
  if (positionals.length < spec.count) throw new UsageError(`缺少参数：${spec.name}`, command);
  if (positionals.length > spec.count) {
    throw new UsageError(`多余的参数：${positionals.slice(spec.count).join(' ')}`, command);
  }
  return positionals;
}

/**
 * --json and --format json mean the same on every command. check, lagging and items print text or
 * JSON only: --format txt is their default, --format json is --json.
 */
function normaliseFormat(command: CommandName, values: Values): void {
  const format = str(values.format)?.toLowerCase();
  if (command === 'check' || command === 'lagging' || command === 'items') {
    if (format === undefined) return;
    if (format === 'json') values.json = true;
    else if (format !== 'txt' && format !== 'text')
      throw new UsageError(
        `${command} 的 --format 只能是 txt（默认）或 json；纪要和通报的其他格式请用 minutes、bulletin`,
        command,
      );
    delete values.format;
    return;
  }
  if ((command === 'minutes' || command === 'bulletin' || command === 'assess') && bool(values.json)) {
    if (format !== undefined && format !== 'json')
      throw new UsageError(`--json 与 --format ${str(values.format)} 不能同时使用`, command);
    values.format = 'json';
  }
}

async function runCommand(
  command: CommandName,
  values: Values,
  positionals: string[],
  env: DispatchEnv,
): Promise<DispatchResult> {
  const [first] = positionalArgs(command, positionals);
  normaliseFormat(command, values);
  const arg = first ?? '';
  const opt = <T extends object>(o: T, key: string, value: string | undefined): T => {
    if (value !== undefined) (o as Record<string, unknown>)[key] = value;
    return o;
  };
  let result: CommandResult;
  switch (command) {
    case 'check':
    case 'lagging': {
      const o = { register: arg, json: bool(values.json) };
      opt(o, 'meetings', str(values.meetings));
      opt(o, 'script', str(values.script));
      result =
        command === 'check'
          ? await (await import('./check.js')).runCheck(o, env)
          : await (await import('./lagging.js')).runLagging(o, env);
      break;
    }
    case 'items': {
      const { runItems } = await import('./items.js');
      const o: Parameters<typeof runItems>[0] = { json: bool(values.json), overdue: bool(values.overdue) };
      for (const key of ['meetings', 'unit', 'project', 'date', 'register', 'script'] as const) {
        opt(o, key, str(values[key]));
      }
      if (Array.isArray(values.state)) o.state = values.state;
      result = await runItems(o, env);
      break;
    }
    case 'minutes': {
      const { runMinutes } = await import('./minutes.js');
      const o: Parameters<typeof runMinutes>[0] = { meeting: arg, force: bool(values.force) };
      if (bool(values.times)) o.times = true;
      for (const key of ['format', 'out', 'register', 'meetings', 'script'] as const)
        opt(o, key, str(values[key]));
      result = await runMinutes(o, env);
      break;
    }
    case 'bulletin': {
      const { runBulletin } = await import('./bulletin.js');
      const o: Parameters<typeof runBulletin>[0] = { register: arg, force: bool(values.force) };
      for (const key of ['format', 'out', 'meetings', 'month', 'date', 'script', 'previous'] as const)
        opt(o, key, str(values[key]));
      result = await runBulletin(o, env);
      break;
    }
    case 'assess': {
      const { runAssess } = await import('./assess.js');
      const o: Parameters<typeof runAssess>[0] = { register: arg, force: bool(values.force) };
      for (const key of ['format', 'out', 'meetings', 'quarter', 'rules', 'date', 'script'] as const)
        opt(o, key, str(values[key]));
      result = await runAssess(o, env);
      break;
    }
    case 'notices': {
      const { runNotices } = await import('./notices.js');
      const o: Parameters<typeof runNotices>[0] = { force: bool(values.force) };
      for (const key of ['meetings', 'unit', 'date', 'out', 'register', 'script'] as const)
        opt(o, key, str(values[key]));
      result = await runNotices(o, env);
      break;
    }
    case 'import': {
      const { runImport } = await import('./import.js');
      const o: Parameters<typeof runImport>[0] = { file: arg, force: bool(values.force) };
      for (const key of ['sheet', 'out', 'title', 'region', 'year', 'issuer'] as const)
        opt(o, key, str(values[key]));
      opt(o, 'asOf', str(values['as-of']));
      opt(o, 'moneyUnit', str(values['money-unit']));
      if (bool(values['unit-from-sheet'])) o.unitFromSheet = true;
      result = await runImport(o, env);
      break;
    }
    case 'snapshot': {
      const { runSnapshot } = await import('./snapshot.js');
      result = await runSnapshot({ register: arg, force: bool(values.force) }, env);
      break;
    }
    case 'meet': {
      requireRegister(path.resolve(env.cwd, arg), arg);
      const req: TuiRequest = {
        kind: 'tui',
        registerPath: path.resolve(env.cwd, arg),
        start: 'meeting',
        sample: false,
      };
      const meetings = str(values.meetings);
      if (meetings !== undefined) req.meetingsDir = path.resolve(env.cwd, meetings);
      return req;
    }
  }
  return { kind: 'result', ...result };
}
