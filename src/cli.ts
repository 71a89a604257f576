#!/usr/bin/env node
// The `diaodu` program: argv → a scripted command (commands/dispatch.ts) or the interactive app
// (open-app.ts). The UI (ink, react) is imported only when the app is opened, so scripted commands
// start fast and run where there is no terminal. Exit codes: 0 ok, 2 bad input or usage, 1 internal
// error (no stack trace unless DIAODU_DEBUG=1).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultContext } from './commands/context.js';
import { dispatch } from './commands/dispatch.js';
import { safeLinesToEcho } from './text/sanitize.js';
import { systemErrorText } from './store/system-error.js';
import { writeInPieces } from './text/write-in-pieces.js';

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
  // in pieces: a file stream would otherwise copy the whole text into one Buffer (text/write-in-pieces.ts)
  writeInPieces(text, (piece) => stream.write(piece));
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
  if (result.kind === 'tui') return (await import('./open-app.js')).openApp(result);
  if (result.stdoutPieces) for (const piece of result.stdoutPieces.pieces()) process.stdout.write(piece);
  else write(process.stdout, result.stdout);
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
