// The secretary's own settings, kept with `conf` (a JSON file in the user's config folder): the issuing
// office, the usual chair and attendance lists, where meetings and outputs go, and the script.
// Tests (and anyone else) can point it elsewhere with the `cwd` option or DIAODU_CONFIG_DIR.
//
// Speed (issue 5): conf with ajv takes ~70 ms to import, more than the app may spend before its
// first frame. Opening and reading the settings therefore read conf's file directly (as conf does
// on every read: the file, JSON.parse, no schema); conf itself is loaded on the first write, or
// ahead of it with loadSettingsLibrary().
import { readFileSync } from 'node:fs';
import { systemErrorReason } from './system-error.js';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import * as path from 'node:path';
import type Conf from 'conf';
import { InputError } from '../domain/types.js';
import type { Diagnostic } from '../domain/types.js';

export type Script = 'simplified' | 'traditional';

export interface Settings {
  /** 发文机关, named on briefings when the register does not name one */
  issuer?: string;
  /** 默认主持 */
  chair?: string;
  /** 默认出席 / 请假 / 列席 */
  present: string[];
  absent: string[];
  attending: string[];
  /** where meeting records are kept */
  meetingsDir?: string;
  /** where minutes and bulletins are written */
  outputDir?: string;
  /** 简体 or 繁體 output */
  script: Script;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  present: [],
  absent: [],
  attending: [],
  script: 'simplified',
};

export type SettingKey = keyof Settings;

export const SETTING_KEYS: readonly SettingKey[] = [
  'issuer',
  'chair',
  'present',
  'absent',
  'attending',
  'meetingsDir',
  'outputDir',
  'script',
];

/** Chinese names, for the settings screen and messages. */
export const SETTING_LABELS: Readonly<Record<SettingKey, string>> = {
  issuer: '发文机关',
  chair: '默认主持人',
  present: '默认出席',
  absent: '默认请假',
  attending: '默认列席',
  meetingsDir: '会议记录文件夹',
  outputDir: '输出文件夹',
  script: '字形（简体/繁体）',
};

const LIST_KEYS = new Set<SettingKey>(['present', 'absent', 'attending']);

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** Why a stored value is not acceptable, or null when it is. */
function problemWith(key: SettingKey, value: unknown): string | null {
  if (value === undefined) return null;
  if (LIST_KEYS.has(key)) return isStringList(value) ? null : `${SETTING_LABELS[key]}应为文字列表`;
  if (key === 'script') {
    return value === 'simplified' || value === 'traditional'
      ? null
      : `字形应为 simplified（简体）或 traditional（繁体）`;
  }
  return typeof value === 'string' ? null : `${SETTING_LABELS[key]}应为文字`;
}

export interface SettingsOptions {
  /** folder holding config.json; default DIAODU_CONFIG_DIR, else the user's config folder for 'diaodu' */
  cwd?: string;
}

type ConfClass = typeof Conf;
let confClass: ConfClass | undefined;
let confLoading: Promise<void> | undefined;

/** Loads conf (and ajv) ahead of the first write; reading settings never needs it. */
export function loadSettingsLibrary(): Promise<void> {
  confLoading ??= import('conf').then((m) => {
    confClass ??= m.default;
  });
  return confLoading;
}

/** conf, loaded now if it was not loaded ahead (an ES module: Node ≥ 20.19 can require it). */
function confNow(): ConfClass {
  if (!confClass) {
    const required = createRequire(import.meta.url)('conf') as { default: ConfClass };
    confClass = required.default;
  }
  return confClass;
}

/**
 * The folder conf keeps diaodu's settings in when no `cwd` is given: env-paths' config folder for
 * “diaodu” with conf's “-nodejs” suffix.
 */
export function defaultSettingsFolder(env: NodeJS.ProcessEnv = process.env): string {
  const name = 'diaodu-nodejs';
  if (process.platform === 'darwin') return path.join(homedir(), 'Library', 'Preferences', name);
  if (process.platform === 'win32') {
    return path.join(env.APPDATA || path.join(homedir(), 'AppData', 'Roaming'), name, 'Config');
  }
  return path.join(env.XDG_CONFIG_HOME || path.join(homedir(), '.config'), name);
}

export class SettingsStore {
  /** the settings file */
  readonly path: string;
  private readonly folder: string;
  private confStore: Conf<Record<string, unknown>> | undefined;

