// Issue 9, items 6, 10 and 14: what is not a regular file is never read or written (a device such as
// /dev/zero, a FIFO, a socket), and system errors reach people as one Chinese sentence. The commands
// run as the built program in a child process with a time limit: before the fix, `check /dev/zero`
// read without end (1.1 GB in 20 s) and a FIFO blocked forever, which a test in this process could not
// interrupt.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/domain/types.js';
import { writeNewFile } from '../../src/store/atomic-write.js';
import { acquireMeetingLock } from '../../src/store/lock.js';
import { readRegularFile } from '../../src/store/regular-file.js';
import { errorText, systemErrorText } from '../../src/store/system-error.js';
import { readYamlFile } from '../../src/store/yaml/file.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(root, 'dist', 'cli.js');
const register = path.join(root, 'test', 'commands', 'fixtures', 'register.yaml');
const isRoot = process.getuid?.() === 0;
const posix = process.platform !== 'win32';

let tmp: string;
let fifo: string;
let socketPath: string;
let server: net.Server | undefined;

beforeAll(async () => {
  if (!fs.existsSync(cli)) execFileSync('npm', ['run', 'build', '--silent'], { cwd: root });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'diaodu-hostile-files-'));
  fifo = path.join(tmp, 'pipe.yaml');
  socketPath = path.join(tmp, 'sock.md');
  if (posix) {
    execFileSync('mkfifo', [fifo]);
    server = net.createServer();
    await new Promise<void>((resolve) => server!.listen(socketPath, resolve));
  }
});

afterAll(async () => {
  if (server) await new Promise((resolve) => server!.close(resolve));
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** The program on `args`, stopped after 20 s (a hang shows as status null and signal SIGKILL). */
function run(args: string[]) {
  return spawnSync(process.execPath, [cli, ...args], {
    cwd: tmp,
    env: { ...process.env, DIAODU_DEBUG: '', DIAODU_NO_CACHE: '1' },
    encoding: 'utf8',
    timeout: 20_000,
    killSignal: 'SIGKILL',
    maxBuffer: 1024 * 1024,
  });
}

describe.runIf(posix)('input that is not a regular file is refused before it is read', () => {
  const cases: [string, () => string[], string][] = [
    ['check /dev/zero', () => ['check', '/dev/zero'], '设备文件'],
    ['check a FIFO', () => ['check', fifo], '命名管道'],
    ['minutes /dev/zero', () => ['minutes', '/dev/zero'], '设备文件'],
    ['minutes a FIFO', () => ['minutes', fifo], '命名管道'],
    ['import /dev/zero', () => ['import', '/dev/zero'], '设备文件'],
    ['import a FIFO', () => ['import', fifo], '命名管道'],
  ];
  it.each(cases)('%s: exit 2 with a Chinese sentence', (_name, args, kind) => {
    const r = run(args());
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(kind);
    expect(r.stderr).toContain('不是普通文件');
    expect(r.stderr).not.toMatch(/Error|ENOENT|EACCES|at .*\.js/);
  });

  it('the store refuses them too, and caps a regular file while reading it', () => {
    expect(() => readYamlFile('/dev/zero')).toThrow(InputError);
    expect(() => readYamlFile(fifo)).toThrow(/命名管道/);
    const small = path.join(tmp, 'small.yaml');
    fs.writeFileSync(small, 'x'.repeat(100));
    expect(readRegularFile(small, { what: '文件', maxBytes: 100 }).bytes.length).toBe(100);
    expect(() => readRegularFile(small, { what: '文件', maxBytes: 99 })).toThrow(/文件过大/);
  });
});

describe.runIf(posix)('--out writes only regular files, --force or not', () => {
  it('a FIFO and a socket are refused and stay what they were', () => {
    for (const target of [fifo, socketPath]) {
      for (const force of [[], ['--force']]) {
        const r = run(['bulletin', register, '--format', 'md', '--out', target, ...force]);
        expect(r.signal).toBeNull();
        expect(r.status).toBe(2);
        expect(r.stderr).toContain('不是普通文件');
        expect(r.stderr).toContain('加 --force 也不会写入或替换它');
      }
    }
    expect(fs.statSync(fifo).isFIFO()).toBe(true);
    expect(fs.statSync(socketPath).isSocket()).toBe(true);
  });

  it.runIf(isRoot)('a character device (a private copy of /dev/null) is not replaced by a file', () => {
    const device = path.join(tmp, 'null-copy');
    execFileSync('mknod', [device, 'c', '1', '3']);
    const r = run(['bulletin', register, '--format', 'md', '--out', device, '--force']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('是设备文件，不是普通文件');
    expect(fs.statSync(device).isCharacterDevice()).toBe(true);
  });

  it('the store refuses a device behind a symlink, and a folder', () => {
    const link = path.join(tmp, 'link.txt');
    fs.symlinkSync('/dev/null', link);
    expect(() => writeNewFile(link, 'x', { force: true })).toThrow(/设备文件/);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(() => writeNewFile(tmp, 'x', { force: true })).toThrow(/是一个文件夹/);
  });
});

describe('system errors in Chinese', () => {
  const sys = (code: string, syscall: string, p: string) =>
    Object.assign(new Error(`${code}: something, ${syscall} '${p}'`), { code, syscall, path: p });

  it('names the file, says why and what to do', () => {
    expect(systemErrorText(sys('EACCES', 'open', '/m/a.lock'), undefined, 'create')).toBe(
      '无法建立 /m/a.lock：没有写入权限；请检查该文件及所在文件夹的权限，或换一个可写的文件夹（EACCES）。',
    );
    expect(systemErrorText(sys('EROFS', 'rename', '/m/a.yaml'))).toMatch(/^无法写入 \/m\/a\.yaml：.*只读/);
    expect(systemErrorText(sys('ENOSPC', 'write', '/m/a.yaml'))).toContain('磁盘空间已满');
    expect(systemErrorText(sys('EBUSY', 'open', 'x.xlsx'), 'x.xlsx', 'read')).toContain('其他程序占用');
    expect(systemErrorText(new Error('plain'))).toBeUndefined();
    expect(errorText(sys('EACCES', 'scandir', '/m'))).toMatch(/^无法读取 \/m：没有读取权限/);
    expect(errorText(new Error('plain'))).toBe('plain');
  });

  it('a lock file that cannot be made is an InputError in Chinese, not EACCES/ENOTDIR text', () => {
    // a meetings "folder" that is a file: the lock's open fails with ENOTDIR (root ignores modes,
    // so a read-only folder cannot be simulated here)
    const notDir = path.join(tmp, 'plain-file');
    fs.writeFileSync(notDir, '');
    let caught: unknown;
    try {
      acquireMeetingLock(path.join(notDir, '2021-10-08-周调度.yaml'));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(InputError);
    const message = (caught as InputError).diagnostics[0]!.message;
    expect(message).toContain('中建立锁文件，会议不能记录');
    expect(message).toContain('路径中有一段不是文件夹');
  });
});
