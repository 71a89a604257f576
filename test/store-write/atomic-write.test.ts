import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  isTempFileName,
  removeStaleTempFiles,
  waitForSwap,
  writeFileAtomic,
  writeNewFile,
} from '../../src/store/atomic-write.js';
import type { AtomicWriteIo } from '../../src/store/atomic-write.js';
import { InputError } from '../../src/domain/types.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diaodu-atomic-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const OLD = 'meeting:\n  date: 2021-11-15\n  closed: false\n';
const NEW = 'meeting:\n  date: 2021-11-15\n  closed: true\n# 会议结束\n';

function names(): string[] {
  return fs.readdirSync(dir).sort();
}

function failing(error: string): NodeJS.ErrnoException {
  const e = new Error(error) as NodeJS.ErrnoException;
  e.code = error;
  return e;
}

describe('writeFileAtomic', () => {
  it('creates a file and leaves nothing else behind', () => {
    const file = path.join(dir, 'm.yaml');
    writeFileAtomic(file, NEW);
    expect(fs.readFileSync(file, 'utf8')).toBe(NEW);
    expect(names()).toEqual(['m.yaml']);
  });

  it('replaces an existing file and keeps its permissions', () => {
    const file = path.join(dir, 'm.yaml');
    fs.writeFileSync(file, OLD, { mode: 0o600 });
    fs.chmodSync(file, 0o600);
    writeFileAtomic(file, NEW);
    expect(fs.readFileSync(file, 'utf8')).toBe(NEW);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(names()).toEqual(['m.yaml']);
  });

  it('writes bytes as given (Buffer)', () => {
    const file = path.join(dir, 'b.bin');
    writeFileAtomic(file, Buffer.from([0, 1, 2, 255]));
    expect([...fs.readFileSync(file)]).toEqual([0, 1, 2, 255]);
  });

  it('a failure in the middle of writing leaves the old file whole and no temp file', () => {
    const file = path.join(dir, 'm.yaml');
    fs.writeFileSync(file, OLD);
    let calls = 0;
    const io: Partial<AtomicWriteIo> = {
      // write part of the data, then the disk "fills up"
      writeSync: (fd, buffer, offset, length) => {
        calls++;
        if (calls === 1) return fs.writeSync(fd, buffer, offset, Math.min(5, length));
        throw failing('ENOSPC');
      },
    };
    expect(() => writeFileAtomic(file, NEW, { io })).toThrow(InputError);
    expect(calls).toBe(2);
    expect(fs.readFileSync(file, 'utf8')).toBe(OLD);
    expect(names()).toEqual(['m.yaml']);
  });

  it('a failing fsync or rename leaves the old file whole and no temp file', () => {
    const file = path.join(dir, 'm.yaml');
    fs.writeFileSync(file, OLD);
    expect(() =>
      writeFileAtomic(file, NEW, {
        io: {
          fsyncSync: () => {
            throw failing('EIO');
          },
        },
      }),
    ).toThrow(/EIO/);
    expect(fs.readFileSync(file, 'utf8')).toBe(OLD);
    expect(names()).toEqual(['m.yaml']);

    let renamed = '';
    expect(() =>
      writeFileAtomic(file, NEW, {
        io: {
          renameSync: (from) => {
            renamed = String(from);
            // the temp file is complete when the rename is attempted
            expect(fs.readFileSync(from, 'utf8')).toBe(NEW);
            throw failing('EXDEV');
          },
        },
      }),
    ).toThrow(/EXDEV/);
    expect(isTempFileName(path.basename(renamed))).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe(OLD);
    expect(names()).toEqual(['m.yaml']);
  });

  it('a disk problem is an InputError in Chinese that says the file was not changed', () => {
    const file = path.join(dir, 'm.yaml');
    fs.writeFileSync(file, OLD);
    const io: Partial<AtomicWriteIo> = {
      writeSync: () => {
        throw failing('ENOSPC');
      },
    };
    expect(() => writeFileAtomic(file, NEW, { io })).toThrow(
      `无法写入 ${file}：磁盘空间已满；请清理磁盘后重试（ENOSPC）；原文件未改动`,
    );
    const missing = path.join(dir, 'no-such-folder', 'm.yaml');
    expect(() => writeFileAtomic(missing, NEW)).toThrow(/文件夹不存在/);
    expect(() => writeNewFile(missing, NEW)).toThrow(/文件夹不存在/);
  });

  it('writing through a symlink replaces the file it points to and keeps the link', () => {
    const real = path.join(dir, 'real.yaml');
    const link = path.join(dir, 'link.yaml');
    fs.writeFileSync(real, OLD);
    fs.symlinkSync(real, link);
    writeFileAtomic(link, NEW);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real, 'utf8')).toBe(NEW);
    expect(names()).toEqual(['link.yaml', 'real.yaml']);
  });
});

