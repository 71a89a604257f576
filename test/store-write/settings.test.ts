import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/domain/types.js';
import { DEFAULT_SETTINGS, openSettings, SettingsStore, type Settings } from '../../src/store/settings.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diaodu-settings-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  delete process.env.DIAODU_CONFIG_DIR;
});

describe('settings', () => {
  it('starts with the defaults and writes nothing until something is set', () => {
    const s = openSettings({ cwd: dir });
    expect(s.all()).toEqual({ present: [], absent: [], attending: [], script: 'simplified' });
    expect(s.get('issuer')).toBeUndefined();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('round-trips every setting through the file', () => {
    const s = openSettings({ cwd: dir });
    const every: Settings = {
      issuer: '平鲁区项目推进中心',
      chair: '马占文',
      present: ['区发改局', '区自然资源局'],
      absent: ['区住建局'],
      attending: ['区督查室'],
      meetingsDir: '/data/meetings',
      outputDir: '/data/out',
      script: 'traditional',
    };
    s.update(every);
    expect(s.path).toBe(path.join(dir, 'config.json'));
    const again = new SettingsStore({ cwd: dir });
    expect(again.all()).toEqual(every);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).issuer).toBe(
      '平鲁区项目推进中心',
    );
  });

  it('removing a setting falls back to the default', () => {
    const s = openSettings({ cwd: dir });
    s.set('script', 'traditional');
    s.set('chair', '马占文');
    s.set('script', undefined);
    s.set('chair', '');
    expect(s.get('script')).toBe('simplified');
    expect(s.get('chair')).toBeUndefined();
  });

  it('lists are copies: changing a returned list does not change the setting', () => {
    const s = openSettings({ cwd: dir });
    s.set('present', ['区发改局']);
    s.get('present').push('x');
    expect(s.get('present')).toEqual(['区发改局']);
    expect(DEFAULT_SETTINGS.present).toEqual([]);
  });

  it('refuses a bad value in Chinese', () => {
    const s = openSettings({ cwd: dir });
    expect(() => s.set('script', 'cyrillic' as never)).toThrow(InputError);
    expect(() => s.set('script', 'cyrillic' as never)).toThrow(/simplified（简体）或 traditional（繁体）/);
    expect(() => s.set('present', '区发改局' as never)).toThrow(/默认出席应为文字列表/);
  });

  it('a hand-edited file with bad values: defaults used, problems listed as warnings', () => {
    fs.writeFileSync(
      path.join(dir, 'config.json'),
      JSON.stringify({ script: 'fancy', present: '区发改局', chair: '马占文', colour: 'blue' }),
    );
    const s = openSettings({ cwd: dir });
    expect(s.get('script')).toBe('simplified');
    expect(s.get('present')).toEqual([]);
    expect(s.get('chair')).toBe('马占文');
    expect(s.problems().map((d) => [d.severity, d.message])).toEqual([
      ['warning', '字形应为 simplified（简体）或 traditional（繁体）；已改用默认值'],
      ['warning', '默认出席应为文字列表；已改用默认值'],
      ['warning', '未知设置项“colour”，已忽略'],
    ]);
  });

  it('a file that is not JSON is an InputError naming the problem', () => {
    fs.writeFileSync(path.join(dir, 'config.json'), '{ issuer: ');
    expect(() => openSettings({ cwd: dir })).toThrow(/设置文件无法读取/);
  });

  it('DIAODU_CONFIG_DIR points the store elsewhere when no cwd is given', () => {
    process.env.DIAODU_CONFIG_DIR = dir;
    const s = openSettings();
    s.set('issuer', '区督查室');
    expect(s.path).toBe(path.join(dir, 'config.json'));
    expect(openSettings({ cwd: dir }).get('issuer')).toBe('区督查室');
  });
});
