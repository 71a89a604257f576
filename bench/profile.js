// Profiles the app where the benchmark finds it slow, and says which modules the time goes to.
//   node bench/profile.js first-frame [projects]   spawn → home screen with figures (default 1,000)
//   node bench/profile.js list [projects]           30 × ↓ in the project list (default 10,000)
//   node bench/profile.js search [projects]         "/" then Chinese characters and backspaces
//   node bench/profile.js agenda [projects]         → / ← between agenda projects in a started meeting
//   node bench/profile.js bulletin [projects]       diaodu bulletin --format md
//   node bench/profile.js summary <file.cpuprofile> summarize an existing profile
// The app's load cache (src/store/load-cache.ts) is warmed by one unprofiled run first, as a
// secretary opening her register again finds it; BENCH_PROFILE_COLD=1 profiles the first open.
// The app runs under `node --cpu-prof` in an 80×24 pseudo-terminal and is quit with Ctrl+C (so the
// profile is written); the summary lists self time by package/module and the top functions.
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeBenchData } from './generate.js';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
// BENCH_CLI=path/to/cli.js profiles another build (as in bench/run.js)
const CLI = process.env.BENCH_CLI ? resolve(process.env.BENCH_CLI) : join(ROOT, 'dist', 'cli.js');

/**
 * Self time per module and per function of a .cpuprofile; with `window` ([from, to] in µs of the
 * profile's clock) only the samples taken between them.
 */
