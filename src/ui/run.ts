// Starting the interactive app: checks for a terminal, draws on the alternate screen, and leaves
// safely on Ctrl+C, SIGTERM or SIGHUP (every edit is already on disk; the meeting lock is released).
import * as path from 'node:path';
import { safeToEcho } from '../text/sanitize.js';
import { keystrokeStdin } from './keystrokes.js';
import type { Route } from './screens/navigation.js';
import { systemErrorText } from '../store/system-error.js';

export interface RunAppOptions {
  registerPath: string;
  meetingsDir: string;
  /** `diaodu meet <register>`: straight into the meeting */
  startInMeeting?: boolean;
}

export const NOT_A_TERMINAL =
  'diaodu：交互界面需要在终端中运行，但当前的标准输入或输出不是终端（可能是管道或重定向）。\n' +
  // open-app.ts checks first and lists every scripted command (from the specs); this is the fallback
  // for a caller that starts the app directly, and keeps the UI free of src/commands.
  '在脚本中请使用脚本命令（diaodu --help 列出全部命令）。\n';

// the alternate screen, and bracketed paste (pasted text arrives marked: keystrokes.ts)
const ENTER_ALT_SCREEN = '\u001b[?1049h\u001b[H\u001b[?2004h';
const LEAVE_ALT_SCREEN = '\u001b[?2004l\u001b[?1049l';

const SIGNAL_CODES: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 2, SIGHUP: 1, SIGTERM: 15 };

export async function runApp(options: RunAppOptions): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write(NOT_A_TERMINAL);
    return 2;
  }
  // Keys typed while the app opens are read as typed once it is up: in the terminal's cooked mode
  // they would be echoed over the screen, held back until Enter, and Enter would become a line feed.
  process.stdin.setRawMode(true);
  // Something on screen at once: loading the UI libraries takes a moment on a slow disk. The file
  // name is shown safe: escape sequences in it are printed as text, never sent to the terminal.
  process.stdout.write(
    ENTER_ALT_SCREEN +
      `\u001b[7m diaodu \u001b[0m 正在打开 ${safeToEcho(path.basename(options.registerPath))} …`,
  );
  // React's development build is several times slower per keypress; the app runs the production one.
  process.env.NODE_ENV ??= 'production';
  // The UI libraries load while the register and meetings are read and assessed (from the load
  // cache, usually), so the first frame Ink draws is the home screen with its figures (issue 5).
  // Only the shell and the home screen: the other screens are loaded after the first frame (below).
  const ui = Promise.all([import('ink'), import('./shell.js')]);
  ui.catch(() => {}); // a failure is reported where it is awaited below
  const open = async () => {
    const { Session } = await import('../app/session.js');
    const session = new Session({ registerPath: options.registerPath, meetingsDir: options.meetingsDir });
    // With the home overview in the load cache for exactly these files (app/home-overview.ts), the
    // first frame is drawn from it and the register is loaded right after; otherwise before.
    const early = session.peek();
    if (!early) session.load();
    const [{ render }, { appElement, registerScreens }] = await ui;
    // straight into the meeting: its screen is part of the first frame
    if (options.startInMeeting) registerScreens(await import('./screens/deferred.js'));
    return { session, render, appElement, registerScreens, early };
  };
  let opened: Awaited<ReturnType<typeof open>>;
  try {
    opened = await open();
  } catch (error) {
    process.stdin.setRawMode(false);
    process.stdout.write(LEAVE_ALT_SCREEN);
    throw error;
  }
  const { session, render, appElement, registerScreens, early } = opened;
  const initialRoutes: Route[] = options.startInMeeting
    ? [{ screen: 'home' }, { screen: 'meeting' }]
    : [{ screen: 'home' }];
  // The screens other than home (most of the UI's code) are not needed for the first frame: they are
  // imported right after it, and no key is read before they are there (keystrokes.ts, `until`).
  let letKeysIn!: () => void;
  const keysIn = options.startInMeeting ? undefined : new Promise<void>((resolve) => (letKeysIn = resolve));

  let restored = false;
  const restoreScreen = () => {
    if (restored) return;
    restored = true;
    process.stdout.write(LEAVE_ALT_SCREEN);
    if (process.stdin.isTTY) process.stdin.setRawMode(false);
  };
  const shutdown = () => session.shutdown();

  const signalHandlers = new Map<NodeJS.Signals, () => void>();
  for (const signal of Object.keys(SIGNAL_CODES) as NodeJS.Signals[]) {
    const handler = () => {
      shutdown();
      try {
        instance.unmount();
      } catch {
        // already gone
      }
      restoreScreen();
      process.exit(128 + (SIGNAL_CODES[signal] ?? 0));
    };
    signalHandlers.set(signal, handler);
    process.on(signal, handler);
  }
  process.on('exit', shutdown);

  process.stdout.write('\u001b[2J\u001b[H');
  // no JSX in this file: the JSX runtime would load React before NODE_ENV is set (shell.js makes the element)
  const instance = render(appElement({ session, initialRoutes, onQuit: shutdown }), {
    // one keystroke per input, so keys that arrive together are not lost (keystrokes.ts)
    stdin: keystrokeStdin(process.stdin, keysIn ? { until: keysIn } : {}),
    exitOnCtrlC: false,
    maxFps: 60,
    incrementalRendering: true,
  });
  // Drawn from the cached overview: load now, synchronously, before the event loop reads any key, so
  // that every key (even one typed during the start) acts on the loaded data.
  if (early) session.load();
  if (keysIn) {
    import('./screens/deferred.js').then(registerScreens).then(letKeysIn, (error: unknown) => {
      // cannot happen short of a broken installation: end as on any internal error
      instance.unmount(error instanceof Error ? error : new Error(String(error)));
      letKeysIn();
    });
  }
  // The home screen may have drawn its figures from the load cache without assessing every project
  // (app/home-overview.ts); that is done now, once the first frame is out, not when a key opens a list.
  setTimeout(() => session.prepare(), 50).unref();
  let code = 0;
  try {
    await instance.waitUntilExit();
  } catch (error) {
    restoreScreen();
    // a system error (EACCES, ENOSPC …) is the surroundings, said in Chinese; anything else is a bug
    const system = systemErrorText(error);
    code = system === undefined ? 1 : 2;
    process.stderr.write(
      system !== undefined
        ? `diaodu：错误：${system}\n`
        : `diaodu：内部错误：${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  } finally {
    shutdown();
    restoreScreen();
    for (const [signal, handler] of signalHandlers) process.off(signal, handler);
    process.off('exit', shutdown);
  }
  return code;
}
