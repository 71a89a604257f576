// Diagnostics of YAML input (docs/formats.md#general-rules: every error names file, line and column and says what is
// wrong and what would be right): collected per file, sorted, capped, thrown as one InputError.

import { InputError } from '../../domain/types.js';
import type { Diagnostic } from '../../domain/types.js';

/** Diagnostics of one severity listed per file; the rest are counted in a closing note. */
export const MAX_DIAGNOSTICS_PER_FILE = 200;

/** A DiagnosticSink's state at one moment (DiagnosticSink.mark). */
export interface SinkMark {
  errors: number;
  warnings: number;
  errorCounts: Map<string, number>;
  warningCounts: Map<string, number>;
  errorTotal: number;
}

/** Collects errors and warnings, possibly over several files; sorted by file order then position. */
export class DiagnosticSink {
  readonly errors: Diagnostic[] = [];
  readonly warnings: Diagnostic[] = [];
  private readonly fileOrder = new Map<string, number>();
  private readonly errorCounts = new Map<string, number>();
  private readonly warningCounts = new Map<string, number>();
  /** every error ever added, listed or not */
  private errorTotal = 0;

  /** Declares the order files are reported in (first declared first). */
  beginFile(file: string): void {
    if (!this.fileOrder.has(file)) this.fileOrder.set(file, this.fileOrder.size);
  }

  add(d: Diagnostic): void {
    this.beginFile(d.file);
    const list = d.severity === 'error' ? this.errors : this.warnings;
    const counts = d.severity === 'error' ? this.errorCounts : this.warningCounts;
    const n = (counts.get(d.file) ?? 0) + 1;
    counts.set(d.file, n);
    if (d.severity === 'error') this.errorTotal++;
    // A systematically wrong file (10,000 rows with the same mistake) lists the first ones only.
    if (n <= MAX_DIAGNOSTICS_PER_FILE) list.push(d);
  }

  /** The listed diagnostics of one severity, sorted, plus a note per file on how many were left out. */
  private finalList(list: Diagnostic[], counts: Map<string, number>): Diagnostic[] {
    const out = this.sorted(list);
    for (const [file, n] of counts) {
      if (n > MAX_DIAGNOSTICS_PER_FILE) {
        const last = [...out].reverse().find((d) => d.file === file);
        const severity = list[0]?.severity ?? 'error';
        const at = out.lastIndexOf(last!) + 1;
        out.splice(at, 0, {
          severity,
          file,
          line: last?.line ?? 1,
          column: last?.column ?? 1,
          message: `另有 ${n - MAX_DIAGNOSTICS_PER_FILE} 条${severity === 'error' ? '错误' : '警告'}未列出（每个文件最多列出 ${MAX_DIAGNOSTICS_PER_FILE} 条）。`,
        });
      }
    }
    return out;
  }

  /** Counts `n` more diagnostics of `file` that are not listed (they were left out elsewhere). */
  addOmitted(file: string, severity: Diagnostic['severity'], n: number): void {
    if (n <= 0) return;
    this.beginFile(file);
    const counts = severity === 'error' ? this.errorCounts : this.warningCounts;
    counts.set(file, (counts.get(file) ?? 0) + n);
    if (severity === 'error') this.errorTotal += n;
  }

  /** How many diagnostics of one severity `file` has had, listed or not. */
  count(file: string, severity: Diagnostic['severity']): number {
    return (severity === 'error' ? this.errorCounts : this.warningCounts).get(file) ?? 0;
  }

  /** Everything another sink collected, as if it had been added here (file order kept). */
  absorb(other: DiagnosticSink): void {
    for (const file of other.fileOrder.keys()) this.beginFile(file);
    for (const list of [other.errors, other.warnings]) {
      for (const d of list) this.add(d);
    }
    for (const [file, n] of other.errorCounts) {
      this.addOmitted(file, 'error', n - other.errors.filter((d) => d.file === file).length);
    }
    for (const [file, n] of other.warningCounts) {
      this.addOmitted(file, 'warning', n - other.warnings.filter((d) => d.file === file).length);
    }
  }

  /** A point to roll back to: everything added after it can be taken back (rollback). */
  mark(): SinkMark {
    return {
      errors: this.errors.length,
      warnings: this.warnings.length,
      errorCounts: new Map(this.errorCounts),
      warningCounts: new Map(this.warningCounts),
      errorTotal: this.errorTotal,
    };
  }

  /** Forgets every diagnostic added since `mark` (files declared since stay declared, in order). */
  rollback(mark: SinkMark): void {
    this.errors.length = mark.errors;
    this.warnings.length = mark.warnings;
    this.errorCounts.clear();
    for (const [k, v] of mark.errorCounts) this.errorCounts.set(k, v);
    this.warningCounts.clear();
    for (const [k, v] of mark.warningCounts) this.warningCounts.set(k, v);
    this.errorTotal = mark.errorTotal;
  }

  /** Whether any error was added since `mark`. */
  errorsSince(mark: SinkMark): boolean {
    return this.errorTotal > mark.errorTotal;
  }

  error(file: string, line: number, column: number, message: string): void {
    this.add({ severity: 'error', file, line, column, message });
  }

  warning(file: string, line: number, column: number, message: string): void {
    this.add({ severity: 'warning', file, line, column, message });
  }

  get hasErrors(): boolean {
    return this.errors.length > 0;
  }

  sorted(list: Diagnostic[]): Diagnostic[] {
    const order = (f: string): number => this.fileOrder.get(f) ?? Number.MAX_SAFE_INTEGER;
    return list
      .map((d, i) => ({ d, i }))
      .sort(
        (a, b) =>
          order(a.d.file) - order(b.d.file) || a.d.line - b.d.line || a.d.column - b.d.column || a.i - b.i,
      )
      .map((x) => x.d);
  }

  /** Throws one InputError holding every error, sorted by position, when there is any. */
  throwIfErrors(): void {
    if (this.errors.length > 0) throw new InputError(this.finalList(this.errors, this.errorCounts));
  }

  sortedWarnings(): Diagnostic[] {
    return this.finalList(this.warnings, this.warningCounts);
  }
}

/** Throws an InputError with a single error at `line:column` of `file`. */
export function fail(file: string, message: string, line = 1, column = 1): never {
  throw new InputError([{ severity: 'error', file, line, column, message }]);
}