export function summarize(file, top = 25, window = null) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas;
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += dt[i] ?? 0;
    if (window && (t < window[0] || t > window[1])) continue;
    const id = profile.samples[i];
    self.set(id, (self.get(id) ?? 0) + (dt[i] ?? 0));
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const moduleOf = (url) => {
    if (!url) return '(native/vm)';
    const path = url.replace(/^file:\/\//, '');
    const nm = path.lastIndexOf('node_modules/');
    if (nm >= 0) {
      const rest = path.slice(nm + 'node_modules/'.length).split('/');
      return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
    }
    if (path.startsWith('node:')) return 'node:internal';
    return relative(ROOT, path) || path;
  };
  const byModule = new Map();
  const byFunction = new Map();
  for (const [id, us] of self) {
    const node = byId.get(id);
    const cf = node.callFrame;
    const mod = moduleOf(cf.url);
    byModule.set(mod, (byModule.get(mod) ?? 0) + us);
    const key = `${cf.functionName || '(anonymous)'}  ${mod}:${cf.lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  }
  // Inclusive time of the app's own functions (dist/…): what each costs with everything it calls.
  const inclusive = new Map();
  const totalOf = (node, stack) => {
    let us = self.get(node.id) ?? 0;
    for (const c of node.children ?? []) us += totalOf(byId.get(c), stack);
    const cf = node.callFrame;
    const mod = moduleOf(cf.url);
    if (mod.startsWith('dist/')) {
      const key = `${cf.functionName || '(anonymous)'}  ${mod}:${cf.lineNumber + 1}`;
      // count a recursive function once per stack
      if (!stack.has(key)) inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    }
    return us;
  };
  totalOf(profile.nodes[0], new Set());
  const fmt = (us) =>
    `${(us / 1000).toFixed(1).padStart(8)} ms ${((us / total) * 100).toFixed(1).padStart(5)}%`;
  const lines = [`total sampled ${(total / 1000).toFixed(0)} ms`, '', 'self time by module:'];
  for (const [m, us] of [...byModule].sort((a, b) => b[1] - a[1]).slice(0, top))
    lines.push(`${fmt(us)}  ${m}`);
  lines.push('', 'self time by function:');
  for (const [f, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top))
    lines.push(`${fmt(us)}  ${f}`);
  lines.push('', "inclusive time of the app's functions:");
  for (const [f, us] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top))
    lines.push(`${fmt(us)}  ${f}`);
  return lines.join('\n');
}

const strip = (s) =>
  // eslint-disable-next-line no-control-regex -- removing escape sequences is the point
  s.replace(/\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g, '');

async function inPty(profDir, data, keyPhase, script, profile = true) {
  const pty = (await import('node-pty')).default;
  // The whole run is profiled; for key phases profile-hook.js notes when they start and end.
  const flags = profile ? ['--cpu-prof', '--cpu-prof-dir', profDir] : [];
  if (keyPhase) flags.push('--import', pathToFileURL(join(ROOT, 'bench', 'profile-hook.js')).href);
  const p = pty.spawn(process.execPath, [...flags, CLI, data.registerPath, '--meetings', data.meetingsDir], {
    cols: 80,
    rows: 24,
    cwd: profDir,
    env: {
      ...process.env,
      XDG_CONFIG_HOME: join(profDir, 'config'),
      HOME: profDir,
      DIAODU_CACHE_DIR: join(dirname(profDir), 'cache'),
      TERM: 'xterm-256color',
      BENCH_PROFILE_MARKS: join(profDir, 'marks.txt'),
    },
  });
  let text = '';
  let last = Date.now();
  p.onData((d) => {
    text += strip(d);
    last = Date.now();
  });
  let exitInfo = null;
  const exited = new Promise((resolve) => p.onExit((e) => resolve((exitInfo = e))));
  const until = async (re, ms = 120_000, from = 0) => {
    const start = Date.now();
    while (!re.test(text.slice(from))) {
      if (Date.now() - start > ms) throw new Error(`timeout waiting for ${re}:\n${text.slice(-800)}`);
      await sleep(5);
    }
  };
  const quiet = async (ms = 50) => {
    while (Date.now() - last < ms) await sleep(5);
  };
  const mark = async () => {
    if (exitInfo) throw new Error(`the app exited (${JSON.stringify(exitInfo)}):\n${text.slice(-1500)}`);
    process.kill(p.pid, 'SIGUSR2');
    await sleep(200);
  };
  await script({ write: (s) => p.write(s), until, quiet, mark, text: () => text });
  p.write('\u0003');
  const timer = globalThis.setTimeout(() => p.kill(), 10_000);
  await exited;
  globalThis.clearTimeout(timer);
}

async function main() {
  const [what = 'first-frame', arg] = process.argv.slice(2);
  if (what === 'summary') {
    process.stdout.write(`${summarize(arg)}\n`);
    return;
  }
  const projects = Number(arg ?? (what === 'first-frame' ? 1000 : 10000));
  const dir = mkdtempSync(join(tmpdir(), 'diaodu-prof-'));
  try {
    const data = writeBenchData(join(dir, 'data'), projects);
    const profDir = join(dir, 'prof');
    mkdirSync(profDir);
    const home = /序时进度 \d+(?:\.\d)?%/;
    if (!process.env.BENCH_PROFILE_COLD) {
      // warm the load cache (bulletin and the app share it)
      await inPty(profDir, data, false, ({ until }) => until(home), false);
    }
    if (what === 'bulletin') {
      await new Promise((resolve, reject) => {
        const args = ['--cpu-prof', '--cpu-prof-dir', profDir, CLI, 'bulletin', data.registerPath];
        const child = spawn(process.execPath, [...args, '--meetings', data.meetingsDir, '--format', 'md'], {
          stdio: ['ignore', 'ignore', 'inherit'],
          env: { ...process.env, DIAODU_CACHE_DIR: join(dir, 'cache') },
        });
        child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`exit ${code}`))));
      });
    } else {
      await inPty(profDir, data, true, async ({ write, until, quiet, mark, text }) => {
        await until(home);
        // the first frame: cut the profile where the home screen with its figures was seen
        if (what === 'first-frame') return mark();
        await quiet(300);
        if (what === 'agenda') {
          // as bench/run.js agendaScenario: set up a meeting, start it, open the second project
          const step = async (keys, re) => {
            await quiet(100);
            const from = text().length;
            write(keys);
            await until(re, 60_000, from);
            await quiet(200);
          };
          await step('2', /开会/);
          await step('\u0013', /议程/);
          write('\u001b[B');
          await quiet(200);
          await step('\r', /本次议定事项/);
          await mark();
          for (let i = 0; i < 30; i++) {
            write(i % 10 < 7 ? '\u001b[C' : '\u001b[D');
            await sleep(5);
            await quiet(40);
          }
          await mark();
          return;
        }
        write('1');
        await until(/显示\d+个/);
        await quiet(300);
        await mark();
        if (what === 'list') {
          for (let i = 0; i < 30; i++) {
            write('\u001b[B');
            await sleep(5);
            await quiet(40);
          }
        } else if (what === 'search') {
          write('/');
          await quiet(200);
          for (let round = 0; round < 3; round++) {
            for (const c of '光伏储能项目') {
              write(c);
              await sleep(5);
              await quiet(40);
            }
            for (let i = 0; i < 6; i++) {
              write('\u007f');
              await sleep(5);
              await quiet(40);
            }
          }
        }
        await mark();
      });
    }
    const files = readdirSync(profDir).filter((f) => f.endsWith('.cpuprofile'));
    if (files.length === 0) throw new Error('no profile was written');
    for (const f of files) {
      const marksFile = join(profDir, 'marks.txt');
      const marks = existsSync(marksFile)
        ? readFileSync(marksFile, 'utf8').trim().split('\n').map(Number)
        : [];
      // A signal may be noted twice in a row; the phase runs from the first mark to the last.
      // one mark (first-frame): from the start to the first frame; two: the key presses
      const window =
        marks.length >= 2 ? [marks[0], marks[marks.length - 1]] : marks.length === 1 ? [0, marks[0]] : null;
      const phase = marks.length >= 2 ? ' — key presses only' : window ? ' — up to the first frame' : '';
      const summary = summarize(join(profDir, f), 25, window);
      process.stdout.write(`${what}, ${projects} projects${phase} (${f}):\n${summary}\n\n`);
      // BENCH_PROFILE_KEEP=<file>: keep the profile (open it in Chrome DevTools or summarize it again).
      if (process.env.BENCH_PROFILE_KEEP) {
        copyFileSync(join(profDir, f), process.env.BENCH_PROFILE_KEEP);
        if (window) writeFileSync(`${process.env.BENCH_PROFILE_KEEP}.window`, `${window.join(' ')}\n`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    process.stderr.write(`profile: ${error.stack ?? error}\n`);
    process.exitCode = 1;
  });
}
