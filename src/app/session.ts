// The app's one window onto the store and the domain: it loads the register and the meetings (store),
// assesses them (domain) and hands screens ready values. Screens never read files or compute figures.
// Not React (ui/hooks/use-session.ts subscribes to it).
// Loading is deferred until after the first frame (issue 3: no heavy work before the first frame).
import { buildLedger } from '../domain/ledger.js';
import { localToday } from '../store/clock.js';
import { assessOnDay } from '../domain/assess-on-day.js';
import type { DayAssessment } from '../domain/assess-on-day.js';
import type { RegisterAssessment } from '../domain/lag-rules.js';
import { countLights, registerFiguresWithLights } from '../domain/figures.js';
import type { LightCounts, RegisterFigures } from '../domain/figures.js';
import { InputError, formatDiagnostic } from '../domain/types.js';
import type { Diagnostic, IsoDate, LedgerEntry, Meeting, ProjectStatus, Register } from '../domain/types.js';
import { loadRegister, registerInputs } from '../store/register-file.js';
import { previousSnapshot as previousSnapshotFile } from '../store/register-history.js';
import { MeetingLockedError, acquireMeetingLock } from '../store/lock.js';
import { describeHolder } from './meeting/lock-holder.js';
import { MeetingDocument } from '../store/meeting-document.js';
import { decisionIdsInDir, knownMeetings } from '../store/meetings-dir.js';
import type { FollowupStatus } from '../domain/types.js';
import { loadMeetings, meetingInputs } from '../store/meeting-read.js';
import { openSettings } from '../store/settings.js';
import type { SettingKey, Settings, SettingsStore } from '../store/settings.js';
import { errorText } from '../store/system-error.js';
import { forgetDigests, keepDigests, resolveLoadCache, sameInput } from '../store/load-cache.js';
import type { CacheInput, LoadCache } from '../store/load-cache.js';
import {
  cachedHome,
  homeKey,
  homeLights,
  homeOverview,
  keepHomeLights,
  keepHomeOverview,
} from './home-overview.js';
import type { HomeEntry, HomeOverview } from './home-overview.js';

export interface SessionOptions {
  registerPath: string;
  meetingsDir: string;
  /** the day for the ledger and new meetings; default the local date */
  today?: IsoDate;
  settings?: SettingsStore;
  /** milliseconds clock, for the time spent on an agenda item */
  now?: () => number;
  /** the load cache (store/load-cache.ts): a cache, false for none, or (undefined) the default */
  cache?: LoadCache | false;
}

export interface LoadedData {
  register: Register;
  warnings: Diagnostic[];
  meetings: Meeting[];
  /** problems reading the meetings folder (the meetings are then left out) */
  meetingProblems: Diagnostic[];
  /**
   * The ledger on the register's as_of (lights count overdue decisions). This, `assessment` and
   * `statusById` are computed on first use (getters): the home screen needs only `figures`, whose
   * lights may come from the load cache (home-overview.ts), so the first frame does not wait for them.
   */
  readonly ledgerAsOf: LedgerEntry[];
  /** the ledger today (督办) */
  ledgerToday: LedgerEntry[];
  /** the day `ledgerToday` is for */
  today: IsoDate;
  readonly assessment: RegisterAssessment;
  figures: RegisterFigures;
  readonly statusById: Map<string, ProjectStatus>;
  /** 责任单位 of the register, then those only named in decisions */
  units: string[];
}

interface MeetingsRead {
  meetings: Meeting[];
  problems: Diagnostic[];
  /** the files the meetings were read from (load cache on, every file read), else undefined */
  inputs: CacheInput[] | undefined;
}

export type SessionState =
  | { phase: 'loading' }
  | { phase: 'ready'; data: LoadedData }
  | { phase: 'error'; message: string };

function describeError(error: unknown): string {
  if (error instanceof InputError) return error.diagnostics.map(formatDiagnostic).join('\n');
  return errorText(error);
}

