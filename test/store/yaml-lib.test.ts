// yaml-lib.ts stands in for 'yaml' in the store: the same functions and classes, loaded on first use.
import * as Yaml from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  LineCounter,
  YAMLMap,
  YAMLSeq,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  visit,
  yamlLibrary,
} from '../../src/store/yaml-lib.js';

describe('yaml-lib', () => {
  it('is the yaml module itself', () => {
    expect(yamlLibrary().parseDocument).toBe(Yaml.parseDocument);
    expect(yamlLibrary().YAMLMap).toBe(Yaml.YAMLMap);
  });

  it('constructs the real classes and reaches their static members', () => {
    const map = new YAMLMap();
    const seq = new YAMLSeq();
    expect(map).toBeInstanceOf(Yaml.YAMLMap);
    expect(seq).toBeInstanceOf(Yaml.YAMLSeq);
    expect(isMap(map) && isSeq(seq)).toBe(true);
    expect(YAMLMap.tagName).toBe(Yaml.YAMLMap.tagName);
    const lc = new LineCounter();
    parseDocument('a: 1\nb: 2\n', { lineCounter: lc });
    expect(lc.linePos(5)).toEqual({ line: 2, col: 1 });
  });

  it('parses, tells node kinds apart and visits like yaml', () => {
    const doc = parseDocument('a: &x [1, 2]\nb: *x\n');
    const kinds: string[] = [];
    visit(doc, {
      Node: (_key, node) => {
        kinds.push(
          isAlias(node)
            ? 'alias'
            : isSeq(node)
              ? 'seq'
              : isMap(node)
                ? 'map'
                : isScalar(node)
                  ? 'scalar'
                  : '?',
        );
      },
    });
    expect(kinds).toEqual(['map', 'scalar', 'seq', 'scalar', 'scalar', 'scalar', 'alias']);
    expect(doc.toJS()).toEqual({ a: [1, 2], b: [1, 2] });
  });
});
