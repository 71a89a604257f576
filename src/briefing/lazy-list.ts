// A long list of the document model made only when it is read (docs/bench.md, item 9): the 附件
// table of a 10,000-project bulletin is 100,000 cells, and its `data.projects` 10,000 records.
// Every renderer that reads the property gets the whole list, made once and then kept as a plain
// property; the streamed JSON (json.ts) asks for it a batch at a time instead, so the cells it writes
// are garbage as soon as they are written rather than alive, and copied by the collector, until the
// whole text is done.

/** How to make the list, or any part of it. */
export interface LazyList<T> {
  readonly length: number;
  /** elements `from` to `to` (not included), the same as those of the whole list */
  make(from: number, to: number): T[];
}

const LAZY_LISTS = Symbol('lazy lists');

type WithLazyLists = { [LAZY_LISTS]?: Map<string, LazyList<unknown>> };

/** Defines `key` on `target` as the list `list` makes, made when first read. */
export function defineLazyList<T>(target: object, key: string, list: LazyList<T>): void {
  const holder = target as WithLazyLists;
  let lists = holder[LAZY_LISTS];
  if (!lists) {
    lists = new Map();
    Object.defineProperty(target, LAZY_LISTS, { value: lists, enumerable: false });
  }
  lists.set(key, list);
  const settle = (value: unknown): void => {
    lists.delete(key);
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  };
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get(): T[] {
      const whole = list.make(0, list.length);
      settle(whole);
      return whole;
    },
    set(value: unknown) {
      settle(value);
    },
  });
}

/** The lazy list `key` of `target` when it has not been read yet. */
export function lazyListOf(target: object, key: string): LazyList<unknown> | undefined {
  return (target as WithLazyLists)[LAZY_LISTS]?.get(key);
}
