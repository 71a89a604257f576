// Reading a record's fields as its schema says (domain/schema.ts, issue 13 item 1): each field's typed
// read is chosen by its type, with the options the schema holds (an enum's values and noun, a number's
// limits and noun, a list's line breaks), the same way on both paths a record is read: positioned
// (source.ts, Fields) and plain (plain.ts, PlainFields).
//
// The readers (store/register-file.ts, store/meeting-read.ts) keep what is not one field's: naming the
// record and claiming its id, defaulted ids, warnings across fields, nested records (`record` and
// `records` fields, read by the caller: they need their place, 第 n 项, ids) and building the domain
// objects. Fields are read in the schema's order, each once; what each schema asks is worked out once
// (a plan per schema), so a read allocates only the object of values it returns.

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

/** A schema's reads: up to and including the field that names the record (head), and the rest. */
interface Plan {
  readonly head: readonly Step[];
  readonly rest: readonly Step[];
  /**
   * Every property read, undefined: each record's values start as a copy of it. An object given its
   * properties one by one under computed names would be turned into a slow dictionary past a
   * dozen; a copy of this one keeps V8's fast layout (cold register open: 8% slower without).
   */
  readonly template: Readonly<Record<string, undefined>>;
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

const plans = new WeakMap<RecordSchema, Plan>();

function planOf(schema: RecordSchema): Plan {
  let plan = plans.get(schema);
  if (!plan) {
    const steps = schema.fields.filter((x) => READ[x.type] !== undefined).map(stepOf);
    const named = schema.fields.findIndex((x) => x.names);
    const split = named < 0 ? 0 : steps.findIndex((s) => s.key === schema.fields[named]!.key) + 1;
    plan = {
      head: steps.slice(0, split),
      rest: steps.slice(split),
      template: Object.fromEntries(steps.map((x) => [x.prop, undefined])),
    };
    plans.set(schema, plan);
  }
  return plan;
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
 * The record's fields (all but nested records), read in the schema's order, by property
 * (propOf): undefined for a field absent, empty or in error (reported), [] for an absent list.
 * `unit` is the file's money unit, for `amount` fields.
 */
export function readRecord<T extends object>(
  f: RecordFields<unknown>,
  schema: RecordSchema,
  unit: MoneyUnit = '万元',
): T {
  const plan = planOf(schema);
  const out: Record<string, unknown> = { ...plan.template };
  read(f, plan.head, unit, out);
  read(f, plan.rest, unit, out);
  return out as T;
}

/**
 * The record's fields up to and including the one that names it (FieldSpec.names): what a reader
 * needs to name the record (`what`) and claim its id before the other fields are read (readRest).
 */
export function readHead<T extends object>(
  f: RecordFields<unknown>,
  schema: RecordSchema,
  unit: MoneyUnit = '万元',
): T {
  const plan = planOf(schema);
  const out: Record<string, unknown> = { ...plan.template };
  read(f, plan.head, unit, out);
  return out as T;
}

/** The record's fields after its head (readHead), added to `values`, which is returned. */
export function readRest<T extends object>(
  f: RecordFields<unknown>,
  schema: RecordSchema,
  values: T,
  unit: MoneyUnit = '万元',
): T {
  read(f, planOf(schema).rest, unit, values as Record<string, unknown>);
  return values;
}
