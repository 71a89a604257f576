// argv → a command, as its spec (specs.ts) says: parses the options, answers --help and --version,
// and either runs a scripted command (returning its result) or says which interactive screen to open.
// Never imports the UI: cli.ts does that, lazily, only when the TUI is asked for. The command modules
// are imported when their command runs, so opening the app does not load them (issue 5: first frame).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../domain/types.js';
import { appOn, type AppRequest } from './app-request.js';
import { commandOptions, nearest, parseCommandLine, PROGRAM_OPTIONS } from './argv.js';
import { guard, UsageError } from './errors.js';
import { COMMAND_HELP, PROGRAM_HELP } from './help.js';
import type { DispatchEnv, DispatchResult } from './spec.js';
import { commandSpec, COMMANDS, isCommandName } from './specs.js';

export type { DispatchEnv, DispatchResult } from './spec.js';
/** The interactive app, as dispatch asks cli.ts to open it. */
export type TuiRequest = AppRequest;

function ok(stdout: string): DispatchResult {
  return { kind: 'result', stdout, stderr: '', exitCode: 0 };
}

function noSuchCommand(name: string, tail = ''): UsageError {
  const near = nearest(name, COMMANDS);
  return new UsageError(
    `没有命令“${name}”。${near ? `是否要用 ${near}？` : ''}可用的命令：${COMMANDS.join('、')}${tail}`,
  );
}

function helpFor(topic: string | undefined): DispatchResult {
  if (topic === undefined) return ok(PROGRAM_HELP);
  if (isCommandName(topic)) return ok(COMMAND_HELP[topic]);
  throw noSuchCommand(topic);
}

/** Runs argv (without node and the script path). */
export async function dispatch(argv: readonly string[], env: DispatchEnv): Promise<DispatchResult> {
  let command: string | undefined;
  try {
    const [first, ...rest] = argv;
    if (first === 'help') return helpFor(rest[0]);
    if (first !== undefined && isCommandName(first)) {
      command = first;
      const spec = commandSpec(first);
      const { values, positionals } = parseCommandLine(rest, commandOptions(spec), first);
      if (values.help === true) return ok(COMMAND_HELP[first]);
      delete values.help;
      const wanted = spec.positional ? 1 : 0;
      if (positionals.length < wanted) throw new UsageError(`缺少参数：${spec.positional!.missing}`, first);
      if (positionals.length > wanted) {
        throw new UsageError(`多余的参数：${positionals.slice(wanted).join(' ')}`, first);
      }
      if (spec.positional) values[spec.positional.key] = positionals[0];
      return await spec.run(values, env);
    }
    // No command: the interactive app, on a register given as the only positional or the sample.
    const { values, positionals } = parseCommandLine(argv, PROGRAM_OPTIONS);
    if (values.help === true) return ok(PROGRAM_HELP);
    if (values.version === true) return ok(`${env.version}\n`);
    const meetings = typeof values.meetings === 'string' ? values.meetings : undefined;
    const target = positionals[0];
    // A mistyped command ("diaodu chek seeds/x.yaml") is said as such, before counting its arguments.
    if (
      target !== undefined &&
      !fs.existsSync(path.resolve(env.cwd, target)) &&
      /^[a-z][a-z-]*$/.test(target)
    ) {
      throw noSuchCommand(target, '；打开台账请给出台账文件的路径');
    }
    if (positionals.length > 1) throw new UsageError(`多余的参数：${positionals.slice(1).join(' ')}`);
    if (target !== undefined) return appOn(env.cwd, target, meetings, 'home');
    const req: AppRequest = {
      kind: 'tui',
      registerPath: path.join(env.packageDir, 'seeds', 'pinglu-2021.yaml'),
      meetingsDir: path.join(env.packageDir, 'meetings'),
      start: 'home',
      sample: true,
    };
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
