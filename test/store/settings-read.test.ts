// settings.ts reads conf's file itself (conf is loaded only to write): the file it reads must be
// the one conf writes, and it must read it as conf does.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettingsFolder, loadSettingsLibrary, openSettings } from '../../src/store/settings.js';

let dir: string;
const saved = {
  XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME,
  DIAODU_CONFIG_DIR: process.env.DIAODU_CONFIG_DIR,
};
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diaodu-settings-read-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

describe('settings read without conf', () => {
  it('finds the file conf uses when no folder is given', () => {
    process.env.XDG_CONFIG_HOME = dir;
    delete process.env.DIAODU_CONFIG_DIR;
    const conf = new Conf<Record<string, unknown>>({ projectName: 'diaodu' });
    conf.set('issuer', '区督查室');
    expect(path.dirname(conf.path)).toBe(defaultSettingsFolder());
    const s = openSettings();
    expect(s.path).toBe(conf.path);
    expect(s.get('issuer')).toBe('区督查室');
  });

  it('reads what conf wrote, and conf reads what it writes', async () => {
    await loadSettingsLibrary();
    const s = openSettings({ cwd: dir });
    expect(fs.readdirSync(dir)).toEqual([]);
    s.update({ chair: '马占文', present: ['区发改局'] });
    const conf = new Conf<Record<string, unknown>>({ projectName: 'diaodu', cwd: dir });
    expect(conf.store).toEqual({ chair: '马占文', present: ['区发改局'] });
    conf.set('script', 'traditional');
    expect(openSettings({ cwd: dir }).all()).toMatchObject({ chair: '马占文', script: 'traditional' });
  });

  it('JSON that is not an object is read as conf reads it', () => {
    for (const text of ['[1, 2]', '"ab"', '5', 'null']) {
      fs.writeFileSync(path.join(dir, 'config.json'), text);
      const conf = new Conf<Record<string, unknown>>({ projectName: 'diaodu', cwd: dir });
      const s = openSettings({ cwd: dir });
      expect(s.all()).toEqual({ present: [], absent: [], attending: [], script: 'simplified' });
      expect(s.problems().map((d) => d.message)).toEqual(
        Object.keys(conf.store).map((k) => `未知设置项“${k}”，已忽略`),
      );
    }
  });

  it('an unreadable file names itself', () => {
    fs.writeFileSync(path.join(dir, 'config.json'), '{');
    expect(() => openSettings({ cwd: dir })).toThrow(/设置文件无法读取/);
    try {
      openSettings({ cwd: dir });
    } catch (e) {
      expect((e as { diagnostics: { file: string }[] }).diagnostics[0]!.file).toBe(
        path.join(dir, 'config.json'),
      );
    }
  });
});