function sameKey(a: readonly CacheInput[], b: readonly CacheInput[]): boolean {
  return a.length === b.length && a.every((x, i) => sameInput(x, b[i]!));
}

export class Session {
  readonly registerPath: string;
  readonly meetingsDir: string;
  readonly today: IsoDate;
  readonly now: () => number;
  private settingsStore: SettingsStore | undefined;
  private state: SessionState = { phase: 'loading' };
  private listeners = new Set<() => void>();
  private shutdownHooks = new Set<() => void>();
  private quitGuards = new Set<() => string[] | null>();
  private readonly cache: LoadCache | undefined;
  /** the register files the data were read from (load cache on), part of the home entry's key */
  private registerInputs: CacheInput[] | undefined;
  /** the home overview found by peek(), shown while loading */
  private peeked: HomeOverview | undefined;
  /** the home entry (home-overview.ts) last read or written, and its key: not read twice */
  private home: { key: CacheInput[]; entry: Partial<HomeEntry> | undefined } | undefined;
  /** the home entry's key of each data loaded (load cache on, every file read) */
  private homeKeys = new WeakMap<LoadedData, CacheInput[]>();

  constructor(options: SessionOptions) {
    this.registerPath = options.registerPath;
    this.meetingsDir = options.meetingsDir;
    this.today = options.today ?? localToday();
    this.settingsStore = options.settings;
    this.now = options.now ?? (() => Date.now());
    this.cache = resolveLoadCache(options.cache);
  }

  /** Settings are opened on first use (conf reads a file). */
  get settings(): SettingsStore {
    this.settingsStore ??= openSettings();
    return this.settingsStore;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): SessionState => this.state;

  private set(state: SessionState): void {
    this.state = state;
    for (const l of this.listeners) l();
  }

  /**
   * Run `hook` when the app ends (Ctrl+C, a signal, normal exit): release a meeting lock, write a draft.
   * Returns a function that removes it (call it when the hook's owner goes away).
   */
  onShutdown(hook: () => void): () => void {
    this.shutdownHooks.add(hook);
    return () => this.shutdownHooks.delete(hook);
  }

  /** Runs every shutdown hook once; safe to call several times. */
  shutdown(): void {
    const hooks = [...this.shutdownHooks];
    this.shutdownHooks.clear();
    for (const hook of hooks) {
      try {
        hook();
      } catch {
        // leaving anyway: one failing hook must not keep the others from running
      }
    }
  }

  /**
   * Register a check run before the app quits on a key (Ctrl+C): it returns what quitting would lose,
   * as lines to show, or null. Returns a function that removes it.
   */
  guardQuit(check: () => string[] | null): () => void {
    this.quitGuards.add(check);
    return () => {
      this.quitGuards.delete(check);
    };
  }

  /** What quitting now would lose (the first guard that says so), or null. */
  unsavedWork(): string[] | null {
    for (const check of this.quitGuards) {
      const lines = check();
      if (lines) return lines;
    }
    return null;
  }

  /**
   * Last month's snapshot of the register (history/ beside it; docs/formats.md#register-history), for the
   * bulletin's 环比; undefined when there is none. Read when first asked, again after the register changed.
   * A snapshot with errors throws InputError (the preview shows it).
   */
  previousSnapshot(): Register | undefined {
    if (this.state.phase !== 'ready') return undefined;
    const asOf = this.state.data.register.meta.asOf;
    if (this.previous?.asOf !== asOf) {
      const file = previousSnapshotFile(this.registerPath, asOf);
      this.previous = { asOf, register: file === undefined ? undefined : loadRegister(file).register };
    }
    return this.previous.register;
  }

  private previous: { asOf: string; register: Register | undefined } | undefined;

  /**
   * What the home screen showed for exactly these files today, from the load cache (home-overview.ts),
   * found by reading and hashing the register and meeting files without parsing anything: the app
   * draws its first frame from it, then load()s. Undefined on a miss (or before peek()).
   */
  get cachedOverview(): HomeOverview | undefined {
    return this.state.phase === 'loading' ? this.peeked : undefined;
  }