  constructor(options: SettingsOptions = {}) {
    const cwd = options.cwd ?? process.env.DIAODU_CONFIG_DIR;
    this.folder = cwd || defaultSettingsFolder();
    this.path = path.resolve(this.folder, 'config.json');
    this.raw(); // an unreadable file is reported when the settings are opened
    // Where conf cannot be required (Node < 20.19), load it now, well before anything is saved.
    if (!(process.features as { require_module?: boolean }).require_module) void loadSettingsLibrary();
  }

  /** conf on the same file, for writing. */
  private conf(): Conf<Record<string, unknown>> {
    if (!this.confStore) {
      const ConfStore = confNow();
      try {
        this.confStore = new ConfStore<Record<string, unknown>>({
          projectName: 'diaodu',
          cwd: this.folder,
          // no `defaults`: constructing the store must not write the file
        });
      } catch (error) {
        throw this.unreadable(this.path, error);
      }
    }
    return this.confStore;
  }

  private unreadable(file: string, error: unknown): InputError {
    // a system error in Chinese (EACCES → 没有读取权限…), else the parser's own words
    const reason =
      systemErrorReason(error, 'read') ?? (error instanceof Error ? error.message : String(error));
    return new InputError([
      {
        severity: 'error',
        file: file || 'config.json',
        line: 0,
        column: 0,
        message: `设置文件无法读取（${reason}）；请修正或删除该文件后重试`,
      },
    ]);
  }

  /** The stored values as conf reads them: the file's JSON object; no file → nothing stored. */
  private raw(): Record<string, unknown> {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      if ((error as { code?: unknown } | null)?.code === 'ENOENT')
        return Object.create(null) as Record<string, unknown>;
      throw this.unreadable(this.path, error);
    }
    try {
      return Object.assign(Object.create(null) as Record<string, unknown>, JSON.parse(text) as unknown);
    } catch (error) {
      throw this.unreadable(this.path, error);
    }
  }

  /** A setting; a missing or malformed stored value gives the default (see problems()). */
  get<K extends SettingKey>(key: K): Settings[K] {
    const value = this.raw()[key];
    if (value === undefined || problemWith(key, value) !== null) return DEFAULT_SETTINGS[key] as Settings[K];
    return (isStringList(value) ? [...value] : value) as Settings[K];
  }

  /** Store a setting; `undefined` (or an empty string) removes it, falling back to the default. */
  set<K extends SettingKey>(key: K, value: Settings[K] | undefined): void {
    if (value === undefined || value === '') {
      this.conf().delete(key);
      return;
    }
    const problem = problemWith(key, value);
    if (problem)
      throw new InputError([{ severity: 'error', file: this.path, line: 0, column: 0, message: problem }]);
    this.conf().set(key, isStringList(value) ? [...value] : value);
  }

  /** Set several at once. */
  update(values: Partial<Settings>): void {
    for (const key of SETTING_KEYS) {
      if (key in values) this.set(key, values[key]);
    }
  }

  /** Every setting, defaults filled in. */
  all(): Settings {
    const out: Settings = { ...DEFAULT_SETTINGS, present: [], absent: [], attending: [] };
    for (const key of SETTING_KEYS) {
      const value = this.get(key);
      if (value !== undefined) (out as unknown as Record<string, unknown>)[key] = value;
    }
    return out;
  }

  /** Stored values that are ignored because they are malformed (a hand-edited file), as warnings. */
  problems(): Diagnostic[] {
    const raw = this.raw();
    const out: Diagnostic[] = [];
    for (const [key, value] of Object.entries(raw)) {
      if (key.startsWith('__internal__')) continue; // conf's own bookkeeping
      if (!(SETTING_KEYS as readonly string[]).includes(key)) {
        out.push({
          severity: 'warning',
          file: this.path,
          line: 0,
          column: 0,
          message: `未知设置项“${key}”，已忽略`,
        });
        continue;
      }
      const problem = problemWith(key as SettingKey, value);
      if (problem) {
        out.push({
          severity: 'warning',
          file: this.path,
          line: 0,
          column: 0,
          message: `${problem}；已改用默认值`,
        });
      }
    }
    return out;
  }

  /** Remove every setting. */
  clear(): void {
    this.conf().clear();
  }
}

export function openSettings(options: SettingsOptions = {}): SettingsStore {
  return new SettingsStore(options);
}