describe('writeNewFile', () => {
  it('writes a new file', () => {
    const file = path.join(dir, '纪要.md');
    writeNewFile(file, '# 纪要\n');
    expect(fs.readFileSync(file, 'utf8')).toBe('# 纪要\n');
    expect(names()).toEqual(['纪要.md']);
  });

  it('refuses to overwrite without force, in Chinese, leaving the file as it was', () => {
    const file = path.join(dir, '纪要.md');
    fs.writeFileSync(file, 'old');
    let caught: unknown;
    try {
      writeNewFile(file, 'new');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InputError);
    const diag = (caught as InputError).diagnostics[0];
    expect(diag?.file).toBe(file);
    expect(diag?.message).toBe(`输出文件 ${file} 已存在；如需覆盖请加 --force`);
    expect(fs.readFileSync(file, 'utf8')).toBe('old');
    expect(names()).toEqual(['纪要.md']);
  });

  it('a file appearing between the check and the write is still not overwritten', () => {
    const file = path.join(dir, 'out.md');
    expect(() =>
      writeNewFile(file, 'mine', {
        io: {
          linkSync: (from, to) => {
            fs.writeFileSync(to, 'theirs'); // someone else was quicker
            fs.linkSync(from, to);
          },
        },
      }),
    ).toThrow(/已存在；如需覆盖请加 --force/);
    expect(fs.readFileSync(file, 'utf8')).toBe('theirs');
    expect(names()).toEqual(['out.md']);
  });

  it('overwrites with force', () => {
    const file = path.join(dir, 'out.md');
    fs.writeFileSync(file, 'old');
    writeNewFile(file, 'new', { force: true });
    expect(fs.readFileSync(file, 'utf8')).toBe('new');
    expect(names()).toEqual(['out.md']);
  });
});

describe('removeStaleTempFiles', () => {
  it('removes temp files of dead writers only', () => {
    const file = path.join(dir, 'm.yaml');
    fs.writeFileSync(file, OLD);
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    const deadPid = Number(child.stdout.toString());
    const dead = `.m.yaml.${deadPid}.0123abcd.tmp`;
    const mine = `.m.yaml.${process.pid}.89abcdef.tmp`;
    const other = `.n.yaml.${deadPid}.0123abcd.tmp`;
    for (const n of [dead, mine, other]) fs.writeFileSync(path.join(dir, n), 'partial');
    expect(removeStaleTempFiles(file)).toEqual([path.join(dir, dead)]);
    expect(names()).toEqual([mine, other, 'm.yaml'].sort());
  });
});

describe('waitForSwap (a take-over reading while the other window saves)', () => {
  it('waits for a file another process puts in place, and gives up on one that never comes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diaodu-swap-'));
    const target = path.join(dir, 'm.yaml');
    const child = spawn(process.execPath, [
      '-e',
      // written aside and linked in, as a save does: the name never shows an empty file
      `const fs = require('fs'); setTimeout(() => { fs.writeFileSync(${JSON.stringify(target + '.tmp')}, 'x'); fs.linkSync(${JSON.stringify(target + '.tmp')}, ${JSON.stringify(target)}); }, 50)`,
    ]);
    const exited = new Promise((resolve) => child.on('exit', resolve));
    await new Promise((resolve) => child.on('spawn', resolve));
    // blocks this thread: only another process can make the file appear meanwhile
    expect(waitForSwap(target, 20_000)).toBe(true);
    expect(fs.readFileSync(target, 'utf8')).toBe('x');
    await exited;
    expect(waitForSwap(path.join(dir, 'never.yaml'), 10)).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