  /**
   * Looks for the cached home overview (see cachedOverview); true when found. The files' digests are
   * kept until load() (load-cache.ts keepDigests), which then reads them without hashing them again,
   * and the entry found (with its lights, even on a miss) is not read again.
   */
  peek(): boolean {
    this.peeked = undefined;
    if (!this.cache || this.state.phase !== 'loading') return false;
    keepDigests();
    const register = registerInputs(this.registerPath);
    const meetings = register && meetingInputs(this.meetingsDir);
    if (!register || !meetings) return false;
    const key = homeKey(register, meetings);
    this.home = { key, entry: cachedHome(this.cache, key) };
    this.peeked = homeOverview(this.home.entry, this.today);
    return this.peeked !== undefined;
  }

  /** The home entry for `key`: the one already read or written when it is for the same files. */
  private homeEntry(cache: LoadCache, key: CacheInput[]): Partial<HomeEntry> | undefined {
    if (this.home && sameKey(this.home.key, key)) return this.home.entry;
    this.home = { key, entry: cachedHome(cache, key) };
    return this.home.entry;
  }

  /**
   * Keeps what the home screen shows for `data` (made by the screen from it), for the next start's
   * first frame; nothing when the data's files are not all known, or when it is already kept.
   */
  keepOverview(data: LoadedData, overview: HomeOverview): void {
    const key = this.homeKeys.get(data);
    if (!this.cache || !key) return;
    const lights = data.figures.lights;
    const kept = this.homeEntry(this.cache, key);
    if (JSON.stringify(kept) === JSON.stringify({ lights, overview })) return;
    keepHomeOverview(this.cache, key, overview, lights);
    this.home = { key, entry: { lights, overview } };
  }

  /** Read and assess everything (synchronous; call after the first frame). */
  load(): void {
    this.previous = undefined;
    this.registerInputs = undefined;
    try {
      let inputs: CacheInput[] | undefined;
      const { register, warnings } = loadRegister(this.registerPath, {
        cache: this.cache ?? false,
        onInputs: (i) => (inputs = i),
      });
      this.registerInputs = inputs;
      const read = this.readMeetings();
      this.set({ phase: 'ready', data: this.assemble(register, warnings, read) });
    } catch (error) {
      this.set({ phase: 'error', message: describeError(error) });
    } finally {
      forgetDigests();
    }
  }

  /** Re-read the meetings (after a meeting was saved or a decision followed up) and re-assess. */
  reloadMeetings(): void {
    if (this.state.phase !== 'ready') return;
    const { register, warnings } = this.state.data;
    this.set({ phase: 'ready', data: this.assemble(register, warnings, this.readMeetings()) });
  }

  /**
   * Computes now what the home screen left for later (the assessment of every project), so the
   * first screen opened does not wait for it. Call after the first frame; harmless at any time.
   */
  prepare(): void {
    if (this.state.phase === 'ready') void this.state.data.statusById;
  }

  private readMeetings(): MeetingsRead {
    let inputs: CacheInput[] | undefined;
    try {
      const meetings = loadMeetings(this.meetingsDir, {
        cache: this.cache ?? false,
        onInputs: (i) => (inputs = i),
      });
      return { meetings, problems: [], inputs };
    } catch (error) {
      if (error instanceof InputError)
        return { meetings: [], problems: error.diagnostics, inputs: undefined };
      throw error;
    }
  }

  /** The key of the home entry, or undefined (no cache, or a file not read). */
  private homeKeyOf(meetingInputs: CacheInput[] | undefined): CacheInput[] | undefined {
    if (!this.cache || !this.registerInputs || !meetingInputs) return undefined;
    return homeKey(this.registerInputs, meetingInputs);
  }

