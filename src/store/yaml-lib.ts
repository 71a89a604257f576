// The yaml library, loaded on first use. Importing it costs 60–90 ms at start-up (74 CommonJS files),
// and the app opened on a cached register (load-cache.ts) needs no YAML before its first frame
// (issue 5). The store imports these names from here instead of from 'yaml': same names, same types,
// the library required (synchronously: it is CommonJS) the first time one of them is used.

import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

let lib: typeof Yaml | undefined;

/** The yaml module itself (the same instance `import 'yaml'` gives). */
export function yamlLibrary(): typeof Yaml {
  lib ??= createRequire(import.meta.url)('yaml') as typeof Yaml;
  return lib;
}

// yaml's own tests (yaml/dist/nodes/identity.js), without loading yaml: the fast path (fast-yaml.ts)
// builds nodes carrying the same symbols, and reading them needs nothing else from the library.
const NODE_TYPE = Symbol.for('yaml.node.type');
const nodeOf =
  (type: symbol) =>
  (node: unknown): boolean =>
    !!node && typeof node === 'object' && (node as Record<symbol, unknown>)[NODE_TYPE] === type;
export const isAlias = nodeOf(Symbol.for('yaml.alias')) as typeof Yaml.isAlias;
export const isMap = nodeOf(Symbol.for('yaml.map')) as typeof Yaml.isMap;
export const isScalar = nodeOf(Symbol.for('yaml.scalar')) as typeof Yaml.isScalar;
export const isSeq = nodeOf(Symbol.for('yaml.seq')) as typeof Yaml.isSeq;
export const parseDocument = ((...args: Parameters<typeof Yaml.parseDocument>) =>
  yamlLibrary().parseDocument(...args)) as typeof Yaml.parseDocument;
export const visit = ((...args: Parameters<typeof Yaml.visit>) =>
  yamlLibrary().visit(...args)) as typeof Yaml.visit;

type ClassName = 'LineCounter' | 'YAMLMap' | 'YAMLSeq';

/** A stand-in for one of yaml's classes: `new` and static members reach the real class. */
function lazyClass<K extends ClassName>(name: K): (typeof Yaml)[K] {
  return new Proxy(function () {}, {
    construct: (_target, args) => Reflect.construct(yamlLibrary()[name], args) as object,
    get: (_target, property) => Reflect.get(yamlLibrary()[name], property) as unknown,
  }) as unknown as (typeof Yaml)[K];
}

export const LineCounter = lazyClass('LineCounter');
export type LineCounter = Yaml.LineCounter;
export const YAMLMap = lazyClass('YAMLMap');
export type YAMLMap<K = unknown, V = unknown> = Yaml.YAMLMap<K, V>;
export const YAMLSeq = lazyClass('YAMLSeq');
export type YAMLSeq<T = unknown> = Yaml.YAMLSeq<T>;
