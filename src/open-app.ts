// Opening the interactive app that dispatch asked for: the meetings folder it opens on, and the UI
// (ink, react), imported only here and only then, so scripted commands never load it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TuiRequest } from './commands/dispatch.js';
import { scriptedCommandsText } from './commands/help.js';
import { isDirectory, meetingsBeside } from './commands/paths.js';
import type { RunAppOptions } from './ui/run.js';

/** Where the app cannot open: what can be run there instead (every scripted command, from the specs). */
function notATerminal(): string {
  return (
    'diaodu: 交互界面需要在终端中运行，而当前的标准输入或标准输出不是终端。\n' +
    '在脚本中请使用命令，例如：\n' +
    scriptedCommandsText() +
    '详见 diaodu --help\n'
  );
}

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

/** Opens the app as dispatch asked (exit 2 where there is no terminal); resolves to its exit code. */
export async function openApp(req: TuiRequest): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write(notATerminal());
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