  private assemble(register: Register, warnings: Diagnostic[], read: MeetingsRead): LoadedData {
    const { meetings, problems: meetingProblems } = read;
    let assessed: { day: DayAssessment; statusById: Map<string, ProjectStatus> } | undefined;
    const assess = () => {
      if (!assessed) {
        const day = assessOnDay(register, register.meta.asOf, meetings);
        const statusById = new Map<string, ProjectStatus>();
        for (const s of day.assessment.statuses) statusById.set(s.project.id, s);
        assessed = { day, statusById };
      }
      return assessed;
    };
    const key = this.homeKeyOf(read.inputs);
    let lights: LightCounts | undefined =
      key && this.cache ? homeLights(this.homeEntry(this.cache, key), register.projects.length) : undefined;
    if (!lights) {
      lights = countLights(assess().day.assessment.statuses);
      if (key && this.cache) {
        keepHomeLights(this.cache, key, lights);
        this.home = { key, entry: { lights } };
      }
    }
    const figures = registerFiguresWithLights(register, lights);
    const ledgerToday = buildLedger(meetings, this.today);
    const noLedger: LedgerEntry[] = [];
    const units: string[] = [];
    const seen = new Set<string>();
    for (const p of register.projects) {
      if (!seen.has(p.unit)) {
        seen.add(p.unit);
        units.push(p.unit);
      }
      for (const pr of p.problems) {
        if (pr.unit !== undefined && !seen.has(pr.unit)) {
          seen.add(pr.unit);
          units.push(pr.unit);
        }
      }
    }
    for (const e of ledgerToday) {
      if (!seen.has(e.decision.unit)) {
        seen.add(e.decision.unit);
        units.push(e.decision.unit);
      }
    }
    const data: LoadedData = {
      register,
      warnings,
      meetings,
      meetingProblems,
      get ledgerAsOf() {
        return assess().day.ledger ?? noLedger;
      },
      ledgerToday,
      today: this.today,
      get assessment() {
        return assess().day.assessment;
      },
      figures,
      get statusById() {
        return assess().statusById;
      },
      units,
    };
    if (key) this.homeKeys.set(data, key);
    return data;
  }

  /**
   * 督办 between meetings: record what was learnt about a decision today, as a follow-up with a
   * `date` in the file of the meeting that took the decision. That meeting never hears its own
   * decisions, so nothing it recorded is replaced; its minutes ignore a follow-up dated after it, and
   * the next meeting's minutes report it. Returns an error message, or null when saved.
   */
  recordFollowup(entry: LedgerEntry, status: FollowupStatus, note: string): string | null {
    const file = entry.meetingFile;
    if (!file) return '找不到该议定事项所在的会议记录文件';
    let lock;
    try {
      lock = acquireMeetingLock(file);
    } catch (error) {
      if (error instanceof MeetingLockedError)
        return `未记录：这项议定事项所在的会议正由另一个 diaodu 记录（${describeHolder(error.holder)}），请在那里听取，或稍后再试`;
      return describeError(error);
    }
    try {
      const doc = MeetingDocument.open(file, {
        // the meetings already read stand for their files; others (damaged, new) are scanned
        takenIds: decisionIdsInDir(this.meetingsDir, {
          exclude: file,
          ...(this.state.phase === 'ready' ? { known: knownMeetings(this.state.data.meetings) } : {}),
        }),
      });
      doc.setFollowup(entry.decision.id, {
        status,
        ...(note.trim() ? { note: note.trim() } : {}),
        date: this.today,
      });
      doc.save();
    } catch (error) {
      return describeError(error);
    } finally {
      lock.release();
    }
    this.reloadMeetings();
    return null;
  }

  /** A setting, or undefined when the settings file cannot be read (设置 reports that). */
  private setting<K extends SettingKey>(key: K): Settings[K] | undefined {
    try {
      return this.settings.get(key);
    } catch {
      return undefined;
    }
  }

  /** Where briefings are written: the settings' output folder, else the current folder. */
  outputDir(): string {
    return this.setting('outputDir') || process.cwd();
  }

  /** The issuing office from the settings, if any. */
  settingIssuer(): string | undefined {
    return this.setting('issuer');
  }

  /** 简体 or 繁體 output, from the settings. */
  settingsScript(): 'simplified' | 'traditional' {
    return this.setting('script') ?? 'simplified';
  }
}
