#!/usr/bin/env node
// The `diaodu` program: argv → a scripted command (commands/dispatch.ts) or the interactive app.
// The UI (ink, react) is imported only when the app is opened, so scripted commands start fast and
// run where there is no terminal. Exit codes: 0 ok, 2 bad input or usage, 1 internal error (no
// stack trace unless DIAODU_DEBUG=1).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultContext } from './commands/context.js';
import { isDirectory, meetingsBeside } from './commands/paths.js';
import { dispatch, type TuiRequest } from './commands/dispatch.js';
import { safeLinesToEcho } from './text/sanitize.js';
import { systemErrorText } from './store/system-error.js';
import type { RunAppOptions } from './ui/run.js';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function readVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

function debugging(): boolean {
  const v = process.env.DIAODU_DEBUG;
  return v !== undefined && v !== '' && v !== '0';
}

function write(stream: NodeJS.WriteStream, text: string): void {
  if (text) stream.write(text);
}

const NOT_A_TERMINAL =
  'diaodu: 交互界面需要在终端中运行，而当前的标准输入或标准输出不是终端。\n' +
  '在脚本中请使用命令，例如：\n' +
  '  diaodu check <台账>        台账概况\n' +
  '  diaodu lagging <台账>      滞后项目\n' +
  '  diaodu items               督办台账\n' +
  '  diaodu minutes <会议记录>  周调度会议纪要\n' +
  '  diaodu bulletin <台账>     月通报\n' +
  '详见 diaodu --help\n';

/**
 * Where meetings are kept when --meetings is not given: the folder chosen in 设置, else a
 * `meetings` folder beside the register, else one in the current folder (as `items` assumes; the
 * bundled samples keep seeds/ and meetings/ side by side), else a new one beside the register.
 */
async function defaultMeetingsDir(registerPath: string): Promise<string> {
  const { openSettings } = await import('./store/settings.js');
  try {
    const chosen = openSettings().get('meetingsDir');
    if (chosen) return path.resolve(chosen);
  } catch {
    // An unreadable settings file is reported by the app's 设置 screen; fall back to the folders.
  }
  const beside = meetingsBeside(registerPath);
  if (isDirectory(beside)) return beside;
  const here = path.resolve('meetings');
  return isDirectory(here) ? here : beside;
}

/**
 * The terminal UI: the bundle that `npm run build` makes (dist/tui, scripts/bundle-ui.mjs: it
 * starts faster and draws keys faster), else the modules as tsc compiled them.
 */
async function loadUi(): Promise<typeof import('./ui/run.js')> {
  const bundle = new URL('./tui/run.js', import.meta.url);
  if (fs.existsSync(bundle)) return (await import(bundle.href)) as typeof import('./ui/run.js');
  return import('./ui/run.js');
}

async function openApp(req: TuiRequest): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    write(process.stderr, NOT_A_TERMINAL);
    return 2;
  }
  const { runApp } = await loadUi();
  const options: RunAppOptions = {
    registerPath: req.registerPath,
    meetingsDir: req.meetingsDir ?? (await defaultMeetingsDir(req.registerPath)),
  };
  if (req.start === 'meeting') options.startInMeeting = true;
  return runApp(options);
}

async function main(): Promise<number> {
  // A closed pipe (diaodu items | head) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const result = await dispatch(process.argv.slice(2), {
    ...defaultContext(),
    packageDir,
    version: readVersion(),
    progress: (line) => write(process.stderr, `${line}\n`),
  });
  if (result.kind === 'tui') return openApp(result);
  write(process.stdout, result.stdout);
  // Messages echo paths and values (the commands make them safe: safeToEcho); this catches any
  // that slips through, so no escape sequence in a name ever reaches the terminal from stderr.
  write(process.stderr, safeLinesToEcho(result.stderr));
  return result.exitCode;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // a system error no command turned into words (EACCES, ENOSPC …): bad surroundings, not a bug
    const system = debugging() ? undefined : systemErrorText(error);
    if (system !== undefined) {
      process.stderr.write(`diaodu: 错误：${system}\n`);
      process.exitCode = 2;
      return;
    }
    if (debugging()) {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    } else {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(
        `diaodu: 内部错误：${message}\n这是程序的问题，不是您的输入有误。设置 DIAODU_DEBUG=1 重新运行可查看详细信息，请将其报告给维护人员。\n`,
      );
    }
    process.exitCode = 1;
  },
);
