// Reading a record's fields as its schema says (domain/schema.ts, issue 13 item 1): each field's typed
// read is chosen by its type, with the options the schema holds (an enum's values and noun, a number's
// limits and noun, a list's line breaks), the same way on both paths a record is read: positioned
// (source.ts, Fields) and plain (plain.ts, PlainFields).
//
// The readers (store/register-file.ts, store/meeting-read.ts) keep what is not one field's: naming the
// record and claiming its id, defaulted ids, warnings across fields, nested records (`record` and
// `records` fields, read by the caller: they need their place, 第 n 项, ids) and building the domain
// objects. Fields are read in the schema's order, each once; what each schema asks is worked out once
// (a RecordReader per schema), so a read allocates only the object of values it returns.

import type { MoneyUnit } from '../../domain/types.js';
import { type FieldSpec, type FieldType, type RecordSchema, propOf } from '../../domain/schema.js';
import type { RecordFields } from './plain.js';

// The typed read of each field type (nested records are read by the caller), as small integers.
const TEXT = 0;
const ENUM = 1;
const AMOUNT = 2;
const DATE = 3;
const NUMBER = 4;
const BOOL = 5;
const LIST = 6;
const READ: Partial<Record<FieldType, number>> = {
  text: TEXT,
  prose: TEXT,
  enum: ENUM,
  amount: AMOUNT,
  date: DATE,
  number: NUMBER,
  integer: NUMBER,
  bool: BOOL,
  list: LIST,
};

/** One field's read, worked out from its FieldSpec once. */
interface Step {
  readonly key: string;
  readonly prop: string;
  /** TEXT, ENUM, … */
  readonly read: number;
  /** an enum's */
  readonly values: readonly string[];
  readonly noun: string;
  readonly explain: { explain: (normalized: string) => string | undefined } | undefined;
  /** a number's */
  readonly number: { integer: boolean; min?: number; max?: number; noun?: string };
  /** a list's */
  readonly list: { multiline: true } | undefined;
  readonly unsetWhenAbsent: boolean;
}

function stepOf(x: FieldSpec): Step {
  const hints = x.hints;
  const number: Step['number'] = { integer: x.type === 'integer' };
  if (x.min !== undefined) number.min = x.min;
  if (x.max !== undefined) number.max = x.max;
  if (x.noun !== undefined) number.noun = x.noun;
  return {
    key: x.key,
    prop: propOf(x),
    read: READ[x.type]!,
    values: x.values ?? [],
    noun: x.noun ?? x.label,
    explain: hints && { explain: (v) => (Object.hasOwn(hints, v) ? hints[v] : undefined) },
    number,
    list: x.multiline ? { multiline: true } : undefined,
    unsetWhenAbsent: x.unsetWhenAbsent === true,
  };
}

function read(
  f: RecordFields<unknown>,
  steps: readonly Step[],
  unit: MoneyUnit,
  out: Record<string, unknown>,
): void {
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i]!;
    let value: unknown;
    switch (s.read) {
      case TEXT:
        value = f.str(s.key);
        break;
      case ENUM:
        value = f.enumOf(s.key, s.values, s.noun, s.explain);
        break;
      case AMOUNT:
        value = f.amount(s.key, unit);
        break;
      case DATE:
        value = f.date(s.key);
        break;
      case NUMBER:
        value = f.number(s.key, s.number);
        break;
      case BOOL:
        value = f.bool(s.key);
        break;
      default: // LIST
        value = s.unsetWhenAbsent && f.node(s.key) === null ? undefined : f.strList(s.key, s.list);
    }
    out[s.prop] = value;
  }
}

/**
 * Reads the records of one schema (a RecordReader per schema, made once: what each field asks is
 * worked out when it is made). Values are by property (propOf): undefined for a field absent, empty
 * or in error (reported), [] for an absent list; `unit` is the file's money unit, for `amount` fields.
 */
export class RecordReader<T extends object> {
  /** up to and including the field that names the record (FieldSpec.names) */
  private readonly headSteps: readonly Step[];
  private readonly restSteps: readonly Step[];
  /**
   * Every property read, undefined: each record's values start as a copy of it. An object given its
   * properties one by one under computed names turns into a slow dictionary past a dozen of them;
   * a copy of this one keeps V8's fast layout (without it, a cold parse of 10,000 projects took ~60 ms
   * more, of ~800).
   */
  private readonly template: Readonly<Record<string, undefined>>;

  constructor(readonly schema: RecordSchema) {
    const steps = schema.fields.filter((x) => READ[x.type] !== undefined).map(stepOf);
    const named = schema.fields.find((x) => x.names);
    const split = named ? steps.findIndex((s) => s.key === named.key) + 1 : 0;
    this.headSteps = steps.slice(0, split);
    this.restSteps = steps.slice(split);
    this.template = Object.fromEntries(steps.map((x) => [x.prop, undefined]));
  }

  /** The record's fields (all but nested records), in the schema's order. */
  read(f: RecordFields<unknown>, unit: MoneyUnit = '万元'): T {
    return this.rest(f, this.head(f, unit), unit);
  }

  /**
   * The fields up to and including the one that names the record: what a reader needs to name it
   * (`what`) and claim its id before its other fields are read (rest).
   */
  head(f: RecordFields<unknown>, unit: MoneyUnit = '万元'): T {
    const out: Record<string, unknown> = { ...this.template };
    read(f, this.headSteps, unit, out);
    return out as T;
  }

  /** The fields after the head, added to `values` (head's), which is returned. */
  rest(f: RecordFields<unknown>, values: T, unit: MoneyUnit = '万元'): T {
    read(f, this.restSteps, unit, values as Record<string, unknown>);
    return values;
  }
}
