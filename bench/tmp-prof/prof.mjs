// bench/tmp-prof/prof.tsx
import { render } from "ink-testing-library";

// src/ui/app.tsx
import { Box as Box6, useApp, useInput as useInput10 } from "ink";
import { useCallback as useCallback7, useEffect as useEffect3, useMemo as useMemo4, useReducer } from "react";

// src/ui/hooks/use-session.ts
import { useSyncExternalStore } from "react";
function useSessionState(session) {
  return useSyncExternalStore(session.subscribe, session.getSnapshot, session.getSnapshot);
}

// src/ui/hooks/use-terminal-size.ts
import { createContext, createElement, useContext, useEffect, useState } from "react";
import { useStdout } from "ink";
var MIN_SIZE = { columns: 80, rows: 24 };
var SizeContext = createContext(MIN_SIZE);
function measure(stdout) {
  return {
    columns: stdout.columns > 0 ? stdout.columns : MIN_SIZE.columns,
    rows: stdout.rows > 0 ? stdout.rows : MIN_SIZE.rows
  };
}
function TerminalSizeProvider(props) {
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => props.fixed ?? measure(stdout));
  const fixed2 = props.fixed;
  useEffect(() => {
    if (fixed2) {
      setSize((s) => s.columns === fixed2.columns && s.rows === fixed2.rows ? s : fixed2);
      return;
    }
    const onResize = () => setSize((s) => {
      const next = measure(stdout);
      return next.columns === s.columns && next.rows === s.rows ? s : next;
    });
    stdout.on("resize", onResize);
    return () => {
      stdout.off("resize", onResize);
    };
  }, [stdout, fixed2]);
  return createElement(SizeContext.Provider, { value: size }, props.children);
}
function useTerminalSize() {
  return useContext(SizeContext);
}

// src/ui/key-bindings.ts
var CONTEXTS = {
  global: { title: "\u4EFB\u4F55\u65F6\u5019", parents: [] },
  screen: { title: "\u5404\u754C\u9762", parents: ["global"] },
  list: { title: "\u5217\u8868", parents: ["screen"] },
  scroll: { title: "\u6EDA\u52A8\u6587\u672C", parents: ["screen"] },
  input: { title: "\u8F93\u5165\u6846", parents: ["global"], textEntry: true },
  form: { title: "\u8868\u5355", parents: ["input"], textEntry: true },
  search: { title: "\u641C\u7D22\u6846", parents: ["input"], textEntry: true },
  confirm: { title: "\u786E\u8BA4", parents: ["global"] },
  home: { title: "\u9996\u9875", parents: ["list"] },
  projects: { title: "\u9879\u76EE\u53F0\u8D26", parents: ["list"] },
  project: { title: "\u9879\u76EE\u8BE6\u60C5", parents: ["scroll"] },
  meeting: { title: "\u5468\u8C03\u5EA6\u4F1A", parents: ["list"] },
  followups: { title: "\u4E0A\u6B21\u8BAE\u5B9A\u4E8B\u9879\u843D\u5B9E", parents: ["list"] },
  decisionForm: { title: "\u8BAE\u5B9A\u4E8B\u9879\u5F55\u5165", parents: ["form"], textEntry: true },
  ledger: { title: "\u7763\u529E\u53F0\u8D26", parents: ["list"] },
  briefings: { title: "\u7EAA\u8981\u4E0E\u901A\u62A5", parents: ["scroll"] },
  settings: { title: "\u8BBE\u7F6E", parents: ["list"] },
  help: { title: "\u5E2E\u52A9", parents: ["scroll"] }
};
var k = (key, mods = {}) => ({ key, ...mods });
var ch = (input, mods = {}) => ({ input, ...mods });
var ctrl = (letter) => ({ input: letter, ctrl: true });
var alt = (letter) => ({ input: letter, meta: true });
var KEY_BINDINGS = {
  // ---- whole app
  "app.quit": { keys: [ctrl("c")], description: "\u4FDD\u5B58\u5E76\u9000\u51FA", short: "\u9000\u51FA", contexts: ["global"] },
  "app.back": { keys: [k("escape")], description: "\u8FD4\u56DE\u4E0A\u4E00\u5C42 / \u53D6\u6D88", short: "\u8FD4\u56DE", contexts: ["screen"] },
  "app.help": { keys: [ch("?")], description: "\u663E\u793A\u5168\u90E8\u5FEB\u6377\u952E", short: "\u5E2E\u52A9", contexts: ["screen"] },
  // ---- moving in lists and scrolling text
  "nav.up": {
    keys: [k("upArrow"), ch("k")],
    description: "\u4E0A\u79FB\u4E00\u884C",
    contexts: ["list", "scroll", "search"]
  },
  "nav.down": {
    keys: [k("downArrow"), ch("j")],
    description: "\u4E0B\u79FB\u4E00\u884C",
    short: "\u79FB\u52A8",
    contexts: ["list", "scroll", "search"]
  },
  "nav.pageUp": { keys: [k("pageUp")], description: "\u4E0A\u7FFB\u4E00\u9875", contexts: ["list", "scroll", "search"] },
  "nav.pageDown": {
    keys: [k("pageDown"), ch(" ")],
    description: "\u4E0B\u7FFB\u4E00\u9875",
    short: "\u7FFB\u9875",
    contexts: ["list", "scroll", "search"]
  },
  "nav.home": { keys: [k("home"), ch("g")], description: "\u5230\u7B2C\u4E00\u884C", contexts: ["list", "scroll"] },
  "nav.end": { keys: [k("end"), ch("G")], description: "\u5230\u6700\u540E\u4E00\u884C", contexts: ["list", "scroll"] },
  "nav.open": { keys: [k("return")], description: "\u6253\u5F00\u9009\u4E2D\u9879", short: "\u6253\u5F00", contexts: ["list"] },
  // ---- home menu
  "goto.projects": { keys: [ch("1")], description: "\u9879\u76EE\u53F0\u8D26", contexts: ["home"] },
  "goto.meeting": { keys: [ch("2")], description: "\u5468\u8C03\u5EA6\u4F1A", contexts: ["home"] },
  "goto.ledger": { keys: [ch("3")], description: "\u7763\u529E\u53F0\u8D26\uFF08\u8BAE\u5B9A\u4E8B\u9879\uFF09", contexts: ["home"] },
  "goto.briefings": { keys: [ch("4")], description: "\u7EAA\u8981\u4E0E\u901A\u62A5", contexts: ["home"] },
  "goto.settings": { keys: [ch("5")], description: "\u8BBE\u7F6E", contexts: ["home"] },
  // ---- tables: search, sort, filter
  "list.search": {
    keys: [ch("/")],
    description: "\u641C\u7D22\uFF08\u9879\u76EE\u540D\u79F0\u3001\u7F16\u53F7\u3001\u5355\u4F4D\uFF09",
    short: "\u641C\u7D22",
    contexts: ["projects", "ledger"]
  },
  "list.sortNext": {
    keys: [ch("s")],
    description: "\u6362\u4E00\u79CD\u6392\u5E8F",
    short: "\u6392\u5E8F",
    contexts: ["projects", "ledger"]
  },
  "list.sortReverse": { keys: [ch("S")], description: "\u53CD\u8F6C\u6392\u5E8F\u65B9\u5411", contexts: ["projects", "ledger"] },
  "list.filterUnit": {
    keys: [ch("u")],
    description: "\u6309\u8D23\u4EFB\u5355\u4F4D\u7B5B\u9009",
    short: "\u5355\u4F4D",
    contexts: ["projects", "ledger"]
  },
  "list.filterLight": { keys: [ch("l")], description: "\u6309\u7EA2\u9EC4\u7EFF\u706F\u7B5B\u9009", short: "\u706F", contexts: ["projects"] },
  "list.filterArea": { keys: [ch("a")], description: "\u6309\u7247\u533A/\u56ED\u533A\u7B5B\u9009", contexts: ["projects"] },
  "list.clearFilters": { keys: [ch("c")], description: "\u6E05\u9664\u7B5B\u9009\u548C\u641C\u7D22", contexts: ["projects", "ledger"] },
  // ---- one project
  "project.next": { keys: [ch("n"), ch("]")], description: "\u4E0B\u4E00\u4E2A\u9879\u76EE", contexts: ["project"] },
  "project.prev": { keys: [ch("p"), ch("[")], description: "\u4E0A\u4E00\u4E2A\u9879\u76EE", contexts: ["project"] },
  // ---- the meeting: walking the agenda and recording decisions
  "meeting.nextItem": {
    keys: [k("rightArrow"), ch("n")],
    description: "\u4E0B\u4E00\u4E2A\u8BAE\u7A0B\u9879\u76EE",
    short: "\u4E0B\u4E00\u9879",
    contexts: ["meeting"]
  },
  "meeting.prevItem": {
    keys: [k("leftArrow"), ch("p")],
    description: "\u4E0A\u4E00\u4E2A\u8BAE\u7A0B\u9879\u76EE",
    short: "\u4E0A\u4E00\u9879",
    contexts: ["meeting"]
  },
  "meeting.addDecision": {
    keys: [ch("a")],
    description: "\u65B0\u589E\u8BAE\u5B9A\u4E8B\u9879",
    short: "\u8BAE\u5B9A",
    contexts: ["meeting"]
  },
  "meeting.editDecision": { keys: [ch("e")], description: "\u4FEE\u6539\u9009\u4E2D\u7684\u8BAE\u5B9A\u4E8B\u9879", contexts: ["meeting"] },
  "meeting.deleteDecision": { keys: [ch("d")], description: "\u5220\u9664\u9009\u4E2D\u7684\u8BAE\u5B9A\u4E8B\u9879", contexts: ["meeting"] },
  "meeting.moveItemUp": {
    keys: [k("upArrow", { shift: true }), ch("K")],
    description: "\u8BAE\u7A0B\u9879\u76EE\u4E0A\u79FB",
    contexts: ["meeting"]
  },
  "meeting.moveItemDown": {
    keys: [k("downArrow", { shift: true }), ch("J")],
    description: "\u8BAE\u7A0B\u9879\u76EE\u4E0B\u79FB",
    contexts: ["meeting"]
  },
  "meeting.dropItem": { keys: [ch("x")], description: "\u628A\u5F53\u524D\u9879\u76EE\u79FB\u51FA\u8BAE\u7A0B", contexts: ["meeting"] },
  "meeting.addItem": { keys: [ch("i")], description: "\u628A\u5176\u4ED6\u9879\u76EE\u52A0\u5165\u8BAE\u7A0B", contexts: ["meeting"] },
  "meeting.followups": {
    keys: [ch("f")],
    description: "\u542C\u53D6\u4E0A\u6B21\u4F1A\u8BAE\u8BAE\u5B9A\u4E8B\u9879\u843D\u5B9E\u60C5\u51B5",
    short: "\u843D\u5B9E",
    contexts: ["meeting"]
  },
  "meeting.close": { keys: [ch("C")], description: "\u7ED3\u675F\u4F1A\u8BAE\u5E76\u4FDD\u5B58\uFF08\u9700\u786E\u8BA4\uFF09", contexts: ["meeting"] },
  // ---- last meeting's decisions, checked off at the start of a meeting
  "followup.done": {
    keys: [ch("y"), ch("1")],
    description: "\u5DF2\u843D\u5B9E",
    short: "\u843D\u5B9E",
    contexts: ["followups"]
  },
  "followup.inProgress": {
    keys: [ch("t"), ch("2")],
    description: "\u63A8\u8FDB\u4E2D",
    short: "\u63A8\u8FDB",
    contexts: ["followups"]
  },
  "followup.drop": { keys: [ch("x"), ch("3")], description: "\u64A4\u9500", short: "\u64A4\u9500", contexts: ["followups"] },
  "followup.note": { keys: [ch("e")], description: "\u586B\u5199\u843D\u5B9E\u60C5\u51B5\u8BF4\u660E", contexts: ["followups"] },
  // ---- the decision ledger between meetings (督办)
  "ledger.markDone": { keys: [ch("y")], description: "\u6807\u8BB0\u4E3A\u5DF2\u843D\u5B9E", short: "\u843D\u5B9E", contexts: ["ledger"] },
  "ledger.markInProgress": { keys: [ch("t")], description: "\u6807\u8BB0\u4E3A\u63A8\u8FDB\u4E2D", contexts: ["ledger"] },
  "ledger.filterOverdue": {
    keys: [ch("o")],
    description: "\u53EA\u770B\u903E\u671F\u4E8B\u9879",
    short: "\u903E\u671F",
    contexts: ["ledger"]
  },
  // ---- minutes and bulletin
  "briefing.write": { keys: [ch("w")], description: "\u5199\u51FA\u6587\u4EF6", short: "\u5199\u51FA", contexts: ["briefings"] },
  "briefing.switchKind": {
    keys: [ch("t")],
    description: "\u5207\u6362\u7EAA\u8981 / \u6708\u901A\u62A5",
    short: "\u5207\u6362",
    contexts: ["briefings"]
  },
  "briefing.nextFormat": {
    keys: [ch("f")],
    description: "\u5207\u6362\u683C\u5F0F\uFF08Word\u3001Excel\u3001Markdown\u3001\u6587\u672C\uFF09",
    short: "\u683C\u5F0F",
    contexts: ["briefings"]
  },
  // ---- forms (several text fields)
  "form.nextField": {
    keys: [k("tab"), k("downArrow")],
    description: "\u4E0B\u4E00\u680F",
    short: "\u4E0B\u4E00\u680F",
    contexts: ["form"]
  },
  "form.prevField": {
    keys: [k("tab", { shift: true }), k("upArrow")],
    description: "\u4E0A\u4E00\u680F",
    contexts: ["form"]
  },
  "form.save": { keys: [ctrl("s")], description: "\u4FDD\u5B58", short: "\u4FDD\u5B58", contexts: ["form"] },
  // ---- a confirmation question
  "confirm.yes": { keys: [ch("y"), k("return")], description: "\u786E\u5B9A", short: "\u786E\u5B9A", contexts: ["confirm"] },
  "confirm.no": { keys: [ch("n"), k("escape")], description: "\u53D6\u6D88", short: "\u53D6\u6D88", contexts: ["confirm"] },
  // ---- editing inside a text field
  "input.submit": { keys: [k("return")], description: "\u786E\u8BA4\u8F93\u5165", short: "\u786E\u8BA4", contexts: ["input"] },
  "input.cancel": { keys: [k("escape")], description: "\u53D6\u6D88\u8F93\u5165", short: "\u53D6\u6D88", contexts: ["input"] },
  "input.left": { keys: [k("leftArrow")], description: "\u5149\u6807\u5DE6\u79FB\u4E00\u4E2A\u5B57", contexts: ["input"] },
  "input.right": { keys: [k("rightArrow")], description: "\u5149\u6807\u53F3\u79FB\u4E00\u4E2A\u5B57", contexts: ["input"] },
  "input.home": { keys: [k("home"), ctrl("a")], description: "\u5149\u6807\u5230\u884C\u9996", contexts: ["input"] },
  "input.end": { keys: [k("end"), ctrl("e")], description: "\u5149\u6807\u5230\u884C\u5C3E", contexts: ["input"] },
  "input.wordLeft": {
    keys: [k("leftArrow", { ctrl: true }), k("leftArrow", { meta: true }), alt("b")],
    description: "\u5149\u6807\u5DE6\u79FB\u4E00\u4E2A\u8BCD\uFF08\u8FDE\u7EED\u6C49\u5B57\u7B97\u4E00\u4E2A\u8BCD\uFF09",
    contexts: ["input"]
  },
  "input.wordRight": {
    keys: [k("rightArrow", { ctrl: true }), k("rightArrow", { meta: true }), alt("f")],
    description: "\u5149\u6807\u53F3\u79FB\u4E00\u4E2A\u8BCD",
    contexts: ["input"]
  },
  "input.backspace": {
    keys: [k("backspace"), k("delete")],
    description: "\u5220\u9664\u5149\u6807\u524D\u4E00\u4E2A\u5B57",
    contexts: ["input"]
  },
  "input.delete": {
    keys: [k("forwardDelete"), ctrl("d")],
    description: "\u5220\u9664\u5149\u6807\u5904\u7684\u5B57",
    contexts: ["input"]
  },
  "input.deleteWordBackward": {
    keys: [ctrl("w"), k("backspace", { meta: true }), k("delete", { meta: true })],
    description: "\u5220\u9664\u5149\u6807\u524D\u4E00\u4E2A\u8BCD",
    contexts: ["input"]
  },
  "input.killToStart": { keys: [ctrl("u")], description: "\u5220\u9664\u5149\u6807\u524D\u7684\u5168\u90E8\u6587\u5B57", contexts: ["input"] },
  "input.killToEnd": { keys: [ctrl("k")], description: "\u5220\u9664\u5149\u6807\u540E\u7684\u5168\u90E8\u6587\u5B57", contexts: ["input"] }
};
var COMMANDS = Object.keys(KEY_BINDINGS);
var COMMAND_GROUPS = {
  app: "\u5168\u5C40",
  nav: "\u79FB\u52A8",
  goto: "\u6253\u5F00\u754C\u9762",
  list: "\u67E5\u627E\u3001\u6392\u5E8F\u4E0E\u7B5B\u9009",
  project: "\u9879\u76EE",
  meeting: "\u4F1A\u8BAE",
  followup: "\u4E0A\u6B21\u8BAE\u5B9A\u4E8B\u9879",
  ledger: "\u7763\u529E",
  briefing: "\u7EAA\u8981\u4E0E\u901A\u62A5",
  form: "\u8868\u5355",
  confirm: "\u786E\u8BA4",
  input: "\u8F93\u5165\u6846\u7F16\u8F91"
};
function binding(command) {
  return KEY_BINDINGS[command];
}
function contextChain(context) {
  const out = [];
  const visit2 = (c) => {
    if (out.includes(c)) return;
    out.push(c);
    for (const p of CONTEXTS[c].parents) visit2(p);
  };
  visit2(context);
  return out;
}
function isPrintable(spec) {
  return spec.input !== void 0 && !spec.ctrl && !spec.meta;
}
function effectiveKeys(command, context) {
  const keys = [...binding(command).keys];
  if (context && CONTEXTS[context].textEntry) return keys.filter((s) => !isPrintable(s));
  return keys;
}
function specMatches(spec, input, key) {
  if (key.eventType === "release") return false;
  if (!!key.ctrl !== !!spec.ctrl) return false;
  if (spec.key !== void 0) {
    if (!key[spec.key]) return false;
    if (spec.key === "escape") return true;
    return !!key.meta === !!spec.meta && !!key.shift === !!spec.shift;
  }
  if (spec.input === void 0 || input !== spec.input) return false;
  return !!key.meta === !!spec.meta;
}
function appliesIn(command, context) {
  const declared = binding(command).contexts;
  return contextChain(context).some((c) => declared.includes(c));
}
function matches(command, input, key, context) {
  if (context && !appliesIn(command, context)) return false;
  return effectiveKeys(command, context).some((spec) => specMatches(spec, input, key));
}
function keysFor(context) {
  const out = [];
  for (const c of contextChain(context)) {
    for (const command of COMMANDS) {
      const b = binding(command);
      if (!b.contexts.includes(c) || out.some((o) => o.command === command)) continue;
      const keys = effectiveKeys(command, context);
      if (keys.length === 0) continue;
      out.push({
        command,
        description: b.description,
        ...b.short ? { short: b.short } : {},
        keys,
        labels: keys.map(formatKey),
        from: c
      });
    }
  }
  return out;
}
function commandFor(context, input, key) {
  for (const b of keysFor(context)) {
    if (b.keys.some((spec) => specMatches(spec, input, key))) return b.command;
  }
  return void 0;
}
var KEY_LABELS = {
  upArrow: "\u2191",
  downArrow: "\u2193",
  leftArrow: "\u2190",
  rightArrow: "\u2192",
  pageUp: "PgUp",
  pageDown: "PgDn",
  home: "Home",
  end: "End",
  return: "Enter",
  escape: "Esc",
  tab: "Tab",
  backspace: "Backspace",
  delete: "Backspace",
  forwardDelete: "Delete"
};
function formatKey(spec) {
  const mods = [spec.ctrl ? "Ctrl+" : "", spec.meta ? "Alt+" : "", spec.shift ? "Shift+" : ""].join("");
  if (spec.key !== void 0) return mods + KEY_LABELS[spec.key];
  const input = spec.input ?? "";
  if (input === " ") return mods + "\u7A7A\u683C";
  return mods + (spec.ctrl || spec.meta ? input.toUpperCase() : input);
}
function hintsFor(context, only) {
  const all = keysFor(context);
  const chosen = only ? only.flatMap((c) => all.filter((b) => b.command === c)) : all.filter((b) => b.short !== void 0);
  return chosen.map((b) => ({
    keys: hintKeys(b),
    label: b.short ?? b.description
  }));
}
function hintKeys(b) {
  if (b.command === "nav.down" || b.command === "nav.up") return "\u2191\u2193";
  return b.labels[0] ?? "";
}

// src/ui/components/use-latest.ts
import { useLayoutEffect, useRef } from "react";
function useLatest(value) {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}

// src/ui/screens/navigation.ts
function initialNav(routes) {
  const list = routes.length > 0 ? routes : [{ screen: "home" }];
  return { stack: list.map((route, key) => ({ key, route })), nextKey: list.length };
}
function reduceNav(state, action) {
  switch (action.type) {
    case "push":
      return {
        stack: [...state.stack, { key: state.nextKey, route: action.route }],
        nextKey: state.nextKey + 1
      };
    case "pop":
      return state.stack.length <= 1 ? state : { ...state, stack: state.stack.slice(0, -1) };
    case "replace":
      return {
        stack: [...state.stack.slice(0, -1), { key: state.nextKey, route: action.route }],
        nextKey: state.nextKey + 1
      };
    case "home":
      return state.stack.length <= 1 ? state : { ...state, stack: state.stack.slice(0, 1) };
  }
}

// src/ui/screens/home.tsx
import { Box as Box2, Text as Text2, useInput } from "ink";
import { useCallback, useState as useState2 } from "react";

// src/domain/dates.ts
var ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
function isLeapYear(year) {
  return year % 4 === 0 && year % 100 !== 0 || year % 400 === 0;
}
function daysInMonth(year, month) {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
function daysInYear(year) {
  return isLeapYear(year) ? 366 : 365;
}
function parseIsoDate(text) {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}
function dateParts(date) {
  const p = parseIsoDate(date);
  if (!p) throw new Error(`\u4E0D\u662F\u6709\u6548\u7684\u65E5\u671F: ${date}`);
  return p;
}
function daysFromCivil(y, m, d) {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
function toDayNumber(date) {
  if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    const year = digits(date, 0, 4);
    const month = digits(date, 5, 7);
    const day = digits(date, 8, 10);
    if (year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) {
      return daysFromCivil(year, month, day);
    }
  }
  throw new Error(`\u4E0D\u662F\u6709\u6548\u7684\u65E5\u671F: ${date}`);
}
function digits(text, from, to) {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}
function daysBetween(from, to) {
  return toDayNumber(to) - toDayNumber(from);
}
function dayOfYear(date) {
  const { year, month, day } = dateParts(date);
  return daysFromCivil(year, month, day) - daysFromCivil(year, 1, 1) + 1;
}
var chineseDateCache = /* @__PURE__ */ new Map();
function chineseDate(date) {
  let text = chineseDateCache.get(date);
  if (text === void 0) {
    toDayNumber(date);
    text = `${digits(date, 0, 4)}\u5E74${digits(date, 5, 7)}\u6708${digits(date, 8, 10)}\u65E5`;
    if (chineseDateCache.size >= 4096) chineseDateCache.clear();
    chineseDateCache.set(date, text);
  }
  return text;
}
function timeProgress(asOf, mode) {
  const { year, month, day } = dateParts(asOf);
  const last = daysInMonth(year, month);
  switch (mode) {
    case "month":
      return (month - 1 + (day === last ? 1 : 0)) / 12;
    case "half_month":
      return (month - 1 + (day === last ? 1 : day >= 15 ? 0.5 : 0)) / 12;
    case "day":
      return dayOfYear(asOf) / daysInYear(year);
  }
}
function registerTimeProgress(meta) {
  const year = dateParts(meta.asOf).year;
  if (year > meta.year) return 1;
  if (year < meta.year) return 0;
  return timeProgress(meta.asOf, meta.rules.timeProgress);
}

// src/domain/ledger.ts
function isOpenState(state) {
  return state === "open" || state === "overdue";
}
function isLater(a, b) {
  if (a.heardOn !== b.heardOn) return a.heardOn > b.heardOn;
  if (a.meetingIndex !== b.meetingIndex) return a.meetingIndex > b.meetingIndex;
  return a.position > b.position;
}
function buildLedger(meetings, day) {
  const latest = /* @__PURE__ */ new Map();
  meetings.forEach((m, meetingIndex) => {
    m.followups.forEach((followup, position) => {
      const heardOn = followup.date ?? m.meeting.date;
      if (heardOn > day) return;
      const h = { followup, heardOn, meetingIndex, position };
      const prev = latest.get(followup.decision);
      if (!prev || isLater(h, prev)) latest.set(followup.decision, h);
    });
  });
  const order = meetings.map((m, i) => ({ m, i }));
  order.sort(
    (a, b) => a.m.meeting.date < b.m.meeting.date ? -1 : a.m.meeting.date > b.m.meeting.date ? 1 : a.i - b.i
  );
  const out = [];
  for (const { m } of order) {
    for (const item of m.items) {
      for (const decision of item.decisions) {
        const h = latest.get(decision.id);
        let state;
        if (h?.followup.status === "\u5DF2\u843D\u5B9E") state = "done";
        else if (h?.followup.status === "\u64A4\u9500") state = "dropped";
        else state = decision.due < day ? "overdue" : "open";
        const entry = {
          decision,
          project: item.project,
          meetingDate: m.meeting.date,
          state,
          daysOverdue: state === "overdue" ? daysBetween(decision.due, day) : 0,
          doneOnTime: state === "done" && h !== void 0 && h.heardOn <= decision.due
        };
        if (m.file !== void 0) entry.meetingFile = m.file;
        if (h) entry.latest = { ...h.followup, heardOn: h.heardOn };
        out.push(entry);
      }
    }
  }
  return out;
}
function ledgerSummary(ledger) {
  const s = { total: 0, open: 0, overdue: 0, done: 0, dropped: 0, doneOnTime: 0 };
  for (const e of ledger) {
    s.total++;
    s[e.state]++;
    if (e.doneOnTime) s.doneOnTime++;
  }
  return s;
}

// src/domain/figures.ts
function roundTo(value, decimals) {
  const factor = 10 ** decimals;
  let scaled = Math.abs(value) * factor;
  const frac = scaled - Math.floor(scaled);
  if (Math.abs(frac - 0.5) <= 1e-9 * Math.max(1, scaled)) scaled = Number(scaled.toPrecision(12));
  const rounded = Math.round(scaled) / factor;
  return rounded === 0 ? 0 : Math.sign(value) * rounded;
}
function oneDecimalAbs(value) {
  const tenths = Math.round(roundTo(Math.abs(value), 1) * 10);
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}
function formatPercent(fraction) {
  const text = oneDecimalAbs(fraction * 100);
  return fraction < 0 && text !== "0.0" ? `-${text}%` : `${text}%`;
}
function formatPoints(points) {
  return oneDecimalAbs(points);
}
function completionRate(completed, plan) {
  return plan > 0 ? completed / plan : null;
}
function pointsGap(timeProgress2, rate) {
  return Math.round((timeProgress2 - rate) * 100 * 1e9) / 1e9;
}
function isStarted(stage) {
  return stage === "\u5728\u5EFA" || stage === "\u7AE3\u5DE5" || stage === "\u6295\u4EA7";
}
function ratio(part, whole) {
  return whole > 0 ? part / whole : null;
}
function sumMoney(projects) {
  const t = { totalInvestment: 0, annualPlan: 0, completedYear: 0, completedMonth: 0 };
  for (const p of projects) {
    t.totalInvestment += p.totalInvestment;
    t.annualPlan += p.annualPlan;
    t.completedYear += p.completedYear;
    t.completedMonth += p.completedMonth ?? 0;
  }
  return t;
}
function countLights(statuses) {
  const c = { \u7EA2: 0, \u9EC4: 0, \u7EFF: 0 };
  for (const s of statuses) c[s.light]++;
  return c;
}
function registerFigures(r, statuses) {
  const byNature = { \u65B0\u5EFA: 0, \u7EED\u5EFA: 0, \u524D\u671F: 0 };
  const byStage = { \u524D\u671F: 0, \u5728\u5EFA: 0, \u7AE3\u5DE5: 0, \u6295\u4EA7: 0, \u505C\u5DE5: 0 };
  let newStarted = 0;
  let continuingStarted = 0;
  for (const p of r.projects) {
    byNature[p.nature]++;
    byStage[p.stage]++;
    if (isStarted(p.stage)) {
      if (p.nature === "\u65B0\u5EFA") newStarted++;
      else if (p.nature === "\u7EED\u5EFA") continuingStarted++;
    }
  }
  const totals = sumMoney(r.projects);
  const tp = registerTimeProgress(r.meta);
  const rate = completionRate(totals.completedYear, totals.annualPlan);
  const lights = countLights(statuses);
  const started = newStarted + continuingStarted;
  return {
    asOf: r.meta.asOf,
    year: r.meta.year,
    timeProgress: tp,
    projectCount: r.projects.length,
    byNature,
    byStage,
    newTotal: byNature.\u65B0\u5EFA,
    newStarted,
    continuingTotal: byNature.\u7EED\u5EFA,
    continuingStarted,
    started,
    startRate: ratio(started, r.projects.length),
    newStartRate: ratio(newStarted, byNature.\u65B0\u5EFA),
    totals,
    completionRate: rate,
    gap: rate === null ? null : pointsGap(tp, rate),
    lights,
    lagging: lights.\u7EA2 + lights.\u9EC4
  };
}

// src/briefing/wording.ts
function roundTo2(value, decimals) {
  const factor = 10 ** decimals;
  const scaled = Number((Math.abs(value) * factor).toPrecision(12));
  const rounded = Math.round(scaled) / factor;
  return rounded === 0 ? 0 : Math.sign(value) * rounded;
}
function fixed(value, decimals) {
  const text = roundTo2(value, decimals).toFixed(decimals);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}
function printedPoints(fraction) {
  return roundTo2(fraction * 100, 1);
}
function progressComparison(rate, timeProgress2) {
  const diff = roundTo2(printedPoints(rate) - printedPoints(timeProgress2), 1);
  if (diff > 0) return `\u8D85\u5E8F\u65F6\u8FDB\u5EA6${fixed(diff, 1)}\u4E2A\u767E\u5206\u70B9`;
  if (diff < 0) return `\u6162\u4E8E\u5E8F\u65F6\u8FDB\u5EA6${fixed(-diff, 1)}\u4E2A\u767E\u5206\u70B9`;
  return "\u4E0E\u5E8F\u65F6\u8FDB\u5EA6\u6301\u5E73";
}
function formatMoneyNumber(wan, unit) {
  if (unit === "\u4EBF\u5143") return fixed(wan / 1e4, 2);
  return fixed(wan, 2).replace(/0+$/, "").replace(/\.$/, "");
}
function formatMoney(wan, unit) {
  return `${formatMoneyNumber(wan, unit)}${unit}`;
}
function dateParts2(date) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`not an ISO date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}
function formatDate(date) {
  const [y, m, d] = dateParts2(date);
  return `${y}\u5E74${m}\u6708${d}\u65E5`;
}
function formatMonthDay(date) {
  const [, m, d] = dateParts2(date);
  return `${m}\u6708${d}\u65E5`;
}

// src/text/width.ts
import stringWidth from "string-width";
var segmenter = new Intl.Segmenter(void 0, { granularity: "grapheme" });
var RGI_EMOJI = new RegExp("^\\p{RGI_Emoji}$", "v");
var KEYCAP = /^[\d#*]\u20e3$/;
var PICTOGRAPHIC = /\p{Extended_Pictographic}/gu;
var PICTOGRAPHIC_ONE = /\p{Extended_Pictographic}/u;
var EMOJI_PRESENTATION = /\p{Emoji_Presentation}/u;
var SPACING_MARK = /\p{Mc}/u;
var PRINTABLE_ASCII = /^[\u0020-\u007e]*$/;
var INVISIBLE = /^[\p{Default_Ignorable_Code_Point}\p{Control}\p{Format}\p{Mn}\p{Me}\p{Cs}]+$/u;
function graphemes(s) {
  if (PRINTABLE_ASCII.test(s)) return s.split("");
  const out = [];
  for (const { segment } of segmenter.segment(s)) out.push(segment);
  return out;
}
function graphemeWidth(g) {
  if (g.length === 0) return 0;
  if (g.length === 1 && g >= " " && g <= "~") return 1;
  if (INVISIBLE.test(g)) return 0;
  if (RGI_EMOJI.test(g) || KEYCAP.test(g)) return 2;
  if (g.includes("\u200D") && (g.match(PICTOGRAPHIC)?.length ?? 0) >= 2) return 2;
  const cps = Array.from(g);
  const at = cps.findIndex((cp) => !INVISIBLE.test(cp));
  const first = cps[at] ?? " ";
  const jamo = hangulJamoWidth(cps.slice(at).filter((cp) => !INVISIBLE.test(cp)));
  if (jamo !== void 0) return jamo;
  let width = PICTOGRAPHIC_ONE.test(first) ? EMOJI_PRESENTATION.test(first) ? 2 : 1 : stringWidth(first);
  for (const cp of cps.slice(at + 1)) {
    if (SPACING_MARK.test(cp) || cp >= "\uFF00" && cp <= "\uFFEF") width += stringWidth(cp);
  }
  return width;
}
var isLeadingJamo = (c) => c >= 4352 && c <= 4447 || c >= 43360 && c <= 43388;
var isVowelJamo = (c) => c >= 4448 && c <= 4519 || c >= 55216 && c <= 55238;
var isTrailingJamo = (c) => c >= 4520 && c <= 4607 || c >= 55243 && c <= 55291;
function hangulJamoWidth(visible) {
  let width = 0;
  for (let i = 0; i < visible.length; i++) {
    const c = visible[i].codePointAt(0);
    const isJamo = isLeadingJamo(c) || isVowelJamo(c) || isTrailingJamo(c);
    if (!isJamo) {
      if (width === 0) return void 0;
      for (const rest of visible.slice(i)) width += stringWidth(rest);
      return width;
    }
    const next = visible[i + 1]?.codePointAt(0) ?? 0;
    if (isLeadingJamo(c) && isVowelJamo(next)) {
      width += 2;
      i += isTrailingJamo(visible[i + 2]?.codePointAt(0) ?? 0) ? 2 : 1;
      continue;
    }
    width += stringWidth(visible[i]);
  }
  return width === 0 ? void 0 : width;
}
function displayWidth(s) {
  if (PRINTABLE_ASCII.test(s)) return s.length;
  let width = 0;
  for (const g of graphemes(s)) width += graphemeWidth(g);
  return width;
}
function truncateToWidth(s, width, ellipsis = "\u2026") {
  if (width <= 0) return "";
  if (displayWidth(s) <= width) return s;
  const ellipsisWidth = displayWidth(ellipsis);
  const mark = ellipsisWidth <= width ? ellipsis : "";
  const room = width - (mark ? ellipsisWidth : 0);
  let out = "";
  let used = 0;
  for (const g of graphemes(s)) {
    const w = graphemeWidth(g);
    if (used + w > room) break;
    out += g;
    used += w;
  }
  out += mark;
  used += mark ? ellipsisWidth : 0;
  return used < width ? out + " ".repeat(width - used) : out;
}
function padToWidth(s, width, align = "left") {
  const gap = width - displayWidth(s);
  if (gap <= 0) return s;
  if (align === "right") return " ".repeat(gap) + s;
  if (align === "center") {
    const left = Math.floor(gap / 2);
    return " ".repeat(left) + s + " ".repeat(gap - left);
  }
  return s + " ".repeat(gap);
}
function fitToWidth(s, width, align = "left", ellipsis = "\u2026") {
  return padToWidth(truncateToWidth(s, width, ellipsis), width, align);
}
function codePointLength(s) {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

// src/ui/screens/chrome.tsx
import { Box, Text } from "ink";
import { jsx, jsxs } from "react/jsx-runtime";
var CHROME_LINES = 3;
function bodyHeight(rows) {
  return Math.max(1, rows - CHROME_LINES);
}
var LIGHT_COLOR = { \u7EA2: "red", \u9EC4: "yellow", \u7EFF: "green" };
var LIGHT_MARK = { \u7EA2: "\u25CF", \u9EC4: "\u25B2", \u7EFF: "\u25CB" };
function LightText(props) {
  return /* @__PURE__ */ jsxs(Text, { color: LIGHT_COLOR[props.light], bold: props.bold ?? props.light === "\u7EA2", children: [
    LIGHT_MARK[props.light],
    props.light
  ] });
}
function footerText(hints, width) {
  const parts = hints.map((h) => `${h.keys} ${h.label}`);
  let out = "";
  for (const p of parts) {
    const next = out ? `${out}  ${p}` : p;
    if (displayWidth(next) > width) break;
    out = next;
  }
  return out;
}
function Screen(props) {
  const { columns, rows } = useTerminalSize();
  const left = ` diaodu \u203A ${props.title}`;
  const rightText = props.rightText ? `${props.rightText} ` : "";
  const liveWidth = props.right ? props.rightWidth ?? 0 : 0;
  const room = Math.max(0, columns - displayWidth(rightText) - liveWidth);
  const header = fitToWidth(left, room) + rightText;
  const hints = [...hintsFor(props.context, props.hints), ...props.extraHints ?? []];
  const status = props.status;
  return /* @__PURE__ */ jsxs(Box, { flexDirection: "column", width: columns, height: rows, children: [
    /* @__PURE__ */ jsxs(Box, { height: 1, children: [
      /* @__PURE__ */ jsx(Text, { inverse: true, bold: true, children: fitToWidth(header, columns - liveWidth) }),
      props.right
    ] }),
    /* @__PURE__ */ jsx(Box, { flexDirection: "column", height: bodyHeight(rows), overflow: "hidden", children: props.children }),
    /* @__PURE__ */ jsx(
      Text,
      {
        color: status?.kind === "error" ? "red" : status?.kind === "ok" ? "green" : void 0,
        bold: status?.kind === "error",
        children: status ? truncateToWidth(status.text, columns) : " "
      }
    ),
    /* @__PURE__ */ jsx(Text, { dimColor: true, children: footerText(hints, columns) || " " })
  ] });
}

// src/store/meetings-dir.ts
import { isMap as isMap2, isScalar as isScalar2, isSeq as isSeq2, parseDocument as parseDocument2 } from "yaml";

// src/domain/normalize.ts
var CHAR_MAP = {
  \u7E8C: "\u7EED",
  \u7522: "\u4EA7",
  \u5BE6: "\u5B9E",
  \u9032: "\u8FDB",
  \u92B7: "\u9500",
  \u8ABF: "\u8C03",
  \u9031: "\u5468",
  \u5C08: "\u4E13",
  \u984C: "\u9898",
  \u7D05: "\u7EA2",
  \u9EC3: "\u9EC4",
  \u7DA0: "\u7EFF",
  \u842C: "\u4E07",
  \u5104: "\u4EBF",
  \u71C8: "\u706F",
  \u8A2D: "\u8BBE",
  \u5FA9: "\u590D",
  \u958B: "\u5F00",
  \u5283: "\u5212",
  \u8207: "\u4E0E"
};
var TRADITIONAL_CHARS = new RegExp(`[${Object.keys(CHAR_MAP).join("")}]`, "g");
var SPACES = /[\s\u3000\u200b-\u200d\ufeff]/g;
var WORD_VARIANTS = {
  \u64A4\u6D88: "\u64A4\u9500",
  \u7EA2\u706F: "\u7EA2",
  \u9EC4\u706F: "\u9EC4",
  \u7EFF\u706F: "\u7EFF",
  \u4E07: "\u4E07\u5143",
  \u4EBF: "\u4EBF\u5143"
};
function normalizeEnumText(value) {
  let out = value.replace(SPACES, "");
  out = out.replace(TRADITIONAL_CHARS, (ch2) => CHAR_MAP[ch2] ?? ch2);
  return WORD_VARIANTS[out] ?? out;
}
var NATURES = ["\u65B0\u5EFA", "\u7EED\u5EFA", "\u524D\u671F"];
var STAGES = ["\u524D\u671F", "\u5728\u5EFA", "\u7AE3\u5DE5", "\u6295\u4EA7", "\u505C\u5DE5"];
var MONEY_UNITS = ["\u4E07\u5143", "\u4EBF\u5143"];
var LIGHTS = ["\u7EA2", "\u9EC4", "\u7EFF"];
var MEETING_KINDS = ["\u5468\u8C03\u5EA6", "\u6708\u8C03\u5EA6", "\u4E13\u9898"];
var FOLLOWUP_STATUSES = ["\u5DF2\u843D\u5B9E", "\u63A8\u8FDB\u4E2D", "\u64A4\u9500"];
function canonicalEnum(value, allowed) {
  const canonical = normalizeEnumText(value);
  return allowed.includes(canonical) ? canonical : void 0;
}

// src/domain/types.ts
var DEFAULT_RULES = {
  timeProgress: "month",
  yellowGap: 10,
  redGap: 30,
  startRedDays: 60,
  milestoneRedDays: 30
};
var InputError = class extends Error {
  diagnostics;
  constructor(diagnostics) {
    super(diagnostics.map(formatDiagnostic).join("\n"));
    this.name = "InputError";
    this.diagnostics = diagnostics;
  }
};
function formatDiagnostic(d) {
  const label = d.severity === "error" ? "\u9519\u8BEF" : "\u8B66\u544A";
  const where = d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file;
  return `${where}: ${label}\uFF1A${d.message}`;
}

// src/store/atomic-write.ts
var TEMP_RE = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/;
function isTempFileName(name) {
  return TEMP_RE.test(name);
}

// src/store/lock.ts
var DEFAULT_STALE_MS = 12 * 60 * 60 * 1e3;

// src/store/meeting-document.ts
import { isMap, isScalar, isSeq, parseDocument, YAMLMap, YAMLSeq } from "yaml";

// src/text/sanitize.ts
var ESCAPE_SEQUENCE = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]|\u009b[0-?]*[ -/]*[@-~]/g;
var CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
function sanitizeText(text, options = {}) {
  let out = text.replace(ESCAPE_SEQUENCE, "").replace(/\r\n?/g, "\n");
  out = out.replace(CONTROL, (ch2) => ch2 === "	" ? " " : "\uFFFD");
  if (!options.multiline) out = out.replace(/\n/g, " ");
  return out;
}

// src/store/meetings-dir.ts
function meetingNumbers(meetings) {
  const order = meetings.map((m, index) => ({ m, index })).sort((a, b) => a.m.date.localeCompare(b.m.date) || a.index - b.index);
  const last = /* @__PURE__ */ new Map();
  const out = new Array(meetings.length).fill(0);
  for (const { m, index } of order) {
    const key = `${m.date.slice(0, 4)}|${m.kind}`;
    const n = m.number ?? (last.get(key) ?? 0) + 1;
    last.set(key, n);
    out[index] = n;
  }
  return out;
}

// src/ui/screens/meeting-info.ts
function numbersOf(meetings) {
  return meetingNumbers(
    meetings.map((m) => ({
      date: m.meeting.date,
      kind: m.meeting.kind,
      ...m.meeting.number !== void 0 ? { number: m.meeting.number } : {}
    }))
  );
}
function meetingLabel(m, number) {
  const n = number ?? m.meeting.number;
  return `${formatDate(m.meeting.date)} ${m.meeting.kind}\u4F1A${n !== void 0 ? ` \u7B2C${n}\u671F` : ""}`;
}
function lastMeeting(meetings) {
  if (meetings.length === 0) return void 0;
  const numbers = numbersOf(meetings);
  let at = 0;
  meetings.forEach((m2, i) => {
    if (m2.meeting.date >= meetings[at].meeting.date) at = i;
  });
  const m = meetings[at];
  const decisions = m.items.reduce((n, it) => n + it.decisions.length, 0);
  return `${meetingLabel(m, numbers[at])}\uFF0C\u8BAE\u5B9A\u4E8B\u9879${decisions}\u9879${m.meeting.closed ? "\uFF08\u5DF2\u7ED3\u675F\uFF09" : "\uFF08\u672A\u7ED3\u675F\uFF09"}`;
}

// src/ui/screens/home.tsx
import { jsx as jsx2, jsxs as jsxs2 } from "react/jsx-runtime";
var HOME_MENU = [
  { command: "goto.projects", digit: "1", label: "\u9879\u76EE", note: "\u5168\u90E8\u9879\u76EE\uFF1A\u6392\u5E8F\u3001\u7B5B\u9009\u3001\u641C\u7D22", route: { screen: "projects" } },
  {
    command: "goto.meeting",
    digit: "2",
    label: "\u8C03\u5EA6\u4F1A",
    note: "\u5F00\u4F1A\uFF1A\u5148\u542C\u843D\u5B9E\u60C5\u51B5\uFF0C\u518D\u9010\u4E2A\u8FC7\u6EDE\u540E\u9879\u76EE",
    route: { screen: "meeting" }
  },
  { command: "goto.ledger", digit: "3", label: "\u7763\u529E", note: "\u5168\u90E8\u8BAE\u5B9A\u4E8B\u9879\uFF0C\u903E\u671F\u5728\u524D", route: { screen: "ledger" } },
  { command: "goto.briefings", digit: "4", label: "\u7B80\u62A5", note: "\u8C03\u5EA6\u4F1A\u7EAA\u8981\u3001\u6708\u901A\u62A5", route: { screen: "briefings" } },
  { command: "goto.settings", digit: "5", label: "\u8BBE\u7F6E", note: "\u53D1\u6587\u673A\u5173\u3001\u9ED8\u8BA4\u4E3B\u6301\u4E0E\u51FA\u5E2D\u3001\u6587\u4EF6\u5939", route: { screen: "settings" } }
];
function Row(props) {
  return /* @__PURE__ */ jsxs2(Box2, { children: [
    /* @__PURE__ */ jsx2(Text2, { children: fitToWidth(` ${props.label}`, 16) }),
    /* @__PURE__ */ jsx2(Text2, { wrap: "truncate", children: props.children })
  ] });
}
function Overview({ data }) {
  const { figures: f, register } = data;
  const unit = register.meta.moneyUnit;
  const summary = ledgerSummary(data.ledgerToday);
  const last = lastMeeting(data.meetings);
  return /* @__PURE__ */ jsxs2(Box2, { flexDirection: "column", children: [
    /* @__PURE__ */ jsxs2(Text2, { bold: true, wrap: "truncate", children: [
      " ",
      register.meta.title
    ] }),
    /* @__PURE__ */ jsxs2(Text2, { wrap: "truncate", children: [
      " ",
      "\u6570\u636E\u622A\u81F3 ",
      formatDate(register.meta.asOf),
      " \xB7 \u5171",
      f.projectCount,
      "\u4E2A\u9879\u76EE \xB7 \u5E8F\u65F6\u8FDB\u5EA6 ",
      formatPercent(f.timeProgress)
    ] }),
    /* @__PURE__ */ jsx2(Text2, { children: " " }),
    /* @__PURE__ */ jsxs2(Row, { label: "\u5F00\u590D\u5DE5\u7387", children: [
      f.startRate === null ? "\u2014" : formatPercent(f.startRate),
      "\uFF08\u5DF2\u5F00\u590D\u5DE5",
      f.started,
      "\u4E2A\uFF0C\u5171",
      f.projectCount,
      "\u4E2A\uFF09"
    ] }),
    /* @__PURE__ */ jsx2(Row, { label: "\u5E74\u5EA6\u6295\u8D44\u5B8C\u6210\u7387", children: f.completionRate === null ? "\u2014\uFF08\u65E0\u5E74\u5EA6\u8BA1\u5212\u6295\u8D44\uFF09" : `${formatPercent(f.completionRate)}\uFF0C${progressComparison(f.completionRate, f.timeProgress)}` }),
    /* @__PURE__ */ jsxs2(Row, { label: "\u5E74\u5EA6\u8BA1\u5212\u6295\u8D44", children: [
      formatMoney(f.totals.annualPlan, unit),
      "\uFF0C\u5DF2\u5B8C\u6210 ",
      formatMoney(f.totals.completedYear, unit)
    ] }),
    /* @__PURE__ */ jsxs2(Row, { label: "\u7EA2\u9EC4\u7EFF\u706F", children: [
      /* @__PURE__ */ jsx2(LightText, { light: "\u7EA2" }),
      " ",
      f.lights.\u7EA2,
      "\u4E2A ",
      /* @__PURE__ */ jsx2(LightText, { light: "\u9EC4" }),
      " ",
      f.lights.\u9EC4,
      "\u4E2A ",
      /* @__PURE__ */ jsx2(LightText, { light: "\u7EFF" }),
      " ",
      f.lights.\u7EFF,
      "\u4E2A"
    ] }),
    /* @__PURE__ */ jsxs2(Row, { label: "\u8BAE\u5B9A\u4E8B\u9879", children: [
      "\u672A\u529E\u7ED3 ",
      summary.open + summary.overdue,
      " \u9879\uFF0C\u5176\u4E2D",
      /* @__PURE__ */ jsxs2(Text2, { color: summary.overdue > 0 ? "red" : void 0, bold: summary.overdue > 0, children: [
        "\u903E\u671F ",
        summary.overdue,
        " \u9879"
      ] }),
      "\uFF1B\u5DF2\u843D\u5B9E ",
      summary.done,
      " \u9879"
    ] }),
    /* @__PURE__ */ jsx2(Row, { label: "\u4E0A\u6B21\u8C03\u5EA6\u4F1A", children: last ?? "\u5C1A\u65E0\u4F1A\u8BAE\u8BB0\u5F55" })
  ] });
}
function HomeScreen({ session, active, nav }) {
  const state = useSessionState(session);
  const [cursor, setCursor] = useState2(0);
  const { columns } = useTerminalSize();
  const latest = useLatest({ cursor, nav });
  const handler = useCallback(
    (input, key) => {
      const { nav: nav2, cursor: cursor2 } = latest.current;
      const command = commandFor("home", input, key);
      if (!command) return;
      const entry = HOME_MENU.find((m) => m.command === command);
      if (entry) return nav2.push(entry.route);
      switch (command) {
        case "nav.up":
          return setCursor((c) => (c + HOME_MENU.length - 1) % HOME_MENU.length);
        case "nav.down":
          return setCursor((c) => (c + 1) % HOME_MENU.length);
        case "nav.home":
          return setCursor(0);
        case "nav.end":
          return setCursor(HOME_MENU.length - 1);
        case "nav.open":
          return nav2.push(HOME_MENU[cursor2].route);
        case "app.help":
          return nav2.push({ screen: "help", context: "home" });
        default:
          return;
      }
    },
    [latest]
  );
  useInput(handler, { isActive: active });
  return /* @__PURE__ */ jsxs2(Screen, { title: "\u603B\u89C8", context: "home", hints: ["nav.down", "nav.open", "app.help", "app.quit"], children: [
    state.phase === "loading" ? /* @__PURE__ */ jsxs2(Text2, { children: [
      " \u6B63\u5728\u8BFB\u53D6\u53F0\u8D26 ",
      session.registerPath,
      " \u2026"
    ] }) : state.phase === "error" ? /* @__PURE__ */ jsxs2(Box2, { flexDirection: "column", children: [
      /* @__PURE__ */ jsxs2(Text2, { color: "red", bold: true, children: [
        " ",
        "\u53F0\u8D26\u65E0\u6CD5\u6253\u5F00\uFF1A"
      ] }),
      /* @__PURE__ */ jsx2(Text2, { color: "red", children: state.message })
    ] }) : /* @__PURE__ */ jsx2(Overview, { data: state.data }),
    /* @__PURE__ */ jsx2(Text2, { children: " " }),
    HOME_MENU.map((m, i) => /* @__PURE__ */ jsxs2(Text2, { inverse: i === cursor, wrap: "truncate", children: [
      fitToWidth(` ${i === cursor ? "\u25B6" : " "} ${m.digit} ${m.label}`, 14),
      /* @__PURE__ */ jsx2(Text2, { dimColor: i !== cursor, children: fitToWidth(m.note, Math.max(0, columns - 14)) })
    ] }, m.digit))
  ] });
}

// src/ui/screens/projects.tsx
import { Box as Box5, Text as Text5, useInput as useInput4 } from "ink";
import { useCallback as useCallback5, useMemo } from "react";

// src/ui/components/table/table-view.tsx
import { Box as Box3, Text as Text3 } from "ink";

// src/ui/components/table/columns.ts
function layoutColumns(columns, total, gap = 1) {
  const fixed2 = columns.reduce((sum, c) => sum + (c.width ?? 0), 0);
  const gaps = Math.max(0, columns.length - 1) * gap;
  const shares = columns.map((c) => c.width === void 0 ? c.flex ?? 1 : 0);
  const totalShare = shares.reduce((a, b) => a + b, 0);
  const room = Math.max(0, total - fixed2 - gaps);
  const widths = columns.map(
    (c, i) => c.width !== void 0 ? c.width : totalShare > 0 ? Math.floor(room * shares[i] / totalShare) : 0
  );
  let leftover = room - widths.reduce((sum, w, i) => sum + (columns[i].width === void 0 ? w : 0), 0);
  for (let i = 0; i < columns.length && leftover > 0 && totalShare > 0; i++) {
    if (shares[i] > 0) {
      widths[i]++;
      leftover--;
    }
  }
  let used = 0;
  return widths.map((w) => {
    const start = used === 0 ? 0 : used + gap;
    const fit = Math.max(0, Math.min(w, total - start));
    if (fit > 0) used = start + fit;
    return fit;
  });
}
function cellText(column, row) {
  const raw = column.value ? column.value(row) : String(row[column.key] ?? "");
  return sanitizeText(raw);
}
var collator = new Intl.Collator("zh-Hans-CN", { numeric: true });

// src/ui/components/table/table-view.tsx
import { jsx as jsx3, jsxs as jsxs3 } from "react/jsx-runtime";
function rowSegments(columns, widths, row, gap) {
  const out = [];
  const push = (s) => {
    const last = out[out.length - 1];
    if (last && !last.color && !last.bold && !s.color && !s.bold) last.text += s.text;
    else out.push(s);
  };
  let first = true;
  columns.forEach((column, i) => {
    const w = widths[i] ?? 0;
    if (w <= 0) return;
    if (!first) push({ text: " ".repeat(gap) });
    first = false;
    const text = fitToWidth(cellText(column, row), w, column.align ?? "left");
    const color = column.color?.(row);
    const bold = column.bold?.(row) ?? false;
    push({ text, ...color ? { color } : {}, ...bold ? { bold } : {} });
  });
  return out;
}
function headerLine(columns, widths, gap, sort) {
  const cells = [];
  columns.forEach((column, i) => {
    const w = widths[i] ?? 0;
    if (w <= 0) return;
    const mark = sort?.column === column.key ? sort.direction === "asc" ? "\u2191" : "\u2193" : "";
    const title = mark ? truncateToWidth(column.title, Math.max(0, w - 1)).trimEnd() + mark : column.title;
    cells.push(fitToWidth(title, w, column.align ?? "left"));
  });
  return cells.join(" ".repeat(gap));
}
function Table(props) {
  const { columns, rows, selectedIndex, scrollOffset, height, width, sort } = props;
  const gap = props.gap ?? 1;
  const showHeader = props.showHeader ?? true;
  const focused = props.focused ?? true;
  const widths = layoutColumns(columns, width, gap);
  const visible = rows.slice(scrollOffset, scrollOffset + Math.max(0, height));
  return /* @__PURE__ */ jsxs3(Box3, { flexDirection: "column", width, height: Math.max(0, height) + (showHeader ? 1 : 0), children: [
    showHeader ? /* @__PURE__ */ jsx3(Text3, { bold: true, wrap: "truncate", children: headerLine(columns, widths, gap, sort) }) : null,
    rows.length === 0 && props.emptyText ? /* @__PURE__ */ jsx3(Text3, { dimColor: true, wrap: "truncate", children: props.emptyText }) : null,
    visible.map((row, i) => {
      const index = scrollOffset + i;
      const selected = focused && index === selectedIndex;
      return /* @__PURE__ */ jsx3(Text3, { inverse: selected, wrap: "truncate", children: rowSegments(columns, widths, row, gap).map(
        (s, j) => s.color || s.bold ? /* @__PURE__ */ jsx3(Text3, { color: s.color, bold: s.bold, children: s.text }, j) : s.text
      ) }, props.rowKey ? props.rowKey(row, index) : index);
    })
  ] });
}

// src/ui/components/table/use-table.ts
import { useInput as useInput2 } from "ink";
import { useCallback as useCallback3 } from "react";

// src/ui/components/use-sync-reducer.ts
import { useCallback as useCallback2, useRef as useRef2, useState as useState3 } from "react";
function useSyncReducer(reducer, initial) {
  const ref = useRef2(null);
  if (ref.current === null) ref.current = { state: initial() };
  const [, setState] = useState3(ref.current.state);
  const box = ref.current;
  const dispatch = useCallback2(
    (action) => {
      const next = reducer(box.state, action);
      if (Object.is(next, box.state)) return;
      box.state = next;
      setState(next);
    },
    [box, reducer]
  );
  const current = useCallback2(() => box.state, [box]);
  const replace = useCallback2(
    (next) => {
      box.state = next;
    },
    [box]
  );
  return { state: box.state, dispatch, current, replace };
}

// src/ui/components/list-window.ts
function createListWindow(count, height, selected = 0) {
  return normalizeWindow({ count, height, selected, offset: 0 });
}
function clampInt(n, min, max) {
  return Math.min(max, Math.max(min, Math.trunc(n)));
}
function normalizeWindow(w, patch = {}) {
  const want = { ...w, ...patch };
  const count = Math.max(0, Math.trunc(want.count));
  const height = Math.max(0, Math.trunc(want.height));
  const h = Math.max(1, height);
  let selected;
  let offset;
  if (count === 0) {
    selected = -1;
    offset = 0;
  } else {
    selected = clampInt(want.selected, 0, count - 1);
    offset = clampInt(want.offset, 0, Math.max(0, count - h));
    if (selected < offset) offset = selected;
    else if (selected >= offset + h) offset = selected - h + 1;
  }
  if (count === w.count && height === w.height && selected === w.selected && offset === w.offset) return w;
  return { ...w, count, height, selected, offset };
}
function resizeWindow(w, count, height) {
  if (w.count === count && w.height === height) return w;
  return normalizeWindow(w, { count, height });
}
function selectIndex(w, index) {
  if (w.count === 0) return w;
  return normalizeWindow(w, { selected: index });
}
function moveWindow(w, move) {
  if (w.count === 0) return w;
  const h = Math.max(1, w.height);
  const last = w.count - 1;
  switch (move) {
    case "up":
      return normalizeWindow(w, { selected: Math.max(0, w.selected - 1) });
    case "down":
      return normalizeWindow(w, { selected: Math.min(last, w.selected + 1) });
    case "pageUp":
      return normalizeWindow(w, { selected: Math.max(0, w.selected - h), offset: w.offset - h });
    case "pageDown":
      return normalizeWindow(w, { selected: Math.min(last, w.selected + h), offset: w.offset + h });
    case "home":
      return normalizeWindow(w, { selected: 0, offset: 0 });
    case "end":
      return normalizeWindow(w, { selected: last, offset: w.count });
  }
}

// src/ui/components/table/reducer.ts
function createTableState(count, height, sort) {
  return { ...createListWindow(count, height), sort };
}
function tableReducer(state, action) {
  switch (action.type) {
    case "move":
      return moveWindow(state, action.move);
    case "select":
      return selectIndex(state, action.index);
    case "resize":
      return resizeWindow(state, action.count, action.height);
    case "sortBy":
      return withSort(state, action.sort);
    case "sortNext": {
      const at = state.sort ? action.cycle.findIndex((s) => s.column === state.sort?.column) : -1;
      return withSort(state, action.cycle[at + 1]);
    }
    case "sortReverse":
      if (!state.sort) return state;
      return withSort(state, {
        column: state.sort.column,
        direction: state.sort.direction === "asc" ? "desc" : "asc"
      });
  }
}
function withSort(state, sort) {
  if (sort?.column === state.sort?.column && sort?.direction === state.sort?.direction) return state;
  return { ...moveWindow(state, "home"), sort };
}

// src/ui/components/table/use-table.ts
var LIST_MOVES = [
  ["nav.up", "up"],
  ["nav.down", "down"],
  ["nav.pageUp", "pageUp"],
  ["nav.pageDown", "pageDown"],
  ["nav.home", "home"],
  ["nav.end", "end"]
];
function useTable(options) {
  const { rowCount, height, isActive = true } = options;
  const {
    state: stored,
    dispatch: rawDispatch,
    current,
    replace
  } = useSyncReducer(tableReducer, () => createTableState(rowCount, height, options.initialSort));
  const state = tableReducer(stored, { type: "resize", count: rowCount, height });
  if (state !== stored) replace(state);
  const latest = useLatest(options);
  const dispatch = useCallback3(
    (action) => {
      const before = current().selected;
      rawDispatch(action);
      const after = current().selected;
      if (after !== before && after >= 0) latest.current.onSelect?.(after);
    },
    [current, rawDispatch, latest]
  );
  const handler = useCallback3(
    (input, key) => {
      const o = latest.current;
      const context = o.context ?? "list";
      for (const [command, move] of LIST_MOVES) {
        if (matches(command, input, key, context)) return dispatch({ type: "move", move });
      }
      if (o.sortCycle && matches("list.sortNext", input, key, context)) {
        return dispatch({ type: "sortNext", cycle: o.sortCycle });
      }
      if (o.sortCycle && matches("list.sortReverse", input, key, context)) {
        return dispatch({ type: "sortReverse" });
      }
      const now = current();
      if (matches("nav.open", input, key, context) && now.selected >= 0) o.onOpen?.(now.selected, now);
    },
    [latest, dispatch, current]
  );
  useInput2(handler, { isActive });
  return { state, dispatch };
}

// src/ui/components/text-input/use-text-input.ts
import { useInput as useInput3, useStdin } from "ink";
import { useCallback as useCallback4, useEffect as useEffect2, useRef as useRef3 } from "react";

// src/ui/components/text-input/reducer.ts
function createTextInputState(value = "", cursor) {
  const clean = cleanText(value);
  return { value: clean, cursor: snap(clean, cursor ?? codePointLength(clean)) };
}
function cleanText(text) {
  const trimmed = text.replace(/[\r\n]+$/, "");
  return trimmed.split("\uFFFD").map((part) => sanitizeText(part).replace(/\ufffd/g, "")).join("\uFFFD");
}
function clusters(value) {
  const items = graphemes(value);
  const starts = [];
  let at = 0;
  for (const g of items) {
    starts.push(at);
    at += codePointLength(g);
  }
  starts.push(at);
  return { starts, items };
}
function snap(value, cursor) {
  const { starts } = clusters(value);
  const end = starts[starts.length - 1] ?? 0;
  const c = Math.max(0, Math.min(end, Math.trunc(cursor)));
  return starts.find((s) => s >= c) ?? end;
}
var SPACE = /^\s+$/u;
var CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3005\u3007\u30fc]/u;
var PUNCT = /^[\p{P}\p{S}]/u;
function wordClass(g) {
  if (SPACE.test(g)) return "space";
  if (CJK.test(g)) return "cjk";
  if (PUNCT.test(g)) return "punct";
  return "word";
}
function wordStartBefore(value, cursor) {
  const { starts, items } = clusters(value);
  let i = starts.findIndex((s) => s >= cursor);
  if (i === -1) i = items.length;
  while (i > 0 && wordClass(items[i - 1]) === "space") i--;
  if (i === 0) return 0;
  const kind = wordClass(items[i - 1]);
  while (i > 0 && wordClass(items[i - 1]) === kind) i--;
  return starts[i];
}
function wordEndAfter(value, cursor) {
  const { starts, items } = clusters(value);
  let i = starts.findIndex((s) => s >= cursor);
  if (i === -1) i = items.length;
  while (i < items.length && wordClass(items[i]) === "space") i++;
  if (i >= items.length) return starts[items.length];
  const kind = wordClass(items[i]);
  while (i < items.length && wordClass(items[i]) === kind) i++;
  return starts[i];
}
function splice(state, from, to, insert) {
  const cps = Array.from(state.value);
  const value = cps.slice(0, from).join("") + insert + cps.slice(to).join("");
  return { value, cursor: snap(value, from + codePointLength(insert)) };
}
function withCursor(state, cursor) {
  return cursor === state.cursor ? state : { ...state, cursor };
}
function textInputReducer(state, action) {
  const end = codePointLength(state.value);
  switch (action.type) {
    case "insert":
    case "paste": {
      const text = cleanText(action.text);
      return text === "" ? state : splice(state, state.cursor, state.cursor, text);
    }
    case "backspace": {
      if (state.cursor === 0) return state;
      const { starts } = clusters(state.value);
      const from = [...starts].reverse().find((s) => s < state.cursor) ?? 0;
      return splice(state, from, state.cursor, "");
    }
    case "delete": {
      if (state.cursor >= end) return state;
      const { starts } = clusters(state.value);
      const to = starts.find((s) => s > state.cursor) ?? end;
      return splice(state, state.cursor, to, "");
    }
    case "left": {
      const { starts } = clusters(state.value);
      return withCursor(state, [...starts].reverse().find((s) => s < state.cursor) ?? 0);
    }
    case "right": {
      const { starts } = clusters(state.value);
      return withCursor(state, starts.find((s) => s > state.cursor) ?? end);
    }
    case "home":
      return withCursor(state, 0);
    case "end":
      return withCursor(state, end);
    case "wordLeft":
      return withCursor(state, wordStartBefore(state.value, state.cursor));
    case "wordRight":
      return withCursor(state, wordEndAfter(state.value, state.cursor));
    case "deleteWordBackward": {
      const from = wordStartBefore(state.value, state.cursor);
      return from === state.cursor ? state : splice(state, from, state.cursor, "");
    }
    case "killToStart":
      return state.cursor === 0 ? state : splice(state, 0, state.cursor, "");
    case "killToEnd":
      return state.cursor >= end ? state : { value: Array.from(state.value).slice(0, state.cursor).join(""), cursor: state.cursor };
    case "set": {
      const value = cleanText(action.value);
      const atEnd = state.cursor >= end;
      const cursor = snap(value, action.cursor ?? (atEnd ? codePointLength(value) : state.cursor));
      if (value === state.value && cursor === state.cursor) return state;
      return { value, cursor };
    }
  }
}

// src/ui/components/text-input/window.ts
function inputWindow(value, cursor, width, previousStart = 0) {
  const w = Math.max(1, Math.trunc(width));
  const items = graphemes(value);
  const starts = [];
  const cols = [];
  let cp = 0;
  let col = 0;
  for (const g of items) {
    starts.push(cp);
    cols.push(col);
    cp += Array.from(g).length;
    col += graphemeWidth(g);
  }
  starts.push(cp);
  cols.push(col);
  const total = col;
  let ci = starts.findIndex((s) => s >= cursor);
  if (ci === -1) ci = items.length;
  const cursorCol = cols[ci];
  const cursorCell = ci < items.length ? Math.max(1, graphemeWidth(items[ci])) : 1;
  const colOf = (i) => cols[i];
  let ideal = ci;
  while (ideal > 0 && cursorCol + Math.min(cursorCell, w) - colOf(ideal - 1) <= w) ideal--;
  let fill = items.length;
  while (fill > 0 && total + 1 - colOf(fill - 1) <= w) fill--;
  let pi = starts.findIndex((s) => s >= previousStart);
  if (pi === -1) pi = items.length;
  const si = pi > ci ? ci : Math.max(ideal, Math.min(pi, fill));
  let text = "";
  let used = 0;
  for (let i = si; i < items.length; i++) {
    const gw = graphemeWidth(items[i]);
    if (used + gw > w) break;
    text += items[i];
    used += gw;
  }
  const before = items.slice(si, ci).join("");
  return { start: starts[si], text, cursorColumn: cursorCol - colOf(si), textWidth: used, before };
}

// src/ui/components/text-input/use-text-input.ts
var EDITS = [
  ["input.left", { type: "left" }],
  ["input.right", { type: "right" }],
  ["input.home", { type: "home" }],
  ["input.end", { type: "end" }],
  ["input.wordLeft", { type: "wordLeft" }],
  ["input.wordRight", { type: "wordRight" }],
  ["input.backspace", { type: "backspace" }],
  ["input.delete", { type: "delete" }],
  ["input.deleteWordBackward", { type: "deleteWordBackward" }],
  ["input.killToStart", { type: "killToStart" }],
  ["input.killToEnd", { type: "killToEnd" }]
];
var FORWARD_DELETE = /^\u001b\[3(?:;\d+)?~$/;
function isNonText(key) {
  return key.ctrl || key.meta || key.tab || key.return || key.escape || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.pageUp || key.pageDown || key.home || key.end || key.backspace || key.delete;
}
function useTextInput(options) {
  const isActive = options.isActive ?? true;
  const controlled = options.value !== void 0;
  const {
    dispatch: rawDispatch,
    current,
    replace
  } = useSyncReducer(
    textInputReducer,
    () => createTextInputState(options.value ?? options.defaultValue ?? "")
  );
  const reported = useRef3([]);
  if (controlled) {
    const value = options.value;
    if (value === current().value) reported.current = [];
    else if (!reported.current.includes(value)) {
      replace(textInputReducer(current(), { type: "set", value }));
      reported.current = [];
    }
  }
  const latest = useLatest(options);
  const dispatch = useCallback4(
    (action) => {
      const before = current().value;
      rawDispatch(action);
      const after = current().value;
      if (after === before) return;
      if (latest.current.value !== void 0) reported.current.push(after);
      latest.current.onChange?.(after);
    },
    [current, rawDispatch, latest]
  );
  const { internal_eventEmitter: emitter } = useStdin();
  const forwardDelete = useRef3(false);
  useEffect2(() => {
    if (!isActive || !emitter) return;
    const onRaw = (raw) => {
      forwardDelete.current = FORWARD_DELETE.test(raw);
    };
    emitter.on("input", onRaw);
    return () => {
      emitter.off("input", onRaw);
    };
  }, [emitter, isActive]);
  const handler = useCallback4(
    (input, key) => {
      const press = forwardDelete.current ? { ...key, delete: false, forwardDelete: true } : key;
      forwardDelete.current = false;
      for (const [command, action] of EDITS) {
        if (matches(command, input, press, "input")) return dispatch(action);
      }
      if (matches("input.submit", input, press, "input")) return latest.current.onSubmit?.(current().value);
      if (matches("input.cancel", input, press, "input")) return latest.current.onCancel?.();
      if (isNonText(key) || input === "") return;
      dispatch({ type: input.length > 1 ? "paste" : "insert", text: input });
    },
    [dispatch, latest, current]
  );
  useInput3(handler, { isActive });
  const state = current();
  const previousStart = useRef3(0);
  const window = inputWindow(state.value, state.cursor, options.width, previousStart.current);
  useEffect2(() => {
    previousStart.current = window.start;
  });
  return { state, window, dispatch };
}

// src/ui/components/text-input/text-input-view.tsx
import { Box as Box4, Text as Text4 } from "ink";
import { useRef as useRef4 } from "react";

// src/ui/components/terminal-cursor.tsx
import { useCursor } from "ink";
import { useLayoutEffect as useLayoutEffect2, useState as useState4 } from "react";
function outputPosition(node) {
  if (!node) return void 0;
  let x = 0;
  let y = 0;
  for (let n = node; n; n = n.parentNode) {
    if (!n.yogaNode) continue;
    x += n.yogaNode.getComputedLeft();
    y += n.yogaNode.getComputedTop();
  }
  return { x: Math.round(x), y: Math.round(y) };
}
function TerminalCursor({ anchor, x, y = 0 }) {
  const { setCursorPosition } = useCursor();
  const [origin, setOrigin] = useState4(void 0);
  useLayoutEffect2(() => {
    const now = outputPosition(anchor.current);
    if (now && (now.x !== origin?.x || now.y !== origin?.y)) setOrigin(now);
  });
  const position = origin ? { x: origin.x + x, y: origin.y + y } : void 0;
  setCursorPosition(position);
  return null;
}

// src/ui/components/text-input/text-input-view.tsx
import { Fragment, jsx as jsx4, jsxs as jsxs4 } from "react/jsx-runtime";
function TextInputView(props) {
  const { window: win, width, focused } = props;
  const anchor = useRef4(null);
  const showPlaceholder = props.empty && props.placeholder !== void 0;
  let body;
  if (showPlaceholder) {
    body = /* @__PURE__ */ jsx4(Text4, { dimColor: true, children: truncateToWidth(props.placeholder ?? "", width) });
  } else if (focused && props.inverseCursor) {
    const rest = graphemes(win.text.slice(win.before.length));
    body = /* @__PURE__ */ jsxs4(Text4, { children: [
      win.before,
      /* @__PURE__ */ jsx4(Text4, { inverse: true, children: rest[0] ?? " " }),
      rest.slice(1).join("")
    ] });
  } else {
    body = /* @__PURE__ */ jsx4(Text4, { children: win.text });
  }
  return /* @__PURE__ */ jsxs4(Fragment, { children: [
    /* @__PURE__ */ jsx4(Box4, { ref: anchor, width, height: 1, flexShrink: 0, overflow: "hidden", children: body }),
    focused ? /* @__PURE__ */ jsx4(TerminalCursor, { anchor, x: showPlaceholder ? 0 : win.cursorColumn }) : null
  ] });
}

// src/ui/components/text-input/text-input.tsx
import { jsx as jsx5 } from "react/jsx-runtime";
function TextInput(props) {
  const { window, state } = useTextInput(props);
  return /* @__PURE__ */ jsx5(
    TextInputView,
    {
      window,
      width: props.width,
      focused: props.isActive ?? true,
      empty: state.value === "",
      ...props.placeholder !== void 0 ? { placeholder: props.placeholder } : {},
      ...props.inverseCursor !== void 0 ? { inverseCursor: props.inverseCursor } : {}
    }
  );
}

// src/domain/lag-rules.ts
var POINT_EPSILON = 1e-9;
var LIGHT_RANK = { \u7EFF: 0, \u9EC4: 1, \u7EA2: 2 };
function worseLight(a, b) {
  return LIGHT_RANK[b] > LIGHT_RANK[a] ? b : a;
}
function lightRank(light) {
  return LIGHT_RANK[light];
}
var lastTp = Number.NaN;
var lastTpText = "";
function timeProgressText(tp) {
  if (tp !== lastTp) {
    lastTp = tp;
    lastTpText = formatPercent(tp);
  }
  return lastTpText;
}
function investmentFlag(rate, gap, tp, rules) {
  if (gap < rules.yellowGap - POINT_EPSILON) return null;
  const light = gap > rules.redGap + POINT_EPSILON ? "\u7EA2" : "\u9EC4";
  return {
    kind: "investment",
    light,
    reason: `\u5E74\u5EA6\u6295\u8D44\u5B8C\u6210\u7387${formatPercent(rate)}\uFF0C\u4F4E\u4E8E\u5E8F\u65F6\u8FDB\u5EA6\uFF08${timeProgressText(tp)}\uFF09${formatPoints(gap)}\u4E2A\u767E\u5206\u70B9`
  };
}
function startFlag(p, day, rules) {
  if (p.nature !== "\u65B0\u5EFA" || p.stage !== "\u524D\u671F" || !p.plannedStart || p.plannedStart >= day) return null;
  const late = daysBetween(p.plannedStart, day);
  return {
    kind: "start",
    light: late > rules.startRedDays ? "\u7EA2" : "\u9EC4",
    reason: `\u8BA1\u5212${chineseDate(p.plannedStart)}\u5F00\u5DE5\uFF0C\u5DF2\u903E\u671F${late}\u5929\u4ECD\u672A\u5F00\u5DE5`
  };
}
function assessProject(p, ctx) {
  const { asOf: day, rules } = ctx;
  const flags = [];
  const rate = completionRate(p.completedYear, p.annualPlan);
  const gap = rate === null ? null : pointsGap(ctx.timeProgress, rate);
  if (rate !== null && gap !== null) {
    const f = investmentFlag(rate, gap, ctx.timeProgress, rules);
    if (f) flags.push(f);
  }
  const start = startFlag(p, day, rules);
  if (start) flags.push(start);
  if (p.stage === "\u505C\u5DE5") flags.push({ kind: "stopped", light: "\u7EA2", reason: "\u9879\u76EE\u5904\u4E8E\u505C\u5DE5\u72B6\u6001" });
  for (const m of p.milestones) {
    if (m.planned >= day || m.done !== void 0 && m.done <= day) continue;
    const late = daysBetween(m.planned, day);
    flags.push({
      kind: "milestone",
      light: late > rules.milestoneRedDays ? "\u7EA2" : "\u9EC4",
      reason: `\u8282\u70B9\u201C${m.name}\u201D\u8BA1\u5212${chineseDate(m.planned)}\u5B8C\u6210\uFF0C\u5DF2\u903E\u671F${late}\u5929`
    });
  }
  for (const q2 of p.problems) {
    if (q2.due === void 0 || q2.due >= day || q2.resolved !== void 0 && q2.resolved <= day) continue;
    const unit = q2.unit ? `\uFF0C\u8D23\u4EFB\u5355\u4F4D${q2.unit}` : "";
    flags.push({
      kind: "problem",
      light: "\u7EA2",
      reason: `\u95EE\u9898\u201C${q2.text}\u201D\u903E\u671F\u672A\u89E3\u51B3\uFF08\u89E3\u51B3\u65F6\u9650${chineseDate(q2.due)}${unit}\uFF09`
    });
  }
  if (ctx.decisions) {
    for (const e of ctx.decisions) {
      if (e.project !== p.id || !isOpenState(e.state) || e.decision.due >= day) continue;
      flags.push({
        kind: "decision",
        light: "\u7EA2",
        reason: `\u8BAE\u5B9A\u4E8B\u9879\u201C${e.decision.text}\u201D\u7763\u529E\u903E\u671F\uFF08\u5B8C\u6210\u65F6\u9650${chineseDate(e.decision.due)}\uFF0C\u8D23\u4EFB\u5355\u4F4D${e.decision.unit}\uFF09`
      });
    }
  }
  let light = "\u7EFF";
  for (const f of flags) light = worseLight(light, f.light);
  return { project: p, completionRate: rate, gap, flags, light };
}
function redCount(s) {
  let n = 0;
  for (const f of s.flags) if (f.light === "\u7EA2") n++;
  return n;
}
function assessRegister(r, ledger) {
  const asOf = r.meta.asOf;
  const tp = registerTimeProgress(r.meta);
  const byProject = /* @__PURE__ */ new Map();
  if (ledger) {
    for (const e of ledger) {
      const list = byProject.get(e.project);
      if (list) list.push(e);
      else byProject.set(e.project, [e]);
    }
  }
  const statuses = r.projects.map(
    (p) => assessProject(p, {
      asOf,
      rules: r.meta.rules,
      timeProgress: tp,
      decisions: byProject.get(p.id)
    })
  );
  const keyed = statuses.filter((s) => s.light !== "\u7EFF").map((s) => ({ s, rank: LIGHT_RANK[s.light], red: redCount(s), gap: s.gap ?? Number.NEGATIVE_INFINITY }));
  keyed.sort(
    (a, b) => b.rank - a.rank || b.red - a.red || (a.gap === b.gap ? 0 : b.gap > a.gap ? 1 : -1) || (a.s.project.id < b.s.project.id ? -1 : a.s.project.id > b.s.project.id ? 1 : 0)
  );
  const lagging = keyed.map((k2) => k2.s);
  return { asOf, timeProgress: tp, statuses, lagging };
}

// src/ui/screens/projects-state.ts
var SORT_KEYS = [
  "register",
  "light",
  "rate",
  "annualPlan",
  "completedYear",
  "id",
  "name",
  "unit",
  "leader"
];
var SORT_LABEL = {
  register: "\u53F0\u8D26\u987A\u5E8F",
  id: "\u7F16\u53F7",
  name: "\u540D\u79F0",
  unit: "\u8D23\u4EFB\u5355\u4F4D",
  leader: "\u5305\u8054\u9886\u5BFC",
  annualPlan: "\u5E74\u5EA6\u8BA1\u5212",
  completedYear: "\u5DF2\u5B8C\u6210",
  rate: "\u5B8C\u6210\u7387",
  light: "\u706F"
};
function buildProjectIndex(statuses) {
  const units = [];
  const areas = [];
  const seenUnits = /* @__PURE__ */ new Set();
  const seenAreas = /* @__PURE__ */ new Set();
  const haystack = new Array(statuses.length);
  for (let i = 0; i < statuses.length; i++) {
    const p = statuses[i].project;
    if (!seenUnits.has(p.unit)) {
      seenUnits.add(p.unit);
      units.push(p.unit);
    }
    if (p.area !== void 0 && !seenAreas.has(p.area)) {
      seenAreas.add(p.area);
      areas.push(p.area);
    }
    haystack[i] = [p.id, p.name, p.unit, p.leader ?? "", p.area ?? "", p.owner ?? ""].join("\0").toLowerCase();
  }
  return { statuses, units, areas, haystack, orders: /* @__PURE__ */ new Map(), memo: null };
}
var collator2 = new Intl.Collator("zh-Hans-CN", { numeric: true });
function compareBy(key, statuses) {
  const s = (i) => statuses[i];
  const tie = (a, b) => a - b;
  switch (key) {
    case "register":
      return tie;
    case "id":
      return (a, b) => collator2.compare(s(a).project.id, s(b).project.id) || tie(a, b);
    case "name":
      return (a, b) => collator2.compare(s(a).project.name, s(b).project.name) || tie(a, b);
    case "unit":
      return (a, b) => collator2.compare(s(a).project.unit, s(b).project.unit) || tie(a, b);
    case "leader":
      return (a, b) => collator2.compare(s(a).project.leader ?? "", s(b).project.leader ?? "") || tie(a, b);
    case "annualPlan":
      return (a, b) => s(a).project.annualPlan - s(b).project.annualPlan || tie(a, b);
    case "completedYear":
      return (a, b) => s(a).project.completedYear - s(b).project.completedYear || tie(a, b);
    case "rate":
      return (a, b) => (s(a).completionRate ?? -1) - (s(b).completionRate ?? -1) || tie(a, b);
    case "light":
      return (a, b) => lightRank(s(a).light) - lightRank(s(b).light) || tie(a, b);
  }
}
function sortedOrder(index, key) {
  let order = index.orders.get(key);
  if (!order) {
    const n = index.statuses.length;
    const plain = new Array(n);
    for (let i = 0; i < n; i++) plain[i] = i;
    plain.sort(compareBy(key, index.statuses));
    order = Uint32Array.from(plain);
    index.orders.set(key, order);
  }
  return order;
}
var initialProjectsState = {
  sortKey: "register",
  descending: false,
  filter: {},
  query: "",
  searching: false
};
function memoKey(state) {
  const f = state.filter;
  return [state.sortKey, state.descending ? "d" : "a", f.unit ?? "", f.area ?? "", f.light ?? "", state.query].join(
    ""
  );
}
function visibleRows(index, state) {
  const key = memoKey(state);
  if (index.memo && index.memo.key === key) return index.memo.rows;
  const order = sortedOrder(index, state.sortKey);
  const q2 = state.query.trim().toLowerCase();
  const { unit, area, light } = state.filter;
  const rows = [];
  const len = order.length;
  for (let k2 = 0; k2 < len; k2++) {
    const i = order[state.descending ? len - 1 - k2 : k2];
    const s = index.statuses[i];
    if (unit !== void 0 && s.project.unit !== unit) continue;
    if (area !== void 0 && s.project.area !== area) continue;
    if (light !== void 0 && s.light !== light) continue;
    if (q2 && !index.haystack[i].includes(q2)) continue;
    rows.push(i);
  }
  index.memo = { key, rows };
  return rows;
}
var LIGHT_CYCLE = [void 0, "\u7EA2", "\u9EC4", "\u7EFF"];
function cycle(list, current) {
  if (list.length === 0) return void 0;
  if (current === void 0) return list[0];
  const i = list.indexOf(current);
  return i < 0 || i === list.length - 1 ? void 0 : list[i + 1];
}
function reduceProjects(index, state, action) {
  switch (action.type) {
    case "sortBy": {
      const descending = action.key === state.sortKey ? !state.descending : action.key === "light";
      return { ...state, sortKey: action.key, descending };
    }
    case "cycleSort": {
      const key = SORT_KEYS[(SORT_KEYS.indexOf(state.sortKey) + 1) % SORT_KEYS.length];
      return { ...state, sortKey: key, descending: key === "light" };
    }
    case "reverse":
      return { ...state, descending: !state.descending };
    case "filterUnit":
      return { ...state, filter: { ...state.filter, unit: action.unit } };
    case "filterArea":
      return { ...state, filter: { ...state.filter, area: action.area } };
    case "filterLight":
      return { ...state, filter: { ...state.filter, light: action.light } };
    case "cycleUnit":
      return { ...state, filter: { ...state.filter, unit: cycle(index.units, state.filter.unit) } };
    case "cycleArea":
      return { ...state, filter: { ...state.filter, area: cycle(index.areas, state.filter.area) } };
    case "cycleLight": {
      const i = LIGHT_CYCLE.indexOf(state.filter.light);
      const light = LIGHT_CYCLE[(i + 1) % LIGHT_CYCLE.length];
      return { ...state, filter: { ...state.filter, light } };
    }
    case "clearFilters":
      return { ...state, filter: {}, query: "" };
    case "startSearch":
      return { ...state, searching: true };
    case "setQuery":
      return { ...state, query: action.query };
    case "endSearch":
      return { ...state, searching: false, query: action.keep ? state.query : "" };
  }
}
function describeFilter(state) {
  const parts = [];
  if (state.filter.unit !== void 0) parts.push(`\u8D23\u4EFB\u5355\u4F4D\uFF1A${state.filter.unit}`);
  if (state.filter.area !== void 0) parts.push(`\u7247\u533A\uFF1A${state.filter.area}`);
  if (state.filter.light !== void 0) parts.push(`\u706F\uFF1A${state.filter.light}`);
  if (state.query.trim()) parts.push(`\u641C\u7D22\uFF1A${state.query.trim()}`);
  return parts.join(" \xB7 ");
}

// src/ui/screens/projects.tsx
import { jsx as jsx6, jsxs as jsxs5 } from "react/jsx-runtime";
function projectColumns(statuses, unit) {
  const s = (i) => statuses[i];
  return [
    { key: "id", title: "\u7F16\u53F7", width: 8, value: (i) => s(i).project.id },
    { key: "name", title: "\u540D\u79F0", flex: 1, value: (i) => s(i).project.name },
    { key: "unit", title: "\u8D23\u4EFB\u5355\u4F4D", width: 12, value: (i) => s(i).project.unit },
    { key: "leader", title: "\u5305\u8054\u9886\u5BFC", width: 8, value: (i) => s(i).project.leader ?? "" },
    {
      key: "annualPlan",
      title: "\u5E74\u5EA6\u8BA1\u5212",
      width: 8,
      align: "right",
      value: (i) => formatMoneyNumber(s(i).project.annualPlan, unit)
    },
    {
      key: "completedYear",
      title: "\u5DF2\u5B8C\u6210",
      width: 8,
      align: "right",
      value: (i) => formatMoneyNumber(s(i).project.completedYear, unit)
    },
    {
      key: "rate",
      title: "\u5B8C\u6210\u7387",
      width: 6,
      align: "right",
      value: (i) => {
        const r = s(i).completionRate;
        return r === null ? "\u2014" : formatPercent(r);
      }
    },
    {
      key: "light",
      title: "\u706F",
      width: 4,
      value: (i) => `${LIGHT_MARK[s(i).light]}${s(i).light}`,
      color: (i) => LIGHT_COLOR[s(i).light],
      bold: (i) => s(i).light === "\u7EA2"
    }
  ];
}
function ProjectsTable(props) {
  const { data, index, active, nav } = props;
  const { columns, rows: screenRows } = useTerminalSize();
  const reducer = useCallback5(
    (state2, action) => reduceProjects(index, state2, action),
    [index]
  );
  const { state, dispatch, current } = useSyncReducer(reducer, () => initialProjectsState);
  const rows = visibleRows(index, state);
  const height = Math.max(1, bodyHeight(screenRows) - 2 - (state.searching ? 1 : 0));
  const cols = useMemo(
    () => projectColumns(data.assessment.statuses, data.register.meta.moneyUnit),
    [data.assessment.statuses, data.register.meta.moneyUnit]
  );
  const open = useCallback5(
    (at) => {
      const row = rows[at];
      if (row === void 0) return;
      const statuses = index.statuses;
      nav.push({
        screen: "project",
        projectId: statuses[row].project.id,
        siblings: rows.map((r) => statuses[r].project.id)
      });
    },
    [rows, index, nav]
  );
  const table = useTable({
    rowCount: rows.length,
    height,
    isActive: active && !state.searching,
    context: "projects",
    onOpen: open
  });
  const latest = useLatest({ table, index, nav });
  const change = useCallback5(
    (action) => {
      const { table: table2, index: index2 } = latest.current;
      const selected = visibleRows(index2, current())[table2.state.selected];
      dispatch(action);
      const next = visibleRows(index2, current());
      const at = selected === void 0 ? -1 : next.indexOf(selected);
      table2.dispatch({ type: "resize", count: next.length, height: table2.state.height });
      table2.dispatch({ type: "select", index: at >= 0 ? at : 0 });
    },
    [latest, dispatch, current]
  );
  const onKey = useCallback5(
    (input, key) => {
      const { nav: nav2 } = latest.current;
      switch (commandFor("projects", input, key)) {
        case "app.back":
          return nav2.pop();
        case "app.help":
          return nav2.push({ screen: "help", context: "projects" });
        case "list.search":
          return dispatch({ type: "startSearch" });
        case "list.sortNext":
          return change({ type: "cycleSort" });
        case "list.sortReverse":
          return change({ type: "reverse" });
        case "list.filterUnit":
          return change({ type: "cycleUnit" });
        case "list.filterArea":
          return change({ type: "cycleArea" });
        case "list.filterLight":
          return change({ type: "cycleLight" });
        case "list.clearFilters":
          return change({ type: "clearFilters" });
        default:
          return;
      }
    },
    [latest, dispatch, change]
  );
  useInput4(onKey, { isActive: active && !state.searching });
  const filter = describeFilter(state);
  const sortText = state.sortKey === "register" ? "\u53F0\u8D26\u987A\u5E8F" : `${SORT_LABEL[state.sortKey]}${state.descending ? "\u2193" : "\u2191"}`;
  const summary = ` \u5171${index.statuses.length}\u4E2A\u9879\u76EE\uFF0C\u663E\u793A${rows.length}\u4E2A \xB7 \u6392\u5E8F\uFF1A${sortText}${filter ? ` \xB7 ${filter}` : ""} \xB7 \u91D1\u989D\uFF1A${data.register.meta.moneyUnit}`;
  const sort = state.sortKey === "register" ? void 0 : { column: state.sortKey, direction: state.descending ? "desc" : "asc" };
  const prompt = " \u641C\u7D22\uFF1A";
  return /* @__PURE__ */ jsxs5(
    Screen,
    {
      title: "\u9879\u76EE",
      context: state.searching ? "search" : "projects",
      status: state.searching ? { kind: "info", text: "\u8F93\u5165\u540D\u79F0\u3001\u7F16\u53F7\u3001\u5355\u4F4D\u6216\u9886\u5BFC\uFF1BEnter \u786E\u5B9A\uFF0CEsc \u6E05\u9664" } : null,
      children: [
        /* @__PURE__ */ jsx6(Text5, { wrap: "truncate", children: truncateToWidth(summary, columns) }),
        /* @__PURE__ */ jsx6(
          Table,
          {
            columns: cols,
            rows,
            selectedIndex: table.state.selected,
            scrollOffset: table.state.offset,
            height,
            width: columns,
            ...sort ? { sort } : {},
            emptyText: "  \u6CA1\u6709\u7B26\u5408\u6761\u4EF6\u7684\u9879\u76EE\uFF08\u6309 c \u6E05\u9664\u7B5B\u9009\uFF09"
          }
        ),
        state.searching ? /* @__PURE__ */ jsxs5(Box5, { children: [
          /* @__PURE__ */ jsx6(Text5, { bold: true, children: prompt }),
          /* @__PURE__ */ jsx6(
            TextInput,
            {
              value: state.query,
              onChange: (query) => change({ type: "setQuery", query }),
              onSubmit: () => dispatch({ type: "endSearch", keep: true }),
              onCancel: () => change({ type: "endSearch", keep: false }),
              isActive: active,
              width: Math.max(1, columns - displayWidth(prompt)),
              placeholder: "\u4F8B\u5982\uFF1A\u5149\u4F0F\u3001PL-0\u3001\u53D1\u6539"
            }
          )
        ] }) : null
      ]
    }
  );
}
function ProjectsScreen({ session, active, nav }) {
  const state = useSessionState(session);
  if (state.phase !== "ready") {
    return /* @__PURE__ */ jsx6(Screen, { title: "\u9879\u76EE", context: "projects", children: /* @__PURE__ */ jsx6(Text5, { children: state.phase === "loading" ? " \u6B63\u5728\u8BFB\u53D6\u53F0\u8D26 \u2026" : state.message }) });
  }
  return /* @__PURE__ */ jsx6(
    ProjectsTable,
    {
      session,
      data: state.data,
      index: session.projectIndex(state.data),
      active,
      nav
    }
  );
}

// src/ui/screens/project.tsx
import { Text as Text7 } from "ink";
import { useMemo as useMemo2, useState as useState6 } from "react";

// src/ui/screens/decision-labels.ts
var STATE_COLOR = {
  done: "green",
  overdue: "red"
};
function stateText(e) {
  switch (e.state) {
    case "overdue":
      return `\u903E\u671F${e.daysOverdue}\u5929`;
    case "done":
      return e.latest ? `\u5DF2\u843D\u5B9E\uFF08${formatMonthDay(e.latest.heardOn)}\uFF09` : "\u5DF2\u843D\u5B9E";
    case "dropped":
      return "\u64A4\u9500";
    case "open":
      return e.latest ? "\u63A8\u8FDB\u4E2D" : "\u672A\u5230\u671F";
  }
}

// src/ui/screens/lines.tsx
import { Text as Text6, useInput as useInput5 } from "ink";
import { useCallback as useCallback6, useState as useState5 } from "react";
import { Fragment as Fragment2, jsx as jsx7 } from "react/jsx-runtime";
function wrapText(text, width, indent = "") {
  const out = [];
  const indentWidth = indent.length;
  for (const paragraph of text.split("\n")) {
    let line = "";
    let used = 0;
    let first = true;
    for (const g of graphemes(paragraph)) {
      const w = graphemeWidth(g);
      const room = width - (first ? 0 : indentWidth);
      if (used + w > room && line !== "") {
        out.push(first ? line : indent + line);
        first = false;
        line = g === " " ? "" : g;
        used = g === " " ? 0 : w;
        continue;
      }
      line += g;
      used += w;
    }
    out.push(first ? line : indent + line);
  }
  return out;
}
function wrapped(text, width, style = {}, indent = "") {
  return wrapText(text, width, indent).map((t) => ({ ...style, text: t }));
}
function LinesView(props) {
  const visible = props.lines.slice(props.offset, props.offset + props.height);
  return /* @__PURE__ */ jsx7(Fragment2, { children: visible.map((l, i) => /* @__PURE__ */ jsx7(Text6, { color: l.color, bold: l.bold, dimColor: l.dim, wrap: "truncate", children: truncateToWidth(l.text, props.width) || " " }, props.offset + i)) });
}
function useScroll(options) {
  const [rawOffset, setOffset] = useState5(0);
  const max = Math.max(0, options.lineCount - options.height);
  const offset = Math.min(rawOffset, max);
  const latest = useLatest({ ...options, max });
  const handler = useCallback6(
    (input, key) => {
      const { context, height, max: max2, onCommand } = latest.current;
      const command = commandFor(context, input, key);
      if (!command) return;
      const step = (delta) => setOffset((o) => Math.max(0, Math.min(max2, Math.min(o, max2) + delta)));
      switch (command) {
        case "nav.up":
          return step(-1);
        case "nav.down":
          return step(1);
        case "nav.pageUp":
          return step(-Math.max(1, height - 1));
        case "nav.pageDown":
          return step(Math.max(1, height - 1));
        case "nav.home":
          return setOffset(0);
        case "nav.end":
          return setOffset(max2);
        default:
          return onCommand?.(command);
      }
    },
    [latest]
  );
  useInput5(handler, { isActive: options.isActive });
  return { offset, setOffset };
}

// src/ui/screens/project.tsx
import { jsx as jsx8 } from "react/jsx-runtime";
function joinParts(parts) {
  return parts.filter(([, v]) => v !== void 0 && v !== "").map(([k2, v]) => `${k2} ${v}`).join(" \xB7 ");
}
function projectLines(s, decisions, unit, timeProgress2, width) {
  const p = s.project;
  const out = [];
  const add = (text, style = {}, indent = "") => {
    if (text) out.push(...wrapped(text, width, style, indent));
  };
  const heading = (text) => {
    out.push({ text: "" });
    out.push({ text, bold: true });
  };
  out.push({ text: `${LIGHT_MARK[s.light]}${s.light}  ${p.id} ${p.name}`, bold: true, color: LIGHT_COLOR[s.light] });
  add(joinParts([
    ["\u5EFA\u8BBE\u6027\u8D28", p.nature],
    ["\u5EFA\u8BBE\u9636\u6BB5", p.stage],
    ["\u8D23\u4EFB\u5355\u4F4D", p.unit],
    ["\u5305\u8054\u9886\u5BFC", p.leader]
  ]));
  add(joinParts([
    ["\u5EFA\u8BBE\u5355\u4F4D", p.owner],
    ["\u7247\u533A", p.area],
    ["\u4EA7\u4E1A", p.industry],
    ["\u8054\u7CFB\u4EBA", p.contact]
  ]));
  if (p.content) add(`\u5EFA\u8BBE\u5185\u5BB9 ${p.content}`, {}, "  ");
  add(
    joinParts([
      ["\u603B\u6295\u8D44", formatMoney(p.totalInvestment, unit)],
      ["\u5E74\u5EA6\u8BA1\u5212", formatMoney(p.annualPlan, unit)],
      ["\u5DF2\u5B8C\u6210", formatMoney(p.completedYear, unit)]
    ])
  );
  add(
    s.completionRate === null ? "\u5B8C\u6210\u7387 \u2014\uFF08\u5E74\u5EA6\u8BA1\u5212\u6295\u8D44\u4E3A0\uFF09" : `\u5B8C\u6210\u7387 ${formatPercent(s.completionRate)}\uFF0C\u5E8F\u65F6\u8FDB\u5EA6 ${formatPercent(timeProgress2)}\uFF0C${progressComparison(s.completionRate, timeProgress2)}`
  );
  add(
    joinParts([
      ["\u672C\u6708\u5B8C\u6210", p.completedMonth === void 0 ? void 0 : formatMoney(p.completedMonth, unit)],
      ["\u5F00\u5DE5\u4EE5\u6765\u7D2F\u8BA1", p.completedTotal === void 0 ? void 0 : formatMoney(p.completedTotal, unit)]
    ])
  );
  add(
    joinParts([
      ["\u8BA1\u5212\u5F00\u5DE5", p.plannedStart],
      ["\u5B9E\u9645\u5F00\u5DE5", p.actualStart],
      ["\u8BA1\u5212\u7AE3\u5DE5", p.plannedFinish],
      ["\u5B9E\u9645\u7AE3\u5DE5", p.actualFinish]
    ])
  );
  if (p.progress) add(`\u5F62\u8C61\u8FDB\u5EA6 ${p.progress}`, {}, "  ");
  heading(s.flags.length > 0 ? `\u6EDE\u540E\u539F\u56E0\uFF08${s.flags.length}\uFF09` : "\u6EDE\u540E\u539F\u56E0\uFF1A\u65E0\uFF08\u7EFF\u706F\uFF09");
  for (const f of s.flags) add(`${LIGHT_MARK[f.light]}${f.light} ${f.reason}`, { color: LIGHT_COLOR[f.light] }, "    ");
  if (p.milestones.length > 0) {
    heading(`\u8282\u70B9\u8BA1\u5212\uFF08${p.milestones.length}\uFF09`);
    for (const m of p.milestones) {
      add(`  ${m.name}\uFF1A\u8BA1\u5212 ${m.planned}${m.done ? `\uFF0C\u5B8C\u6210 ${m.done}` : "\uFF0C\u672A\u5B8C\u6210"}`, {}, "    ");
    }
  }
  if (p.problems.length > 0) {
    const open = p.problems.filter((x) => x.resolved === void 0).length;
    heading(`\u5B58\u5728\u95EE\u9898\uFF08${p.problems.length}\uFF0C\u672A\u89E3\u51B3${open}\uFF09`);
    for (const x of p.problems) {
      const tail = joinParts([
        ["\u8D23\u4EFB\u5355\u4F4D", x.unit],
        ["\u65F6\u9650", x.due]
      ]);
      const state = x.resolved ? `\u5DF2\u89E3\u51B3 ${x.resolved}${x.resolution ? `\uFF1A${x.resolution}` : ""}` : "\u672A\u89E3\u51B3";
      add(`  ${x.id} ${x.text}${tail ? `\uFF08${tail}\uFF09` : ""} ${state}`, x.resolved ? { dim: true } : {}, "    ");
    }
  }
  heading(`\u8BAE\u5B9A\u4E8B\u9879\uFF08\u5386\u6B21\u4F1A\u8BAE\uFF0C${decisions.length}\uFF09`);
  if (decisions.length === 0) add("  \u6682\u65E0", { dim: true });
  for (const e of decisions) {
    const d = e.decision;
    const owner = d.owner ? `\uFF0C\u8D23\u4EFB\u4EBA\uFF1A${d.owner}` : "";
    add(
      `  ${d.id} ${d.text}\uFF08\u8D23\u4EFB\u5355\u4F4D\uFF1A${d.unit}${owner}\uFF0C\u5B8C\u6210\u65F6\u9650\uFF1A${d.due}\uFF09\u3010${stateText(e)}\u3011${e.latest?.note ? ` ${e.latest.note}` : ""}`,
      STATE_COLOR[e.state] ? { color: STATE_COLOR[e.state] } : {},
      "    "
    );
  }
  return out;
}
function ProjectScreen(props) {
  const { session, active, nav } = props;
  const state = useSessionState(session);
  const { columns, rows } = useTerminalSize();
  const [projectId, setProjectId] = useState6(props.projectId);
  const data = state.phase === "ready" ? state.data : null;
  const status = data?.statusById.get(projectId);
  const lines = useMemo2(() => {
    if (!data || !status) return [];
    const decisions = data.ledgerToday.filter((e) => e.project === projectId);
    return projectLines(status, decisions, data.register.meta.moneyUnit, data.assessment.timeProgress, columns - 1);
  }, [data, status, projectId, columns]);
  const height = bodyHeight(rows);
  const siblings = props.siblings ?? [];
  const at = siblings.indexOf(projectId);
  const { offset, setOffset } = useScroll({
    context: "project",
    lineCount: lines.length,
    height,
    isActive: active,
    onCommand: (command) => {
      if (command === "app.back") return nav.pop();
      if (command === "app.help") return nav.push({ screen: "help", context: "project" });
      const step = command === "project.next" ? 1 : command === "project.prev" ? -1 : 0;
      const next = siblings[at + step];
      if (step !== 0 && next !== void 0) {
        setProjectId(next);
        setOffset(0);
      }
    }
  });
  return /* @__PURE__ */ jsx8(
    Screen,
    {
      title: status ? `\u9879\u76EE\u8BE6\u60C5 ${status.project.id}` : "\u9879\u76EE\u8BE6\u60C5",
      rightText: siblings.length > 0 && at >= 0 ? `${at + 1}/${siblings.length}` : "",
      context: "project",
      hints: ["nav.down", "nav.pageDown", "project.next", "project.prev", "app.back", "app.help"],
      children: status ? /* @__PURE__ */ jsx8(LinesView, { lines, offset, height, width: columns }) : /* @__PURE__ */ jsx8(Text7, { children: state.phase === "loading" ? " \u6B63\u5728\u8BFB\u53D6\u53F0\u8D26 \u2026" : ` \u627E\u4E0D\u5230\u9879\u76EE ${projectId}` })
    }
  );
}

// src/ui/screens/meeting/meeting-screen.tsx
import { Text as Text8, useInput as useInput6 } from "ink";
import { jsx as jsx9 } from "react/jsx-runtime";
function MeetingScreen(props) {
  useInput6((input, key) => {
    if (matches("app.back", input, key)) props.nav.pop();
  }, { isActive: props.active });
  return /* @__PURE__ */ jsx9(Screen, { title: "\u8C03\u5EA6\u4F1A", context: "meeting", children: /* @__PURE__ */ jsx9(Text8, { children: "\u5EFA\u8BBE\u4E2D" }) });
}

// src/ui/screens/ledger.tsx
import { Text as Text9, useInput as useInput7 } from "ink";
import { jsx as jsx10 } from "react/jsx-runtime";
function LedgerScreen(props) {
  useInput7((input, key) => {
    if (matches("app.back", input, key)) props.nav.pop();
  }, { isActive: props.active });
  return /* @__PURE__ */ jsx10(Screen, { title: "\u7763\u529E", context: "ledger", children: /* @__PURE__ */ jsx10(Text9, { children: "\u5EFA\u8BBE\u4E2D" }) });
}

// src/ui/screens/briefings.tsx
import { Text as Text10, useInput as useInput8 } from "ink";
import { jsx as jsx11 } from "react/jsx-runtime";
function BriefingsScreen(props) {
  useInput8((input, key) => {
    if (matches("app.back", input, key)) props.nav.pop();
  }, { isActive: props.active });
  return /* @__PURE__ */ jsx11(Screen, { title: "\u7B80\u62A5", context: "briefings", children: /* @__PURE__ */ jsx11(Text10, { children: "\u5EFA\u8BBE\u4E2D" }) });
}

// src/ui/screens/settings.tsx
import { Text as Text11, useInput as useInput9 } from "ink";
import { jsx as jsx12 } from "react/jsx-runtime";
function SettingsScreen(props) {
  useInput9((input, key) => {
    if (matches("app.back", input, key)) props.nav.pop();
  }, { isActive: props.active });
  return /* @__PURE__ */ jsx12(Screen, { title: "\u8BBE\u7F6E", context: "settings", children: /* @__PURE__ */ jsx12(Text11, { children: "\u5EFA\u8BBE\u4E2D" }) });
}

// src/ui/screens/help.tsx
import { useMemo as useMemo3 } from "react";
import { jsx as jsx13 } from "react/jsx-runtime";
function helpLines(context) {
  const out = [{ text: `\u5728\u201C${CONTEXTS[context].title}\u201D\u4E2D\u53EF\u7528\u7684\u6309\u952E\uFF1A`, bold: true }];
  let group = "";
  for (const b of keysFor(context)) {
    const g = b.command.split(".")[0] ?? "";
    if (g !== group) {
      group = g;
      out.push({ text: "" });
      out.push({ text: COMMAND_GROUPS[g] ?? g, bold: true });
    }
    out.push({ text: `  ${fitToWidth(b.labels.join(" / "), 22)} ${b.description}` });
  }
  return out;
}
function HelpScreen(props) {
  const { active, nav } = props;
  const { columns, rows } = useTerminalSize();
  const lines = useMemo3(() => helpLines(props.context), [props.context]);
  const height = bodyHeight(rows);
  const { offset } = useScroll({
    context: "help",
    lineCount: lines.length,
    height,
    isActive: active,
    onCommand: (command) => {
      if (command === "app.back" || command === "app.help") nav.pop();
    }
  });
  return /* @__PURE__ */ jsx13(Screen, { title: "\u5E2E\u52A9", context: "help", hints: ["nav.down", "nav.pageDown", "app.back", "app.quit"], children: /* @__PURE__ */ jsx13(LinesView, { lines, offset, height, width: columns }) });
}

// src/ui/app.tsx
import { jsx as jsx14 } from "react/jsx-runtime";
function RouteView(props) {
  const { route, ...common } = props;
  switch (route.screen) {
    case "home":
      return /* @__PURE__ */ jsx14(HomeScreen, { ...common });
    case "projects":
      return /* @__PURE__ */ jsx14(ProjectsScreen, { ...common });
    case "project":
      return /* @__PURE__ */ jsx14(ProjectScreen, { ...common, projectId: route.projectId, siblings: route.siblings });
    case "meeting":
      return /* @__PURE__ */ jsx14(MeetingScreen, { ...common });
    case "ledger":
      return /* @__PURE__ */ jsx14(LedgerScreen, { ...common });
    case "briefings":
      return /* @__PURE__ */ jsx14(BriefingsScreen, { ...common, meetingFile: route.meetingFile });
    case "settings":
      return /* @__PURE__ */ jsx14(SettingsScreen, { ...common });
    case "help":
      return /* @__PURE__ */ jsx14(HelpScreen, { ...common, context: route.context });
  }
}
function App(props) {
  const { session } = props;
  const { exit } = useApp();
  const [nav, dispatch] = useReducer(reduceNav, props.initialRoutes ?? [{ screen: "home" }], initialNav);
  const state = useSessionState(session);
  useEffect3(() => {
    if (state.phase !== "loading") return;
    const timer = setTimeout(() => session.load(), 0);
    return () => clearTimeout(timer);
  }, [session, state.phase]);
  const latest = useLatest(props);
  const quit = useCallback7(() => {
    latest.current.onQuit?.();
    exit();
  }, [exit, latest]);
  const navigator = useMemo4(
    () => ({
      push: (route) => dispatch({ type: "push", route }),
      pop: () => dispatch({ type: "pop" }),
      replace: (route) => dispatch({ type: "replace", route }),
      home: () => dispatch({ type: "home" }),
      quit
    }),
    [quit]
  );
  const onKey = useCallback7(
    (input, key) => {
      if (matches("app.quit", input, key)) quit();
    },
    [quit]
  );
  useInput10(onKey);
  const top = nav.stack.length - 1;
  return /* @__PURE__ */ jsx14(TerminalSizeProvider, { fixed: props.size, children: nav.stack.map((entry, i) => /* @__PURE__ */ jsx14(Box6, { display: i === top ? "flex" : "none", flexDirection: "column", children: /* @__PURE__ */ jsx14(RouteView, { route: entry.route, session, active: i === top, nav: navigator }) }, entry.key)) });
}

// src/store/register-file.ts
import { readdirSync, statSync as statSync2 } from "node:fs";
import { join, resolve } from "node:path";
import { isScalar as isScalar4 } from "yaml";

// src/store/yaml-source.ts
import { readFileSync, statSync } from "node:fs";
import { LineCounter, isAlias, isMap as isMap3, isScalar as isScalar3, isSeq as isSeq3, parseDocument as parseDocument3, visit } from "yaml";
var MAX_FILE_BYTES = 20 * 1024 * 1024;
var MAX_COLLECTION_ALIASES = 100;
var MAX_DIAGNOSTICS_PER_FILE = 200;
var MB = 1024 * 1024;
var DiagnosticSink = class {
  errors = [];
  warnings = [];
  fileOrder = /* @__PURE__ */ new Map();
  errorCounts = /* @__PURE__ */ new Map();
  warningCounts = /* @__PURE__ */ new Map();
  /** Declares the order files are reported in (first declared first). */
  beginFile(file) {
    if (!this.fileOrder.has(file)) this.fileOrder.set(file, this.fileOrder.size);
  }
  add(d) {
    this.beginFile(d.file);
    const list = d.severity === "error" ? this.errors : this.warnings;
    const counts = d.severity === "error" ? this.errorCounts : this.warningCounts;
    const n = (counts.get(d.file) ?? 0) + 1;
    counts.set(d.file, n);
    if (n <= MAX_DIAGNOSTICS_PER_FILE) list.push(d);
  }
  /** The listed diagnostics of one severity, sorted, plus a note per file on how many were left out. */
  finalList(list, counts) {
    const out = this.sorted(list);
    for (const [file, n] of counts) {
      if (n > MAX_DIAGNOSTICS_PER_FILE) {
        const last = [...out].reverse().find((d) => d.file === file);
        const severity = list[0]?.severity ?? "error";
        const at = out.lastIndexOf(last) + 1;
        out.splice(at, 0, {
          severity,
          file,
          line: last?.line ?? 1,
          column: last?.column ?? 1,
          message: `\u53E6\u6709 ${n - MAX_DIAGNOSTICS_PER_FILE} \u6761${severity === "error" ? "\u9519\u8BEF" : "\u8B66\u544A"}\u672A\u5217\u51FA\uFF08\u6BCF\u4E2A\u6587\u4EF6\u6700\u591A\u5217\u51FA ${MAX_DIAGNOSTICS_PER_FILE} \u6761\uFF09\u3002`
        });
      }
    }
    return out;
  }
  error(file, line, column, message) {
    this.add({ severity: "error", file, line, column, message });
  }
  warning(file, line, column, message) {
    this.add({ severity: "warning", file, line, column, message });
  }
  get hasErrors() {
    return this.errors.length > 0;
  }
  sorted(list) {
    const order = (f) => this.fileOrder.get(f) ?? Number.MAX_SAFE_INTEGER;
    return list.map((d, i) => ({ d, i })).sort(
      (a, b) => order(a.d.file) - order(b.d.file) || a.d.line - b.d.line || a.d.column - b.d.column || a.i - b.i
    ).map((x) => x.d);
  }
  /** Throws one InputError holding every error, sorted by position, when there is any. */
  throwIfErrors() {
    if (this.errors.length > 0) throw new InputError(this.finalList(this.errors, this.errorCounts));
  }
  sortedWarnings() {
    return this.finalList(this.warnings, this.warningCounts);
  }
};
function fail(file, message, line = 1, column = 1) {
  throw new InputError([{ severity: "error", file, line, column, message }]);
}
function formatMb(bytes) {
  return `${(bytes / MB).toFixed(1)} MB`;
}
function readYamlText(file) {
  let size;
  try {
    const st = statSync(file);
    if (st.isDirectory()) fail(file, "\u8FD9\u662F\u4E00\u4E2A\u6587\u4EF6\u5939\uFF0C\u4E0D\u662F YAML \u6587\u4EF6\u3002");
    if (!st.isFile()) fail(file, "\u8FD9\u4E0D\u662F\u666E\u901A\u6587\u4EF6\uFF0C\u65E0\u6CD5\u4F5C\u4E3A YAML \u6587\u4EF6\u8BFB\u53D6\u3002");
    size = st.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    fail(file, describeIoError(e, "\u627E\u4E0D\u5230\u6587\u4EF6"));
  }
  if (size > MAX_FILE_BYTES) {
    fail(
      file,
      `\u6587\u4EF6\u8FC7\u5927\uFF08${formatMb(size)}\uFF09\uFF0C\u8D85\u8FC7 ${formatMb(MAX_FILE_BYTES)} \u7684\u4E0A\u9650\uFF1B\u8BF7\u786E\u8BA4\u9009\u7684\u662F\u53F0\u8D26\u6216\u4F1A\u8BAE\u8BB0\u5F55\u6587\u4EF6\u3002`
    );
  }
  let bytes;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    fail(file, describeIoError(e, "\u65E0\u6CD5\u8BFB\u53D6\u6587\u4EF6"));
  }
  if (bytes.length > MAX_FILE_BYTES) {
    fail(file, `\u6587\u4EF6\u8FC7\u5927\uFF08${formatMb(bytes.length)}\uFF09\uFF0C\u8D85\u8FC7 ${formatMb(MAX_FILE_BYTES)} \u7684\u4E0A\u9650\u3002`);
  }
  return decodeYamlBytes(bytes, file);
}
function describeIoError(e, fallback) {
  const code = e?.code;
  switch (code) {
    case "ENOENT":
      return `${fallback}\uFF1A\u8DEF\u5F84\u4E0D\u5B58\u5728\u3002`;
    case "EACCES":
    case "EPERM":
      return `${fallback}\uFF1A\u6CA1\u6709\u8BFB\u53D6\u6743\u9650\u3002`;
    case "ENOTDIR":
      return `${fallback}\uFF1A\u8DEF\u5F84\u4E2D\u6709\u4E00\u6BB5\u4E0D\u662F\u6587\u4EF6\u5939\u3002`;
    case "EISDIR":
      return "\u8FD9\u662F\u4E00\u4E2A\u6587\u4EF6\u5939\uFF0C\u4E0D\u662F YAML \u6587\u4EF6\u3002";
    default:
      return `${fallback}${typeof code === "string" ? `\uFF08${code}\uFF09` : ""}\u3002`;
  }
}
var utf8 = new TextDecoder("utf-8", { fatal: true });
function decodeYamlBytes(bytes, file) {
  if (bytes.length >= 2 && (bytes[0] === 255 && bytes[1] === 254 || bytes[0] === 254 && bytes[1] === 255)) {
    fail(file, "\u6587\u4EF6\u662F UTF-16 \u7F16\u7801\uFF1B\u8BF7\u53E6\u5B58\u4E3A UTF-8 \u7F16\u7801\u540E\u518D\u6253\u5F00\u3002");
  }
  let text;
  try {
    text = utf8.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const prefix = new TextDecoder("utf-8").decode(bytes.subarray(0, bad));
    const { line, column } = textPosition(prefix, prefix.length);
    fail(
      file,
      `\u6587\u4EF6\u4E0D\u662F\u6709\u6548\u7684 UTF-8 \u6587\u672C\uFF08\u7B2C ${bad + 1} \u5B57\u8282\u65E0\u6CD5\u89E3\u7801\uFF09\uFF0C\u53EF\u80FD\u662F GBK/GB2312 \u7F16\u7801\u6216\u4E8C\u8FDB\u5236\u6587\u4EF6\uFF1B\u8BF7\u7528 UTF-8 \u7F16\u7801\u53E6\u5B58\u3002`,
      line,
      column
    );
  }
  return text.charCodeAt(0) === 65279 ? text.slice(1) : text;
}
function firstInvalidUtf8(b) {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    let n = 0;
    let min = 0;
    if (c < 128) n = 0;
    else if (c >= 194 && c <= 223) n = 1;
    else if (c >= 224 && c <= 239) [n, min] = [2, 2048];
    else if (c >= 240 && c <= 244) [n, min] = [3, 65536];
    else return i;
    let cp = n === 0 ? c : c & 63 >> n;
    for (let k2 = 1; k2 <= n; k2++) {
      const cc = b[i + k2];
      if (cc === void 0 || (cc & 192) !== 128) return i;
      cp = cp << 6 | cc & 63;
    }
    if (n > 1 && (cp < min || cp > 1114111 || cp >= 55296 && cp <= 57343)) return i;
    i += n + 1;
  }
  return b.length;
}
function textPosition(text, offset) {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
var YAML_MESSAGES = {
  ALIAS_PROPS: "\u522B\u540D\uFF08*\u540D\u79F0\uFF09\u4E0D\u80FD\u5E26\u951A\u70B9\u6216\u6807\u7B7E",
  BAD_ALIAS: "\u522B\u540D\uFF08*\u540D\u79F0\uFF09\u5199\u6CD5\u4E0D\u6B63\u786E",
  BAD_DIRECTIVE: "\u6307\u4EE4\uFF08\u4EE5 % \u5F00\u5934\u7684\u884C\uFF09\u65E0\u6548",
  BAD_DQ_ESCAPE: "\u53CC\u5F15\u53F7\u5B57\u7B26\u4E32\u4E2D\u7684\u8F6C\u4E49\u5E8F\u5217\u65E0\u6548\uFF08\u53CD\u659C\u6760 \\ \u540E\u53EA\u80FD\u8DDF YAML \u5141\u8BB8\u7684\u5B57\u7B26\uFF1B\u5982\u9700\u53CD\u659C\u6760\u672C\u8EAB\u8BF7\u5199 \\\\ \u6216\u6539\u7528\u5355\u5F15\u53F7\uFF09",
  BAD_INDENT: "\u7F29\u8FDB\u4E0D\u6B63\u786E\uFF08\u540C\u4E00\u5C42\u7684\u952E\u5FC5\u987B\u5BF9\u9F50\uFF0C\u5B50\u9879\u8981\u6BD4\u4E0A\u4E00\u5C42\u591A\u7F29\u8FDB\uFF09",
  BAD_PROP_ORDER: "\u951A\u70B9\uFF08&\uFF09\u6216\u6807\u7B7E\uFF08!\uFF09\u7684\u4F4D\u7F6E\u4E0D\u6B63\u786E",
  BAD_SCALAR_START: "\u503C\u4E0D\u80FD\u4EE5\u8FD9\u4E2A\u5B57\u7B26\u5F00\u5934\uFF08\u5982 @ \u6216 `\uFF09\uFF1B\u8BF7\u7ED9\u6574\u4E2A\u503C\u52A0\u4E0A\u5F15\u53F7",
  BLOCK_AS_IMPLICIT_KEY: "\u540C\u4E00\u884C\u91CC\u4E0D\u80FD\u518D\u5D4C\u5957\u201C\u952E: \u503C\u201D\uFF1B\u503C\u4E2D\u542B\u6709\u201C: \u201D\u65F6\u8BF7\u7ED9\u503C\u52A0\u4E0A\u5F15\u53F7",
  BLOCK_IN_FLOW: "\u65B9\u62EC\u53F7 [ ] \u6216\u82B1\u62EC\u53F7 { } \u4E2D\u4E0D\u80FD\u4F7F\u7528\u5206\u884C\u7684\u5757\u7ED3\u6784",
  DUPLICATE_KEY: "\u952E\u91CD\u590D",
  KEY_OVER_1024_CHARS: "\u952E\u592A\u957F\uFF08\u8D85\u8FC7 1024 \u4E2A\u5B57\u7B26\uFF09",
  MISSING_CHAR: "\u7F3A\u5C11\u5FC5\u8981\u7684\u5B57\u7B26\uFF08\u5982\u5F15\u53F7\u3001\u9017\u53F7\u3001\u5192\u53F7\u6216\u53F3\u62EC\u53F7\uFF09",
  MULTILINE_IMPLICIT_KEY: "\u952E\u4E0D\u80FD\u8DE8\u884C\uFF1B\u662F\u5426\u6F0F\u5199\u4E86\u5192\u53F7\uFF0C\u6216\u503C\u4E2D\u542B\u6709\u201C: \u201D\u800C\u6CA1\u6709\u52A0\u5F15\u53F7\uFF1F",
  MULTIPLE_ANCHORS: "\u4E00\u4E2A\u8282\u70B9\u53EA\u80FD\u6709\u4E00\u4E2A\u951A\u70B9\uFF08&\uFF09",
  MULTIPLE_DOCS: "\u6587\u4EF6\u4E2D\u6709\u591A\u4E2A YAML \u6587\u6863\uFF08\u7528\u201C---\u201D\u5206\u9694\uFF09\uFF1B\u53EA\u5141\u8BB8\u4E00\u4E2A",
  MULTIPLE_TAGS: "\u4E00\u4E2A\u8282\u70B9\u53EA\u80FD\u6709\u4E00\u4E2A\u6807\u7B7E\uFF08!\uFF09",
  TAB_AS_INDENT: "\u4E0D\u80FD\u7528\u5236\u8868\u7B26\uFF08Tab\uFF09\u7F29\u8FDB\uFF0C\u8BF7\u6539\u7528\u7A7A\u683C",
  UNEXPECTED_TOKEN: "\u6B64\u5904\u51FA\u73B0\u4E86\u4E0D\u5E94\u6709\u7684\u5185\u5BB9",
  BAD_COLLECTION_TYPE: "\u96C6\u5408\u7C7B\u578B\u4E0D\u6B63\u786E",
  TAG_RESOLVE_FAILED: "\u65E0\u6CD5\u8BC6\u522B\u7684\u6807\u7B7E"
};
function yamlMessage(e) {
  const zh = YAML_MESSAGES[e.code] ?? "YAML \u8BED\u6CD5\u9519\u8BEF";
  return `YAML \u8BED\u6CD5\u9519\u8BEF\uFF1A${zh}\u3002\uFF08${e.message}\uFF09`;
}
function parseYamlText(text, file, sink) {
  sink.beginFile(file);
  if (text.charCodeAt(0) === 65279) text = text.slice(1);
  if (text.length > MAX_FILE_BYTES) {
    sink.error(file, 1, 1, `\u6587\u672C\u8FC7\u957F\uFF08${formatMb(text.length)}\uFF09\uFF0C\u8D85\u8FC7 ${formatMb(MAX_FILE_BYTES)} \u7684\u4E0A\u9650\u3002`);
    return void 0;
  }
  const nul = text.indexOf("\0");
  if (nul !== -1) {
    const { line, column } = textPosition(text, nul);
    sink.error(file, line, column, "\u6587\u4EF6\u542B\u6709\u4E8C\u8FDB\u5236\u6570\u636E\uFF08NUL \u5B57\u8282\uFF09\uFF0C\u4E0D\u662F YAML \u6587\u672C\u6587\u4EF6\u3002");
    return void 0;
  }
  const lineCounter = new LineCounter();
  let doc;
  try {
    doc = parseDocument3(text, {
      lineCounter,
      prettyErrors: false,
      uniqueKeys: false,
      // duplicates are reported by Fields, with the first occurrence named
      version: "1.2",
      schema: "core",
      // 2021-03-01 stays a string; dates are validated here
      merge: false,
      keepSourceTokens: false
    });
  } catch (e) {
    const deep = e instanceof RangeError;
    sink.error(
      file,
      1,
      1,
      deep ? "YAML \u5D4C\u5957\u5C42\u6B21\u8FC7\u6DF1\uFF0C\u65E0\u6CD5\u8BFB\u53D6\uFF1B\u53F0\u8D26\u548C\u4F1A\u8BAE\u8BB0\u5F55\u4E0D\u9700\u8981\u8FD9\u4E48\u591A\u5C42\u3002" : `\u65E0\u6CD5\u89E3\u6790 YAML\uFF1A${e instanceof Error ? e.message : String(e)}`
    );
    return void 0;
  }
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const { line, col } = lineCounter.linePos(e.pos[0]);
      sink.error(file, Math.max(1, line), Math.max(1, col), yamlMessage(e));
    }
    return void 0;
  }
  for (const w of doc.warnings) {
    const { line, col } = lineCounter.linePos(w.pos[0]);
    const msg = w.code === "TAG_RESOLVE_FAILED" ? `\u65E0\u6CD5\u8BC6\u522B\u7684\u6807\u7B7E\uFF0C\u5DF2\u6309\u666E\u901A\u503C\u8BFB\u53D6\u3002\uFF08${w.message}\uFF09` : yamlMessage(w);
    sink.warning(file, Math.max(1, line), Math.max(1, col), msg);
  }
  return { file, text, doc, lineCounter };
}
var NEEDS_SANITIZE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
function cleanText2(text, multiline = false) {
  return NEEDS_SANITIZE.test(text) ? sanitizeText(text, { multiline }) : text;
}
function describeNode(node) {
  if (isMap3(node)) return "\u6620\u5C04\uFF08\u952E: \u503C\uFF09";
  if (isSeq3(node)) return "\u5217\u8868";
  if (isScalar3(node)) {
    const v = node.value;
    if (v === null || v === void 0) return "\u7A7A\u503C";
    if (typeof v === "number") return `\u6570\u5B57 ${shortText(node.source ?? String(v))}`;
    if (typeof v === "boolean") return `\u5E03\u5C14\u503C ${String(v)}`;
    if (typeof v === "string") return `\u6587\u5B57\u201C${shortText(cleanText2(v))}\u201D`;
  }
  return "\u65E0\u6CD5\u8BC6\u522B\u7684\u503C";
}
function shortText(s, max = 40) {
  return s.length > max ? `${s.slice(0, max)}\u2026` : s;
}
var q = (s) => `\u201C${s}\u201D`;
function editDistance(a, b) {
  if (a === b) return 0;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d = new Array(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(
        d[(i - 1) * cols + j] + 1,
        d[i * cols + j - 1] + 1,
        d[(i - 1) * cols + j - 1] + cost
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, d[(i - 2) * cols + j - 2] + 1);
      }
      d[i * cols + j] = v;
    }
  }
  return d[rows * cols - 1];
}
var squash = (s) => s.toLowerCase().replace(/[-_\s]/g, "");
function suggestKey(key, spec) {
  const keys = Object.keys(spec);
  const sq = squash(key);
  const same = keys.find((k2) => squash(k2) === sq);
  if (same) return same;
  const trimmed = key.trim();
  if (trimmed) {
    const byLabel = keys.find(
      (k2) => (spec[k2] ?? "").split("/").some((label) => label && (label === trimmed || trimmed.length >= 2 && label.includes(trimmed)))
    );
    if (byLabel) return byLabel;
  }
  let best;
  let bestD = Infinity;
  for (const k2 of keys) {
    const d = editDistance(sq, squash(k2));
    if (d < bestD) [best, bestD] = [k2, d];
  }
  return best !== void 0 && bestD <= Math.max(1, Math.floor(best.length / 3)) ? best : void 0;
}
var FULLWIDTH = /[０-９，．－＋]/g;
var fromFullwidth = (s) => s.replace(FULLWIDTH, (ch2) => {
  if (ch2 === "\uFF0C") return ",";
  if (ch2 === "\uFF0E") return ".";
  if (ch2 === "\uFF0D") return "-";
  if (ch2 === "\uFF0B") return "+";
  return String.fromCharCode(ch2.charCodeAt(0) - 65248);
});
var NUMBER_TEXT = /^([+-]?)(\d+(?:,\d+)*)(?:\.(\d+))?([^\d.,+-]*)$/;
var THOUSANDS = /^\d{1,3}(?:,\d{3})+$/;
var AMOUNT_UNITS = { \u4E07\u5143: 0, \u4EBF\u5143: 4, \u5143: -4 };
function shiftDecimal(sign, int, frac, places) {
  const all = int + frac;
  const point = int.length + places;
  let s;
  if (point <= 0) s = `0.${"0".repeat(-point)}${all}`;
  else if (point >= all.length) s = all + "0".repeat(point - all.length);
  else s = `${all.slice(0, point)}.${all.slice(point)}`;
  return Number(sign + s);
}
function scaleNumber(n, places) {
  if (places === 0) return n;
  const s = String(Math.abs(n));
  if (s.includes("e")) return n * 10 ** places;
  const [int = "0", frac = ""] = s.split(".");
  return shiftDecimal(n < 0 ? "-" : "", int, frac, places);
}
function parseNumberText(raw) {
  const text = fromFullwidth(raw).replace(/[\s\u3000]/g, "");
  const m = NUMBER_TEXT.exec(text);
  if (!m) return { ok: false, reason: "format" };
  const [, sign = "", digits2 = "", frac = "", unit = ""] = m;
  const grouped = digits2.includes(",");
  if (grouped && !THOUSANDS.test(digits2)) return { ok: false, reason: "grouping" };
  return {
    ok: true,
    sign,
    int: digits2.replace(/,/g, ""),
    frac,
    unit: unit ? normalizeEnumText(unit) : "",
    grouped,
    normalized: text !== raw.trim()
  };
}
var DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
var isLeap = (y) => y % 4 === 0 && y % 100 !== 0 || y % 400 === 0;
var daysInMonth2 = (y, m) => m === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m - 1];
var STRICT_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
var LOOSE_DATE = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$|^(\d{4})年(\d{1,2})月(\d{1,2})日?$/;
function readDateText(raw) {
  const text = fromFullwidth(raw.trim());
  let y, mo, d;
  let loose = false;
  const strict = STRICT_DATE.exec(text);
  if (strict) {
    [y, mo, d] = [Number(strict[1]), Number(strict[2]), Number(strict[3])];
  } else {
    const m = LOOSE_DATE.exec(text.replace(/\s+/g, ""));
    if (!m) return { ok: false, message: "\u4E0D\u662F\u65E5\u671F\uFF1B\u5E94\u5199\u4F5C YYYY-MM-DD\uFF0C\u4F8B\u5982 2021-03-01" };
    loose = true;
    if (m[1] !== void 0) [y, mo, d] = [Number(m[1]), Number(m[3]), Number(m[4])];
    else [y, mo, d] = [Number(m[5]), Number(m[6]), Number(m[7])];
  }
  if (y < 1900 || y > 2200) return { ok: false, message: `\u4E0D\u662F\u6709\u6548\u65E5\u671F\uFF1A\u5E74\u4EFD ${y} \u8D85\u51FA 1900\u20132200 \u5E74` };
  if (mo < 1 || mo > 12) return { ok: false, message: `\u4E0D\u662F\u6709\u6548\u65E5\u671F\uFF1A\u6708\u4EFD ${mo} \u4E0D\u5B58\u5728\uFF0C\u5E94\u4E3A 1\u201312` };
  const dim = daysInMonth2(y, mo);
  if (d < 1 || d > dim) return { ok: false, message: `\u4E0D\u662F\u6709\u6548\u65E5\u671F\uFF1A${y}\u5E74${mo}\u6708\u53EA\u6709${dim}\u5929` };
  const iso = `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  return { ok: true, date: iso, loose };
}
var YamlSource = class {
  constructor(parsed, sink) {
    this.sink = sink;
    this.file = parsed.file;
    this.doc = parsed.doc;
    this.lineCounter = parsed.lineCounter;
  }
  sink;
  file;
  doc;
  lineCounter;
  anchors;
  collectionAliases = 0;
  aliasBombReported = false;
  offsetOf(at) {
    if (typeof at === "number") return at;
    if (!at) return 0;
    if ("key" in at && "value" in at && !("range" in at)) {
      const k2 = at.key;
      if (k2 && k2.range) return k2.range[0];
      const v = at.value;
      return v?.range?.[0] ?? 0;
    }
    return at.range?.[0] ?? 0;
  }
  pos(at) {
    const { line, col } = this.lineCounter.linePos(this.offsetOf(at));
    return { file: this.file, line: Math.max(1, line), column: Math.max(1, col) };
  }
  error(at, message) {
    const p = this.pos(at);
    this.sink.error(this.file, p.line, p.column, message);
  }
  warning(at, message) {
    const p = this.pos(at);
    this.sink.warning(this.file, p.line, p.column, message);
  }
  /** `file:line` of a node, for messages that name another place. */
  where(at, fromFile) {
    const p = this.pos(at);
    return fromFile === this.file ? `\u7B2C ${p.line} \u884C` : `${this.file}:${p.line}:${p.column}`;
  }
  /** The document's top-level node (null for an empty document). */
  root() {
    return this.resolve(this.doc.contents);
  }
  /**
   * Follows an alias to its anchored node. Unknown anchors and too many expansions of collections
   * are errors (null is returned).
   */
  resolve(node) {
    if (!isAlias(node)) return node ?? null;
    if (!this.anchors) {
      const anchors = [];
      visit(this.doc, {
        Node: (_k, n) => {
          const anchor = n.anchor;
          if (anchor && !isAlias(n)) anchors.push({ name: anchor, offset: n.range?.[0] ?? 0, node: n });
        }
      });
      this.anchors = anchors;
    }
    const at = node.range?.[0] ?? 0;
    let found;
    for (const a of this.anchors) {
      if (a.offset >= at) break;
      if (a.name === node.source) found = a.node;
    }
    if (!found) {
      this.error(node, `\u522B\u540D *${node.source} \u5F15\u7528\u7684\u951A\u70B9 &${node.source} \u4E0D\u5B58\u5728\uFF08\u951A\u70B9\u5FC5\u987B\u5199\u5728\u522B\u540D\u4E4B\u524D\uFF09\u3002`);
      return null;
    }
    if (isMap3(found) || isSeq3(found)) {
      this.collectionAliases++;
      if (this.collectionAliases > MAX_COLLECTION_ALIASES) {
        if (!this.aliasBombReported) {
          this.aliasBombReported = true;
          this.error(
            node,
            `\u522B\u540D\uFF08*\u540D\u79F0\uFF09\u5C55\u5F00\u6B21\u6570\u8FC7\u591A\uFF08\u8D85\u8FC7 ${MAX_COLLECTION_ALIASES} \u6B21\uFF09\uFF0C\u7591\u4E3A\u6076\u610F\u6784\u9020\u7684\u6587\u4EF6\uFF1B\u8BF7\u76F4\u63A5\u5199\u51FA\u5185\u5BB9\u3002`
          );
        }
        return null;
      }
    }
    return found;
  }
  /**
   * A mapping's fields, or undefined (with an error) when `node` is not a mapping.
   * `what` names it in messages (“项目”、“register”).
   */
  fields(node, at, what, spec) {
    const resolved = this.resolve(node);
    if (!isMap3(resolved)) {
      if (isAlias(node) && resolved === null) return void 0;
      this.error(
        at ?? node,
        `${what}\u5E94\u4E3A\u6620\u5C04\uFF08\u952E: \u503C\uFF09\uFF0C\u5B9E\u9645\u662F${describeNode(resolved)}\u3002${colonHint(resolved)}`
      );
      return void 0;
    }
    const reportAt = isAlias(node) ? node : isAlias(at) ? at : resolved;
    return new Fields(this, resolved, reportAt, what, spec);
  }
  /**
   * The items of a list (aliases resolved), or undefined with an error for another kind of value.
   * Each item comes with the node to report positions at.
   */
  items(node, at, what) {
    const resolved = this.resolve(node);
    if (resolved === null && isAlias(node)) return void 0;
    if (!isSeq3(resolved)) {
      this.error(at ?? node, `${what}\u5E94\u4E3A\u5217\u8868\uFF08\u6BCF\u9879\u4EE5\u201C- \u201D\u5F00\u5934\uFF09\uFF0C\u5B9E\u9645\u662F${describeNode(resolved)}\u3002`);
      return void 0;
    }
    const out = [];
    for (const item of resolved.items) {
      if (isAlias(item)) {
        const r = this.resolve(item);
        if (r !== null) out.push({ node: r, at: item });
      } else {
        out.push({ node: item, at: item ?? resolved });
      }
    }
    return out;
  }
};
function colonHint(node) {
  if (isScalar3(node) && typeof node.value === "string") {
    if (node.value.includes("\uFF1A")) return "\u662F\u5426\u7528\u4E86\u5168\u89D2\u5192\u53F7\u201C\uFF1A\u201D\uFF1F\u952E\u540E\u5E94\u4E3A\u534A\u89D2\u5192\u53F7\u52A0\u7A7A\u683C\u201C: \u201D\u3002";
    if (/^[^\s:]+:\S/.test(node.value)) return "\u662F\u5426\u5728\u5192\u53F7\u540E\u6F0F\u4E86\u7A7A\u683C\uFF1F\u952E\u540E\u5E94\u4E3A\u201C: \u201D\u3002";
  }
  return "";
}
var Fields = class {
  constructor(src, map, at, what, spec) {
    this.src = src;
    this.map = map;
    this.at = at;
    this.spec = spec;
    this.what = what;
    this.viaAlias = at !== map;
    for (const pair of map.items) {
      const keyNode = pair.key;
      let key;
      if (isScalar3(keyNode)) {
        const v = keyNode.value;
        key = typeof v === "string" ? v : keyNode.source ?? String(v);
      }
      if (key === void 0) {
        src.error(
          this.place(pair),
          `\u952E\u5E94\u4E3A\u6587\u5B57\uFF0C\u5B9E\u9645\u662F${describeNode(keyNode)}\u3002\u5141\u8BB8\u7684\u952E\uFF1A${Object.keys(spec).join("\u3001")}\u3002`
        );
        continue;
      }
      if (!Object.hasOwn(spec, key)) {
        const hint = suggestKey(key, spec);
        src.error(
          this.place(pair),
          `${what}\u4E2D\u6709\u672A\u77E5\u7684\u952E${q(cleanText2(key))}\uFF1B${hint ? `\u662F\u5426\u6307${q(hint)}\uFF08${spec[hint]}\uFF09\uFF1F` : ""}\u5141\u8BB8\u7684\u952E\uFF1A${Object.keys(spec).join("\u3001")}\u3002`
        );
        continue;
      }
      const first = this.pairs.get(key);
      if (first) {
        src.error(
          this.place(pair),
          `\u952E${q(key)}\u91CD\u590D\uFF08${src.where(first, src.file)}\u5DF2\u6709\uFF09\uFF1B\u540C\u4E00\u5C42\u4E2D\u6BCF\u4E2A\u952E\u53EA\u80FD\u51FA\u73B0\u4E00\u6B21\u3002`
        );
        continue;
      }
      this.pairs.set(key, pair);
    }
  }
  src;
  map;
  at;
  spec;
  pairs = /* @__PURE__ */ new Map();
  /** how the mapping is named in "缺少" messages; callers may refine it (项目“PL-001”) */
  what;
  viaAlias;
  /** Inside a mapping reached through an alias, everything is reported where the alias is used. */
  place(at) {
    return this.viaAlias ? this.at : at;
  }
  has(key) {
    return this.pairs.has(key);
  }
  pair(key) {
    return this.pairs.get(key);
  }
  /** Where a field's value is (its key when the value is empty or missing, the mapping when absent). */
  valueAt(key) {
    const pair = this.pairs.get(key);
    if (!pair || this.viaAlias) return this.at;
    const v = pair.value;
    if (v && v.range && v.range[1] > v.range[0]) return v;
    return pair;
  }
  /** The field's value node, aliases resolved; null for an absent or empty (`key:` / `~`) value. */
  node(key, opts = {}) {
    const pair = this.pairs.get(key);
    if (!pair) {
      if (opts.required) this.missing(key);
      return null;
    }
    const raw = pair.value;
    const node = this.src.resolve(raw);
    if (node === null || isScalar3(node) && (node.value === null || node.value === void 0)) {
      if (opts.required && !(isAlias(raw) && node === null)) {
        this.src.error(this.place(pair), `${q(key)}\uFF08${this.label(key)}\uFF09\u4E0D\u80FD\u4E3A\u7A7A\u3002`);
      }
      return null;
    }
    return node;
  }
  label(key) {
    return this.spec[key] ?? key;
  }
  missing(key) {
    this.src.error(this.at, `${this.what}\u7F3A\u5C11\u5FC5\u586B\u7684${q(key)}\uFF08${this.label(key)}\uFF09\u3002`);
  }
  wrongType(key, expected, node) {
    this.src.error(this.valueAt(key), `${q(key)} \u7684\u503C\u5E94\u4E3A${expected}\uFF0C\u5B9E\u9645\u662F${describeNode(node)}\u3002`);
  }
  /** Text; numbers and booleans are read as written (`id: 001` → "001"). Sanitized. */
  str(key, opts = {}) {
    const node = this.node(key, opts);
    if (node === null) return void 0;
    if (!isScalar3(node)) {
      this.wrongType(key, "\u6587\u5B57", node);
      return void 0;
    }
    const v = node.value;
    let s = typeof v === "string" ? v : node.source ?? String(v);
    s = cleanText2(s, opts.multiline);
    s = opts.multiline ? s.replace(/^\s+|\s+$/g, "") : s.trim();
    if (s === "") {
      if (opts.required)
        this.src.error(this.place(this.pairs.get(key)), `${q(key)}\uFF08${this.label(key)}\uFF09\u4E0D\u80FD\u4E3A\u7A7A\u3002`);
      return void 0;
    }
    return s;
  }
  /** One of `allowed`, traditional characters accepted (續建 → 续建). */
  enumOf(key, allowed, noun, opts = {}) {
    const node = this.node(key, opts);
    if (node === null) return void 0;
    if (!isScalar3(node)) {
      this.wrongType(key, `${noun}\uFF08${allowed.join("\u3001")} \u4E4B\u4E00\uFF09`, node);
      return void 0;
    }
    const raw = cleanText2(typeof node.value === "string" ? node.value : node.source ?? String(node.value));
    const value = canonicalEnum(raw, allowed);
    if (value !== void 0) return value;
    const normalized = normalizeEnumText(raw);
    const near = allowed.filter((a) => normalized.includes(a));
    const hint = opts.explain?.(normalized) ?? (near.length === 1 ? `\u662F\u5426\u6307${q(near[0])}\uFF1F` : "");
    this.src.error(
      this.valueAt(key),
      `${q(key)} \u7684\u503C${q(shortText(raw.trim()))}\u4E0D\u662F\u5141\u8BB8\u7684${noun}\uFF1B${hint}\u5E94\u4E3A ${allowed.join("\u3001")} \u4E4B\u4E00\u3002`
    );
    return void 0;
  }
  /** A date that exists, as YYYY-MM-DD. Other unambiguous spellings are accepted with a warning. */
  date(key, opts = {}) {
    const node = this.node(key, opts);
    if (node === null) return void 0;
    if (!isScalar3(node)) {
      this.wrongType(key, "\u65E5\u671F\uFF08YYYY-MM-DD\uFF09", node);
      return void 0;
    }
    if (typeof node.value !== "string") {
      this.src.error(
        this.valueAt(key),
        `${q(key)} \u7684\u503C${q(node.source ?? String(node.value))}\u4E0D\u662F\u65E5\u671F\uFF1B\u5E94\u5199\u4F5C YYYY-MM-DD\uFF0C\u4F8B\u5982 2021-03-01\u3002`
      );
      return void 0;
    }
    const raw = cleanText2(node.value);
    const r = readDateText(raw);
    if (!r.ok) {
      this.src.error(this.valueAt(key), `${q(key)} \u7684\u503C${q(shortText(raw))}${r.message}\u3002`);
      return void 0;
    }
    if (r.loose) {
      this.src.warning(this.valueAt(key), `${q(key)} \u7684\u65E5\u671F${q(raw)}\u6309 ${r.date} \u8BFB\u53D6\uFF1B\u8BF7\u5199\u4F5C YYYY-MM-DD\u3002`);
    }
    return r.date;
  }
  /** true / false. */
  bool(key, opts = {}) {
    const node = this.node(key, opts);
    if (node === null) return void 0;
    if (isScalar3(node) && typeof node.value === "boolean") return node.value;
    if (isScalar3(node) && typeof node.value === "string") {
      const t = node.value.trim().toLowerCase();
      if (t === "true" || t === "false") return t === "true";
    }
    this.wrongType(key, "\u5E03\u5C14\u503C true \u6216 false", node);
    return void 0;
  }
  /** A plain number (no unit). Quoted or comma-grouped numbers are read with a warning. */
  number(key, opts = {}) {
    const node = this.node(key, opts);
    if (node === null) return void 0;
    const noun = opts.noun ?? (opts.integer ? "\u6574\u6570" : "\u6570\u5B57");
    if (!isScalar3(node)) {
      this.wrongType(key, noun, node);
      return void 0;
    }
    let value;
    const at = this.valueAt(key);
    if (typeof node.value === "number") {
      value = node.value;
    } else if (typeof node.value === "string") {
      const raw = cleanText2(node.value);
      const t = parseNumberText(raw);
      if (!t.ok || t.unit !== "") {
        this.src.error(
          at,
          t.ok ? `${q(key)} \u7684\u503C${q(shortText(raw))}\u4E0D\u5E94\u5E26\u5355\u4F4D\u201C${t.unit}\u201D\uFF1B\u5E94\u4E3A${noun}\uFF0C\u4F8B\u5982 ${opts.integer ? "30" : "10"}\u3002` : t.reason === "grouping" ? `${q(key)} \u7684\u503C${q(shortText(raw))}\u65E0\u6CD5\u786E\u5B9A\u662F\u591A\u5C11\uFF1A\u5343\u5206\u4F4D\u9017\u53F7\u7684\u4F4D\u7F6E\u4E0D\u5BF9\uFF1B\u8BF7\u76F4\u63A5\u5199\u6570\u5B57\u3002` : `${q(key)} \u7684\u503C${q(shortText(raw))}\u4E0D\u662F${noun}\u3002`
        );
        return void 0;
      }
      value = Number(`${t.sign}${t.int}${t.frac ? `.${t.frac}` : ""}`);
      this.src.warning(at, `${q(key)} \u7684\u503C\u5199\u6210\u4E86\u6587\u5B57${q(raw)}\uFF0C\u6309\u6570\u5B57 ${value} \u8BFB\u53D6\u3002`);
    } else {
      this.wrongType(key, noun, node);
      return void 0;
    }
    return this.checkRange(key, at, value, opts, noun);
  }
  checkRange(key, at, value, opts, noun) {
    if (!Number.isFinite(value)) {
      this.src.error(at, `${q(key)} \u7684\u503C\u5E94\u4E3A\u6709\u9650\u7684${noun}\uFF0C\u4E0D\u80FD\u662F\u65E0\u7A77\u5927\u6216 NaN\u3002`);
      return void 0;
    }
    if (opts.integer && !Number.isInteger(value)) {
      this.src.error(at, `${q(key)} \u7684\u503C ${value} \u5E94\u4E3A\u6574\u6570\u3002`);
      return void 0;
    }
    const min = opts.min ?? 0;
    if (value < min) {
      this.src.error(
        at,
        min === 0 ? `${q(key)} \u7684\u503C ${value} \u4E0D\u80FD\u4E3A\u8D1F\u6570\u3002` : `${q(key)} \u7684\u503C ${value} \u5E94\u4E0D\u5C0F\u4E8E ${min}\u3002`
      );
      return void 0;
    }
    if (opts.max !== void 0 && value > opts.max) {
      this.src.error(at, `${q(key)} \u7684\u503C ${value} \u5E94\u4E0D\u5927\u4E8E ${opts.max}\u3002`);
      return void 0;
    }
    return value;
  }
  /**
   * A money amount ≥ 0, returned in 万元. A bare number is in the file's `unit`; text such as
   * "1,200", "1200万元" or "2.77亿元" is read when unambiguous, with a warning saying how.
   */
  amount(key, unit, opts = {}) {
    const node = this.node(key, opts);
    if (node === null) return void 0;
    const noun = `\u91D1\u989D\uFF08\u5355\u4F4D\uFF1A${unit}\uFF09`;
    if (!isScalar3(node)) {
      this.wrongType(key, noun, node);
      return void 0;
    }
    const at = this.valueAt(key);
    const fileShift = AMOUNT_UNITS[unit] ?? 0;
    if (typeof node.value === "number") {
      const v = node.value;
      if (!Number.isFinite(v)) return this.checkRange(key, at, v, {}, noun);
      if (v < 0) return this.checkRange(key, at, v, {}, noun);
      return scaleNumber(v, fileShift);
    }
    if (typeof node.value !== "string") {
      this.wrongType(key, noun, node);
      return void 0;
    }
    const raw = cleanText2(node.value);
    const t = parseNumberText(raw);
    if (!t.ok) {
      this.src.error(
        at,
        t.reason === "grouping" ? `${q(key)} \u7684\u503C${q(shortText(raw))}\u65E0\u6CD5\u786E\u5B9A\u662F\u591A\u5C11\uFF1A\u5343\u5206\u4F4D\u9017\u53F7\u7684\u4F4D\u7F6E\u4E0D\u5BF9\uFF08\u5E94\u6BCF\u4E09\u4F4D\u4E00\u4E2A\u9017\u53F7\uFF0C\u5982 1,200\uFF09\uFF1B\u8BF7\u76F4\u63A5\u5199\u6570\u5B57\uFF0C\u4F8B\u5982 1200\u3002` : `${q(key)} \u7684\u503C${q(shortText(raw))}\u4E0D\u662F\u91D1\u989D\uFF1B\u5E94\u4E3A\u6570\u5B57\uFF08\u5355\u4F4D\uFF1A${unit}\uFF09\uFF0C\u4F8B\u5982 1200\uFF0C\u4E5F\u53EF\u5199\u201C1200\u4E07\u5143\u201D\u6216\u201C2.77\u4EBF\u5143\u201D\u3002`
      );
      return void 0;
    }
    let shift;
    if (t.unit === "") shift = fileShift;
    else if (t.unit in AMOUNT_UNITS) shift = AMOUNT_UNITS[t.unit];
    else {
      this.src.error(
        at,
        `${q(key)} \u7684\u503C${q(shortText(raw))}\u5E26\u6709\u65E0\u6CD5\u8BC6\u522B\u7684\u5355\u4F4D\u201C${shortText(t.unit, 10)}\u201D\uFF1B\u5355\u4F4D\u53EA\u80FD\u662F \u4E07\u5143\u3001\u4EBF\u5143 \u6216 \u5143\u3002`
      );
      return void 0;
    }
    const wan = shiftDecimal(t.sign, t.int, t.frac, shift);
    if (t.sign === "-" && wan !== 0) {
      this.src.error(at, `${q(key)} \u7684\u503C${q(shortText(raw))}\u4E0D\u80FD\u4E3A\u8D1F\u6570\uFF1B\u91D1\u989D\u5E94 \u2265 0\u3002`);
      return void 0;
    }
    const inFileUnit = shiftDecimal("", t.int, t.frac, shift - fileShift);
    this.src.warning(at, `${q(key)} \u7684\u503C\u5199\u6210\u4E86\u6587\u5B57${q(raw)}\uFF0C\u6309 ${inFileUnit}${unit} \u8BFB\u53D6\u3002`);
    return Math.abs(wan);
  }
  /** A list of text items; a single text is read as a one-item list; absent or empty → []. */
  strList(key, opts = {}) {
    const pair = this.pairs.get(key);
    const node = this.node(key, opts);
    if (node === null) return [];
    if (isScalar3(node)) {
      const s = this.str(key, opts);
      return s === void 0 ? [] : [s];
    }
    const items = this.src.items(node, pair ? this.valueAt(key) : this.at, `${q(key)} \u7684\u503C`);
    if (!items) return [];
    const out = [];
    for (const { node: item, at } of items) {
      if (item === null || isScalar3(item) && (item.value === null || item.value === void 0)) continue;
      if (!isScalar3(item)) {
        this.src.error(at, `${q(key)} \u4E2D\u7684\u6BCF\u4E00\u9879\u5E94\u4E3A\u6587\u5B57\uFF0C\u5B9E\u9645\u662F${describeNode(item)}\u3002`);
        continue;
      }
      const v = item.value;
      let s = cleanText2(typeof v === "string" ? v : item.source ?? String(v), opts.multiline);
      s = s.trim();
      if (s !== "") out.push(s);
    }
    return out;
  }
  /** Items of a list field (absent or empty → []), with a type error for another kind of value. */
  list(key, opts = {}) {
    const node = this.node(key, opts);
    if (node === null) return [];
    return this.src.items(node, this.valueAt(key), `${q(key)} \u7684\u503C`) ?? [];
  }
};

// src/store/register-file.ts
var TOP_KEYS = { register: "\u53F0\u8D26\u8868\u5934", projects: "\u9879\u76EE\u5217\u8868" };
var HEADER_KEYS = {
  title: "\u53F0\u8D26\u6807\u9898",
  region: "\u5730\u533A",
  year: "\u5E74\u5EA6",
  as_of: "\u6570\u636E\u622A\u81F3\u65E5\u671F",
  money_unit: "\u91D1\u989D\u5355\u4F4D",
  issuer: "\u53D1\u6587\u673A\u5173",
  rules: "\u6EDE\u540E\u5224\u5B9A\u89C4\u5219"
};
var RULE_KEYS = {
  time_progress: "\u5E8F\u65F6\u8FDB\u5EA6\u8BA1\u7B97\u65B9\u5F0F",
  yellow_gap: "\u9EC4\u706F\u5DEE\u8DDD\uFF08\u4E2A\u767E\u5206\u70B9\uFF09",
  red_gap: "\u7EA2\u706F\u5DEE\u8DDD\uFF08\u4E2A\u767E\u5206\u70B9\uFF09",
  start_red_days: "\u5F00\u5DE5\u6EDE\u540E\u8F6C\u7EA2\u5929\u6570",
  milestone_red_days: "\u8282\u70B9\u6EDE\u540E\u8F6C\u7EA2\u5929\u6570"
};
var PROJECT_KEYS = {
  id: "\u9879\u76EE\u7F16\u53F7",
  name: "\u9879\u76EE\u540D\u79F0",
  nature: "\u5EFA\u8BBE\u6027\u8D28",
  stage: "\u5EFA\u8BBE\u9636\u6BB5",
  unit: "\u8D23\u4EFB\u5355\u4F4D",
  leader: "\u5305\u8054\u9886\u5BFC",
  owner: "\u5EFA\u8BBE\u5355\u4F4D/\u9879\u76EE\u4E1A\u4E3B/\u4E1A\u4E3B",
  area: "\u7247\u533A/\u56ED\u533A",
  industry: "\u4EA7\u4E1A\u7C7B\u522B",
  content: "\u5EFA\u8BBE\u5185\u5BB9",
  total_investment: "\u603B\u6295\u8D44",
  annual_plan: "\u5E74\u5EA6\u8BA1\u5212\u6295\u8D44",
  completed_year: "\u5E74\u5EA6\u7D2F\u8BA1\u5B8C\u6210\u6295\u8D44/\u5E74\u5EA6\u5B8C\u6210\u6295\u8D44",
  completed_month: "\u672C\u6708\u5B8C\u6210\u6295\u8D44",
  completed_total: "\u5F00\u5DE5\u4EE5\u6765\u7D2F\u8BA1\u5B8C\u6210\u6295\u8D44/\u7D2F\u8BA1\u5B8C\u6210\u6295\u8D44",
  planned_start: "\u8BA1\u5212\u5F00\u5DE5\u65F6\u95F4/\u8BA1\u5212\u5F00\u5DE5",
  actual_start: "\u5B9E\u9645\u5F00\u5DE5\u65F6\u95F4/\u5B9E\u9645\u5F00\u5DE5/\u590D\u5DE5",
  planned_finish: "\u8BA1\u5212\u7AE3\u5DE5\u65F6\u95F4/\u8BA1\u5212\u7AE3\u5DE5/\u6295\u4EA7",
  actual_finish: "\u5B9E\u9645\u7AE3\u5DE5\u65F6\u95F4/\u5B9E\u9645\u7AE3\u5DE5",
  progress: "\u5F62\u8C61\u8FDB\u5EA6/\u672C\u6708\u8FDB\u5C55",
  contact: "\u9879\u76EE\u8054\u7CFB\u4EBA/\u8054\u7CFB\u4EBA",
  milestones: "\u8282\u70B9\u8BA1\u5212",
  problems: "\u5B58\u5728\u95EE\u9898/\u95EE\u9898\u6E05\u5355"
};
var MILESTONE_KEYS = { name: "\u8282\u70B9\u540D\u79F0", planned: "\u8BA1\u5212\u5B8C\u6210\u65E5\u671F", done: "\u5B9E\u9645\u5B8C\u6210\u65E5\u671F" };
var PROBLEM_KEYS = {
  id: "\u95EE\u9898\u7F16\u53F7",
  text: "\u95EE\u9898\u63CF\u8FF0",
  unit: "\u8D23\u4EFB\u5355\u4F4D",
  raised: "\u63D0\u51FA\u65E5\u671F",
  due: "\u89E3\u51B3\u65F6\u9650",
  resolved: "\u89E3\u51B3\u65E5\u671F",
  resolution: "\u89E3\u51B3\u60C5\u51B5"
};
var TIME_PROGRESS_MODES = ["month", "half_month", "day"];
var STARTED_STAGES = /* @__PURE__ */ new Set(["\u5728\u5EFA", "\u7AE3\u5DE5", "\u6295\u4EA7"]);
var UNIT_SHIFT = { \u4E07\u5143: 0, \u4EBF\u5143: 4 };
var RegisterReader = class {
  sink = new DiagnosticSink();
  projects = [];
  headers = [];
  files = [];
  projectIds = /* @__PURE__ */ new Map();
  problemIds = /* @__PURE__ */ new Map();
  readText(text, file, absolute) {
    this.files.push(absolute);
    const parsed = parseYamlText(text, file, this.sink);
    if (!parsed) return;
    this.readDocument(new YamlSource(parsed, this.sink));
  }
  readFile(file) {
    let text;
    try {
      text = readYamlText(file);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      this.files.push(resolve(file));
      for (const d of e.diagnostics) this.sink.add(d);
      return;
    }
    this.readText(text, file, resolve(file));
  }
  readDocument(src) {
    const rootNode = src.doc.contents;
    if (rootNode === null || isScalar4(rootNode) && rootNode.value === null) {
      src.error(0, "\u6587\u4EF6\u662F\u7A7A\u7684\uFF1B\u53F0\u8D26\u5E94\u5305\u542B register:\uFF08\u8868\u5934\uFF09\u548C projects:\uFF08\u9879\u76EE\u5217\u8868\uFF09\u4E24\u90E8\u5206\u3002");
      return;
    }
    const top = src.fields(rootNode, rootNode, "\u53F0\u8D26\u6587\u4EF6\u7684\u9876\u5C42", TOP_KEYS);
    if (!top) return;
    top.what = "\u53F0\u8D26\u6587\u4EF6";
    const headerNode = top.node("register", { required: true });
    const header = headerNode === null ? void 0 : this.readHeader(src, top, headerNode);
    const unit = header?.moneyUnit ?? "\u4E07\u5143";
    const asOf = header?.asOf?.value;
    if (!top.has("projects")) {
      top.missing("projects");
      return;
    }
    let n = 0;
    for (const item of top.list("projects")) {
      n++;
      const p = this.readProject(src, item.node, item.at, n, unit, asOf);
      if (p) this.projects.push(p);
    }
  }
  readHeader(src, top, node) {
    const f = src.fields(node, top.valueAt("register"), "\u201Cregister\u201D\uFF08\u53F0\u8D26\u8868\u5934\uFF09", HEADER_KEYS);
    if (!f) return void 0;
    const placed = (key, value) => value === void 0 ? void 0 : { value, src, at: f.valueAt(key) };
    const header = {
      title: placed("title", f.str("title", { required: true })),
      region: placed("region", f.str("region", { required: true })),
      year: placed(
        "year",
        f.number("year", { required: true, integer: true, min: 1900, max: 2200, noun: "\u5E74\u4EFD" })
      ),
      asOf: placed("as_of", f.date("as_of", { required: true })),
      issuer: placed("issuer", f.str("issuer")),
      moneyUnit: f.enumOf("money_unit", MONEY_UNITS, "\u91D1\u989D\u5355\u4F4D") ?? "\u4E07\u5143",
      rules: {}
    };
    if (header.year && header.asOf && Number(header.asOf.value.slice(0, 4)) !== header.year.value) {
      src.warning(
        header.asOf.at,
        `\u6570\u636E\u622A\u81F3\u65E5\u671F ${header.asOf.value} \u4E0D\u5728\u53F0\u8D26\u5E74\u5EA6 ${header.year.value} \u5E74\u5185\uFF1B\u5E8F\u65F6\u8FDB\u5EA6\u6309\u8BE5\u65E5\u671F\u8BA1\u7B97\u3002`
      );
    }
    const rulesNode = f.node("rules");
    if (rulesNode !== null) {
      const r = src.fields(rulesNode, f.valueAt("rules"), "\u201Crules\u201D\uFF08\u6EDE\u540E\u5224\u5B9A\u89C4\u5219\uFF09", RULE_KEYS);
      if (r) {
        const rp = (key, value) => value === void 0 ? void 0 : { value, src, at: r.valueAt(key) };
        header.rules = {
          timeProgress: rp(
            "time_progress",
            r.enumOf("time_progress", TIME_PROGRESS_MODES, "\u5E8F\u65F6\u8FDB\u5EA6\u8BA1\u7B97\u65B9\u5F0F")
          ),
          yellowGap: rp("yellow_gap", r.number("yellow_gap", { max: 100, noun: "\u4E2A\u767E\u5206\u70B9\u6570" })),
          redGap: rp("red_gap", r.number("red_gap", { max: 100, noun: "\u4E2A\u767E\u5206\u70B9\u6570" })),
          startRedDays: rp("start_red_days", r.number("start_red_days", { integer: true, noun: "\u5929\u6570" })),
          milestoneRedDays: rp(
            "milestone_red_days",
            r.number("milestone_red_days", { integer: true, noun: "\u5929\u6570" })
          )
        };
        for (const k2 of Object.keys(header.rules)) {
          if (header.rules[k2] === void 0) delete header.rules[k2];
        }
      }
    }
    this.headers.push(header);
    return header;
  }
  readProject(src, node, at, n, unit, asOf) {
    const f = src.fields(node, at, `\u201Cprojects\u201D\u7684\u7B2C ${n} \u9879`, PROJECT_KEYS);
    if (!f) return void 0;
    const id = f.str("id");
    f.what = id ? `\u9879\u76EE\u201C${id}\u201D` : `\u201Cprojects\u201D\u7684\u7B2C ${n} \u9879`;
    if (id === void 0) {
      if (!f.has("id")) f.missing("id");
      else f.node("id", { required: true });
    } else {
      this.claimId(this.projectIds, id, src, f.valueAt("id"), "\u9879\u76EE\u7F16\u53F7");
    }
    const name = f.str("name", { required: true });
    const nature = f.enumOf("nature", NATURES, "\u5EFA\u8BBE\u6027\u8D28", { required: true });
    const stage = f.enumOf("stage", STAGES, "\u5EFA\u8BBE\u9636\u6BB5", { required: true });
    const respUnit = f.str("unit", { required: true });
    const leader = f.str("leader");
    const owner = f.str("owner");
    const area = f.str("area");
    const industry = f.str("industry");
    const content = f.str("content", { multiline: true });
    const totalInvestment = f.amount("total_investment", unit, { required: true });
    const annualPlan = f.amount("annual_plan", unit, { required: true });
    const completedYear = f.amount("completed_year", unit, { required: true });
    const completedMonth = f.amount("completed_month", unit);
    const completedTotal = f.amount("completed_total", unit);
    const plannedStart = f.date("planned_start");
    const actualStart = f.date("actual_start");
    const plannedFinish = f.date("planned_finish");
    const actualFinish = f.date("actual_finish");
    const progress = f.str("progress", { multiline: true });
    const contact = f.str("contact");
    const milestones = [];
    let m = 0;
    for (const item of f.list("milestones")) {
      m++;
      const mf = src.fields(item.node, item.at, `\u201Cmilestones\u201D\u7684\u7B2C ${m} \u9879`, MILESTONE_KEYS);
      if (!mf) continue;
      const mName = mf.str("name", { required: true });
      const planned = mf.date("planned", { required: true });
      const done = mf.date("done");
      if (mName !== void 0 && planned !== void 0) {
        milestones.push(done === void 0 ? { name: mName, planned } : { name: mName, planned, done });
      }
    }
    const problems = [];
    let k2 = 0;
    for (const item of f.list("problems")) {
      k2++;
      const pf = src.fields(item.node, item.at, `\u201Cproblems\u201D\u7684\u7B2C ${k2} \u9879`, PROBLEM_KEYS);
      if (!pf) continue;
      const explicitId = pf.str("id");
      const pid = explicitId ?? (id !== void 0 ? `${id}-${k2}` : void 0);
      if (pid !== void 0) {
        this.claimId(
          this.problemIds,
          pid,
          src,
          explicitId !== void 0 ? pf.valueAt("id") : item.at,
          "\u95EE\u9898\u7F16\u53F7"
        );
      }
      const text = pf.str("text", { required: true, multiline: true });
      const problem = { id: pid ?? "", text: text ?? "" };
      const pUnit = pf.str("unit");
      const raised = pf.date("raised");
      const due = pf.date("due");
      const resolved = pf.date("resolved");
      const resolution = pf.str("resolution", { multiline: true });
      if (pUnit !== void 0) problem.unit = pUnit;
      if (raised !== void 0) problem.raised = raised;
      if (due !== void 0) problem.due = due;
      if (resolved !== void 0) problem.resolved = resolved;
      if (resolution !== void 0) problem.resolution = resolution;
      if (raised && resolved && resolved < raised) {
        pf.src.warning(pf.valueAt("resolved"), `\u89E3\u51B3\u65E5\u671F ${resolved} \u65E9\u4E8E\u63D0\u51FA\u65E5\u671F ${raised}\u3002`);
      }
      if (raised && due && due < raised) {
        pf.src.warning(pf.valueAt("due"), `\u89E3\u51B3\u65F6\u9650 ${due} \u65E9\u4E8E\u63D0\u51FA\u65E5\u671F ${raised}\u3002`);
      }
      if (text !== void 0 && pid !== void 0) problems.push(problem);
    }
    const shown = (wan) => `${scaleNumber(wan, -UNIT_SHIFT[unit])}${unit}`;
    if (completedYear !== void 0 && annualPlan !== void 0 && completedYear > annualPlan) {
      src.warning(
        f.valueAt("completed_year"),
        `\u5E74\u5EA6\u7D2F\u8BA1\u5B8C\u6210\u6295\u8D44\uFF08${shown(completedYear)}\uFF09\u8D85\u8FC7\u5E74\u5EA6\u8BA1\u5212\u6295\u8D44\uFF08${shown(annualPlan)}\uFF09\uFF0C\u8BF7\u6838\u5BF9\u3002`
      );
    }
    if (stage !== void 0 && STARTED_STAGES.has(stage) && actualStart === void 0) {
      src.warning(
        f.valueAt("stage"),
        `\u5EFA\u8BBE\u9636\u6BB5\u4E3A\u201C${stage}\u201D\uFF0C\u4F46\u6CA1\u6709\u586B\u5199\u201Cactual_start\u201D\uFF08\u5B9E\u9645\u5F00\u5DE5/\u590D\u5DE5\u65E5\u671F\uFF09\u3002`
      );
    }
    if (completedMonth !== void 0 && completedYear !== void 0 && completedMonth > completedYear) {
      src.warning(
        f.valueAt("completed_month"),
        `\u672C\u6708\u5B8C\u6210\u6295\u8D44\uFF08${shown(completedMonth)}\uFF09\u8D85\u8FC7\u5E74\u5EA6\u7D2F\u8BA1\u5B8C\u6210\u6295\u8D44\uFF08${shown(completedYear)}\uFF09\uFF0C\u8BF7\u6838\u5BF9\u3002`
      );
    }
    if (completedTotal !== void 0 && completedYear !== void 0 && completedYear > completedTotal) {
      src.warning(
        f.valueAt("completed_total"),
        `\u5F00\u5DE5\u4EE5\u6765\u7D2F\u8BA1\u5B8C\u6210\u6295\u8D44\uFF08${shown(completedTotal)}\uFF09\u5C11\u4E8E\u5E74\u5EA6\u7D2F\u8BA1\u5B8C\u6210\u6295\u8D44\uFF08${shown(completedYear)}\uFF09\uFF0C\u8BF7\u6838\u5BF9\u3002`
      );
    }
    if (totalInvestment !== void 0 && annualPlan !== void 0 && annualPlan > totalInvestment) {
      src.warning(
        f.valueAt("annual_plan"),
        `\u5E74\u5EA6\u8BA1\u5212\u6295\u8D44\uFF08${shown(annualPlan)}\uFF09\u8D85\u8FC7\u603B\u6295\u8D44\uFF08${shown(totalInvestment)}\uFF09\uFF0C\u8BF7\u6838\u5BF9\u3002`
      );
    }
    if (actualStart !== void 0 && asOf !== void 0 && actualStart > asOf) {
      src.warning(f.valueAt("actual_start"), `\u5B9E\u9645\u5F00\u5DE5\u65E5\u671F ${actualStart} \u665A\u4E8E\u6570\u636E\u622A\u81F3\u65E5\u671F ${asOf}\u3002`);
    }
    if (plannedStart !== void 0 && plannedFinish !== void 0 && plannedFinish < plannedStart) {
      src.warning(
        f.valueAt("planned_finish"),
        `\u8BA1\u5212\u7AE3\u5DE5\u65E5\u671F ${plannedFinish} \u65E9\u4E8E\u8BA1\u5212\u5F00\u5DE5\u65E5\u671F ${plannedStart}\u3002`
      );
    }
    if (id === void 0 || name === void 0 || nature === void 0 || stage === void 0 || respUnit === void 0 || totalInvestment === void 0 || annualPlan === void 0 || completedYear === void 0) {
      return void 0;
    }
    const source = src.pos(f.at);
    const p = {
      id,
      name,
      nature,
      stage,
      unit: respUnit,
      totalInvestment,
      annualPlan,
      completedYear,
      milestones,
      problems,
      source
    };
    if (leader !== void 0) p.leader = leader;
    if (owner !== void 0) p.owner = owner;
    if (area !== void 0) p.area = area;
    if (industry !== void 0) p.industry = industry;
    if (content !== void 0) p.content = content;
    if (completedMonth !== void 0) p.completedMonth = completedMonth;
    if (completedTotal !== void 0) p.completedTotal = completedTotal;
    if (plannedStart !== void 0) p.plannedStart = plannedStart;
    if (actualStart !== void 0) p.actualStart = actualStart;
    if (plannedFinish !== void 0) p.plannedFinish = plannedFinish;
    if (actualFinish !== void 0) p.actualFinish = actualFinish;
    if (progress !== void 0) p.progress = progress;
    if (contact !== void 0) p.contact = contact;
    return p;
  }
  claimId(seen, id, src, at, noun) {
    const first = seen.get(id);
    if (first) {
      src.error(
        at,
        `${noun}\u201C${id}\u201D\u91CD\u590D\uFF1A${first.src.where(first.at, src.file)}\u5DF2\u6709\u540C\u4E00\u7F16\u53F7\uFF1B${noun}\u5728\u6574\u4E2A\u53F0\u8D26\u4E2D\u5FC5\u987B\u552F\u4E00\u3002`
      );
    } else {
      seen.set(id, { src, at });
    }
  }
  /** Headers of all files agree; rules merge; returns the register's meta or undefined on errors. */
  mergeHeaders() {
    const meta = {};
    const agreed = {};
    const keyName = {
      title: "title",
      region: "region",
      year: "year",
      asOf: "as_of",
      issuer: "issuer"
    };
    for (const h of this.headers) {
      for (const k2 of ["title", "region", "year", "asOf", "issuer"]) {
        const v = h[k2];
        if (!v) continue;
        const first = agreed[k2];
        if (!first) agreed[k2] = v;
        else if (first.value !== v.value) {
          v.src.error(
            v.at,
            `\u201C${keyName[k2]}\u201D\u4E0E ${first.src.where(first.at)} \u4E0D\u4E00\u81F4\uFF08\u90A3\u91CC\u662F\u201C${first.value}\u201D\uFF0C\u8FD9\u91CC\u662F\u201C${v.value}\u201D\uFF09\uFF1B\u540C\u4E00\u53F0\u8D26\u5404\u6587\u4EF6\u7684\u8868\u5934\u5FC5\u987B\u4E00\u81F4\u3002`
          );
        }
      }
    }
    const rules = { ...DEFAULT_RULES };
    const ruleKey = {
      timeProgress: "time_progress",
      yellowGap: "yellow_gap",
      redGap: "red_gap",
      startRedDays: "start_red_days",
      milestoneRedDays: "milestone_red_days"
    };
    const ruleFrom = {};
    for (const h of this.headers) {
      for (const k2 of Object.keys(h.rules)) {
        const v = h.rules[k2];
        const first = ruleFrom[k2];
        if (!first) {
          ruleFrom[k2] = v;
          rules[k2] = v.value;
        } else if (first.value !== v.value) {
          v.src.error(
            v.at,
            `\u89C4\u5219\u201C${ruleKey[k2]}\u201D\u4E0E ${first.src.where(first.at)} \u4E0D\u4E00\u81F4\uFF08\u90A3\u91CC\u662F ${String(first.value)}\uFF0C\u8FD9\u91CC\u662F ${String(v.value)}\uFF09\uFF1B\u5404\u6587\u4EF6\u7684 rules \u5FC5\u987B\u4E00\u81F4\u3002`
          );
        }
      }
    }
    if (rules.yellowGap > rules.redGap) {
      const at = ruleFrom.yellowGap ?? ruleFrom.redGap;
      if (at) {
        at.src.error(
          at.at,
          `\u9EC4\u706F\u5DEE\u8DDD yellow_gap\uFF08${rules.yellowGap}\uFF09\u5927\u4E8E\u7EA2\u706F\u5DEE\u8DDD red_gap\uFF08${rules.redGap}\uFF09\uFF1Byellow_gap \u5E94\u4E0D\u5927\u4E8E red_gap\u3002`
        );
      }
    }
    const units = new Set(this.headers.map((h) => h.moneyUnit));
    if (!agreed.title || !agreed.region || !agreed.year || !agreed.asOf) return void 0;
    meta.title = agreed.title.value;
    meta.region = agreed.region.value;
    meta.year = agreed.year.value;
    meta.asOf = agreed.asOf.value;
    meta.moneyUnit = units.size === 1 ? [...units][0] : "\u4E07\u5143";
    if (agreed.issuer) meta.issuer = agreed.issuer.value;
    meta.rules = rules;
    return meta;
  }
  finish() {
    const meta = this.mergeHeaders();
    this.sink.throwIfErrors();
    if (!meta) throw new InputError([]);
    return {
      register: { meta, projects: this.projects, files: this.files },
      warnings: this.sink.sortedWarnings()
    };
  }
};
var YAML_FILE = /\.ya?ml$/i;
function loadRegister(path) {
  let isDir;
  try {
    isDir = statSync2(path).isDirectory();
  } catch (e) {
    throw new InputError([
      {
        severity: "error",
        file: path,
        line: 1,
        column: 1,
        message: describeIoError(e, "\u627E\u4E0D\u5230\u53F0\u8D26\u6587\u4EF6\u6216\u6587\u4EF6\u5939")
      }
    ]);
  }
  const reader = new RegisterReader();
  if (!isDir) {
    reader.readFile(path);
    return reader.finish();
  }
  let names;
  try {
    names = readdirSync(path, { withFileTypes: true }).filter((d) => !d.name.startsWith(".") && YAML_FILE.test(d.name) && (d.isFile() || d.isSymbolicLink())).map((d) => d.name).sort();
  } catch (e) {
    throw new InputError([
      {
        severity: "error",
        file: path,
        line: 1,
        column: 1,
        message: describeIoError(e, "\u65E0\u6CD5\u8BFB\u53D6\u53F0\u8D26\u6587\u4EF6\u5939")
      }
    ]);
  }
  if (names.length === 0) {
    throw new InputError([
      {
        severity: "error",
        file: path,
        line: 1,
        column: 1,
        message: "\u6587\u4EF6\u5939\u4E2D\u6CA1\u6709 .yaml \u6216 .yml \u53F0\u8D26\u6587\u4EF6\u3002"
      }
    ]);
  }
  for (const name of names) reader.readFile(join(path, name));
  return reader.finish();
}

// src/store/meeting-read.ts
import { readdirSync as readdirSync2, statSync as statSync3 } from "node:fs";
import { join as join2, resolve as resolve2 } from "node:path";
import { isScalar as isScalar5 } from "yaml";
var TOP_KEYS2 = { meeting: "\u4F1A\u8BAE\u4FE1\u606F", items: "\u8BAE\u9898\uFF08\u9010\u9879\u76EE\uFF09", followups: "\u4E0A\u6B21\u8BAE\u5B9A\u4E8B\u9879\u843D\u5B9E\u60C5\u51B5" };
var MEETING_KEYS = {
  date: "\u4F1A\u8BAE\u65E5\u671F",
  kind: "\u4F1A\u8BAE\u7C7B\u578B",
  number: "\u671F\u6570",
  title: "\u4F1A\u8BAE\u540D\u79F0",
  chair: "\u4E3B\u6301",
  place: "\u5730\u70B9",
  present: "\u51FA\u5E2D",
  absent: "\u8BF7\u5047",
  attending: "\u5217\u5E2D",
  register: "\u53F0\u8D26\u6587\u4EF6",
  as_of: "\u6570\u636E\u622A\u81F3\u65E5\u671F",
  closed: "\u662F\u5426\u5DF2\u7ED3\u675F"
};
var ITEM_KEYS = {
  project: "\u9879\u76EE\u7F16\u53F7",
  light: "\u706F\u8272",
  reasons: "\u6EDE\u540E\u539F\u56E0",
  notes: "\u4F1A\u8BAE\u8BB0\u5F55/\u5907\u6CE8",
  decisions: "\u8BAE\u5B9A\u4E8B\u9879"
};
var DECISION_KEYS = {
  id: "\u7F16\u53F7",
  text: "\u5185\u5BB9/\u8BAE\u5B9A\u4E8B\u9879",
  unit: "\u8D23\u4EFB\u5355\u4F4D",
  owner: "\u8D23\u4EFB\u4EBA",
  due: "\u5B8C\u6210\u65F6\u9650"
};
var FOLLOWUP_KEYS = {
  decision: "\u8BAE\u5B9A\u4E8B\u9879\u7F16\u53F7",
  status: "\u843D\u5B9E\u72B6\u6001",
  note: "\u8BF4\u660E/\u843D\u5B9E\u60C5\u51B5",
  date: "\u8DDF\u8FDB\u65E5\u671F"
};
function readMeetingSource(src, absolute) {
  const rootNode = src.doc.contents;
  if (rootNode === null || isScalar5(rootNode) && rootNode.value === null) {
    src.error(
      0,
      "\u6587\u4EF6\u662F\u7A7A\u7684\uFF1B\u4F1A\u8BAE\u8BB0\u5F55\u5E94\u5305\u542B meeting:\uFF08\u4F1A\u8BAE\u4FE1\u606F\uFF09\u3001items:\uFF08\u8BAE\u9898\uFF09\u548C followups:\uFF08\u843D\u5B9E\u60C5\u51B5\uFF09\u3002"
    );
    return void 0;
  }
  const top = src.fields(rootNode, rootNode, "\u4F1A\u8BAE\u8BB0\u5F55\u7684\u9876\u5C42", TOP_KEYS2);
  if (!top) return void 0;
  top.what = "\u4F1A\u8BAE\u8BB0\u5F55";
  const header = {
    present: [],
    absent: [],
    attending: []
  };
  const headerNode = top.node("meeting", { required: true });
  const m = headerNode === null ? void 0 : src.fields(headerNode, top.valueAt("meeting"), "\u201Cmeeting\u201D\uFF08\u4F1A\u8BAE\u4FE1\u606F\uFF09", MEETING_KEYS);
  if (m) {
    const date = m.date("date", { required: true });
    const kind = m.enumOf("kind", MEETING_KINDS, "\u4F1A\u8BAE\u7C7B\u578B", { required: true });
    const num = m.number("number", { integer: true, min: 1, noun: "\u671F\u6570\uFF08\u6B63\u6574\u6570\uFF09" });
    const title = m.str("title");
    const chair = m.str("chair");
    const place = m.str("place");
    const register = m.str("register");
    const asOf = m.date("as_of");
    const closed = m.bool("closed");
    if (date !== void 0) header.date = date;
    if (kind !== void 0) header.kind = kind;
    if (num !== void 0) header.number = num;
    if (title !== void 0) header.title = title;
    if (chair !== void 0) header.chair = chair;
    if (place !== void 0) header.place = place;
    header.present = m.strList("present");
    header.absent = m.strList("absent");
    header.attending = m.strList("attending");
    if (register !== void 0) header.register = register;
    if (asOf !== void 0) header.asOf = asOf;
    header.closed = closed ?? false;
  }
  const decisions = /* @__PURE__ */ new Map();
  const items = [];
  let seq = 0;
  let n = 0;
  for (const entry of top.list("items")) {
    n++;
    const f = src.fields(entry.node, entry.at, `\u201Citems\u201D\u7684\u7B2C ${n} \u9879`, ITEM_KEYS);
    if (!f) continue;
    const project = f.str("project", { required: true });
    if (project !== void 0) f.what = `\u8BAE\u9898\u201C${project}\u201D`;
    const light = f.enumOf("light", LIGHTS, "\u706F\u8272");
    const reasons = f.strList("reasons", { multiline: true });
    const notes = f.str("notes", { multiline: true });
    const item = { project: project ?? "", reasons, decisions: [] };
    if (light !== void 0) item.light = light;
    if (notes !== void 0) item.notes = notes;
    let d = 0;
    for (const dEntry of f.list("decisions")) {
      d++;
      seq++;
      const df = src.fields(dEntry.node, dEntry.at, `\u201Cdecisions\u201D\u7684\u7B2C ${d} \u9879`, DECISION_KEYS);
      if (!df) continue;
      let id = df.str("id");
      const idAt = id !== void 0 ? df.valueAt("id") : df.at;
      if (id === void 0 && header.date !== void 0)
        id = `${header.date}-${String(seq).padStart(2, "0")}`;
      if (id !== void 0) {
        df.what = `\u8BAE\u5B9A\u4E8B\u9879\u201C${id}\u201D`;
        const first = decisions.get(id);
        if (first !== void 0) {
          src.error(
            idAt,
            `\u8BAE\u5B9A\u4E8B\u9879\u7F16\u53F7\u201C${id}\u201D\u91CD\u590D\uFF1A${src.where(first, src.file)}\u5DF2\u6709\uFF1B\u7F16\u53F7\u5728\u6240\u6709\u4F1A\u8BAE\u4E2D\u5FC5\u987B\u552F\u4E00\u3002`
          );
        } else {
          decisions.set(id, idAt);
        }
      }
      const text = df.str("text", { required: true, multiline: true });
      const unit = df.str("unit", { required: true });
      const owner = df.str("owner");
      const due = df.date("due", { required: true });
      if (header.date !== void 0 && due !== void 0 && due < header.date) {
        src.warning(df.valueAt("due"), `\u5B8C\u6210\u65F6\u9650 ${due} \u65E9\u4E8E\u4F1A\u8BAE\u65E5\u671F ${header.date}\u3002`);
      }
      if (id !== void 0 && text !== void 0 && unit !== void 0 && due !== void 0) {
        const decision = { id, text, unit, due };
        if (owner !== void 0) decision.owner = owner;
        item.decisions.push(decision);
      }
    }
    if (project !== void 0) items.push(item);
  }
  const followups = [];
  const followupRefs = [];
  n = 0;
  for (const entry of top.list("followups")) {
    n++;
    const f = src.fields(entry.node, entry.at, `\u201Cfollowups\u201D\u7684\u7B2C ${n} \u9879`, FOLLOWUP_KEYS);
    if (!f) continue;
    const decision = f.str("decision", { required: true });
    const status = f.enumOf("status", FOLLOWUP_STATUSES, "\u843D\u5B9E\u72B6\u6001", {
      required: true,
      // formats.md: 逾期 is computed, never stored
      explain: (v) => v === "\u903E\u671F" ? "\u201C\u903E\u671F\u201D\u7531\u5B8C\u6210\u65F6\u9650\u81EA\u52A8\u5224\u65AD\uFF0C\u4E0D\u9700\u8981\u586B\u5199\uFF1B" : void 0
    });
    const note = f.str("note", { multiline: true });
    const date = f.date("date");
    if (decision !== void 0) followupRefs.push({ decision, at: f.valueAt("decision") });
    if (decision !== void 0 && status !== void 0) {
      const fu = { decision, status };
      if (note !== void 0) fu.note = note;
      if (date !== void 0) fu.date = date;
      followups.push(fu);
    }
  }
  const meeting = {
    meeting: header,
    items,
    followups,
    file: absolute
  };
  return { meeting, src, decisions, followups: followupRefs };
}
function readOne(file, sink) {
  let text;
  try {
    text = readYamlText(file);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    for (const d of e.diagnostics) sink.add(d);
    return void 0;
  }
  const parsed = parseYamlText(text, file, sink);
  if (!parsed) return void 0;
  return readMeetingSource(new YamlSource(parsed, sink), resolve2(file));
}
function checkReferences(read, knownDecisions, allRead) {
  for (const r of read) {
    const date = r.meeting.meeting.date;
    for (const ref of r.followups) {
      const place = knownDecisions.get(ref.decision);
      if (!place) {
        if (!allRead) continue;
        r.src.error(
          ref.at,
          `\u8DDF\u8FDB\u7684\u8BAE\u5B9A\u4E8B\u9879\u201C${ref.decision}\u201D\u5728\u4F1A\u8BAE\u8BB0\u5F55\u4E2D\u627E\u4E0D\u5230\uFF1B\u201Cdecision\u201D\u5E94\u4E3A\u67D0\u6B21\u4F1A\u8BAE decisions \u4E2D\u7684\u7F16\u53F7\uFF08id\uFF09\u3002`
        );
      } else if (date !== void 0 && place.meetingDate !== void 0 && place.meetingDate > date) {
        r.src.error(
          ref.at,
          `\u8DDF\u8FDB\u7684\u8BAE\u5B9A\u4E8B\u9879\u201C${ref.decision}\u201D\u662F\u5728\u4E4B\u540E\u7684\u4F1A\u8BAE\uFF08${place.meetingDate}\uFF0C${place.src.where(place.at)}\uFF09\u4E0A\u4F5C\u51FA\u7684\uFF0C\u672C\u6B21\uFF08${date}\uFF09\u4F1A\u8BAE\u4E0D\u80FD\u8DDF\u8FDB\u5B83\u3002`
        );
      }
    }
  }
}
var YAML_FILE2 = /\.ya?ml$/i;
function loadMeetingsWithWarnings(dir) {
  let names;
  try {
    if (!statSync3(dir).isDirectory()) {
      throw new InputError([
        {
          severity: "error",
          file: dir,
          line: 1,
          column: 1,
          message: "\u4F1A\u8BAE\u8BB0\u5F55\u8DEF\u5F84\u5E94\u4E3A\u6587\u4EF6\u5939\uFF0C\u8FD9\u91CC\u662F\u4E00\u4E2A\u6587\u4EF6\u3002"
        }
      ]);
    }
    names = readdirSync2(dir, { withFileTypes: true }).filter(
      (d) => !d.name.startsWith(".") && YAML_FILE2.test(d.name) && !isTempFileName(d.name) && (d.isFile() || d.isSymbolicLink())
    ).map((d) => d.name).sort();
  } catch (e) {
    if (e instanceof InputError) throw e;
    if (e.code === "ENOENT") return { meetings: [], warnings: [] };
    throw new InputError([
      {
        severity: "error",
        file: dir,
        line: 1,
        column: 1,
        message: describeIoError(e, "\u65E0\u6CD5\u8BFB\u53D6\u4F1A\u8BAE\u8BB0\u5F55\u6587\u4EF6\u5939")
      }
    ]);
  }
  const sink = new DiagnosticSink();
  const read = [];
  for (const name of names) {
    const r = readOne(join2(dir, name), sink);
    if (r) read.push(r);
  }
  const fileOf = (r) => r.src.file;
  read.sort((a, b) => {
    const da = a.meeting.meeting.date ?? "";
    const db = b.meeting.meeting.date ?? "";
    return da < db ? -1 : da > db ? 1 : fileOf(a) < fileOf(b) ? -1 : fileOf(a) > fileOf(b) ? 1 : 0;
  });
  const known = /* @__PURE__ */ new Map();
  for (const r of read) {
    for (const [id, at] of r.decisions) {
      const first = known.get(id);
      if (first) {
        r.src.error(
          at,
          `\u8BAE\u5B9A\u4E8B\u9879\u7F16\u53F7\u201C${id}\u201D\u91CD\u590D\uFF1A${first.src.where(first.at)}\u5DF2\u6709\uFF1B\u7F16\u53F7\u5728\u6240\u6709\u4F1A\u8BAE\u4E2D\u5FC5\u987B\u552F\u4E00\u3002`
        );
      } else {
        known.set(id, { src: r.src, at, meetingDate: r.meeting.meeting.date });
      }
    }
  }
  checkReferences(read, known, read.length === names.length);
  sink.throwIfErrors();
  return { meetings: read.map((r) => r.meeting), warnings: sink.sortedWarnings() };
}
function loadMeetings(dir) {
  return loadMeetingsWithWarnings(dir).meetings;
}

// src/store/settings.ts
import Conf from "conf";
var DEFAULT_SETTINGS = {
  present: [],
  absent: [],
  attending: [],
  script: "simplified"
};
var SETTING_KEYS = [
  "issuer",
  "chair",
  "present",
  "absent",
  "attending",
  "meetingsDir",
  "outputDir",
  "script"
];
var SETTING_LABELS = {
  issuer: "\u53D1\u6587\u673A\u5173",
  chair: "\u9ED8\u8BA4\u4E3B\u6301\u4EBA",
  present: "\u9ED8\u8BA4\u51FA\u5E2D",
  absent: "\u9ED8\u8BA4\u8BF7\u5047",
  attending: "\u9ED8\u8BA4\u5217\u5E2D",
  meetingsDir: "\u4F1A\u8BAE\u8BB0\u5F55\u6587\u4EF6\u5939",
  outputDir: "\u8F93\u51FA\u6587\u4EF6\u5939",
  script: "\u5B57\u5F62\uFF08\u7B80\u4F53/\u7E41\u4F53\uFF09"
};
var LIST_KEYS = /* @__PURE__ */ new Set(["present", "absent", "attending"]);
function isStringList(value) {
  return Array.isArray(value) && value.every((v) => typeof v === "string");
}
function problemWith(key, value) {
  if (value === void 0) return null;
  if (LIST_KEYS.has(key)) return isStringList(value) ? null : `${SETTING_LABELS[key]}\u5E94\u4E3A\u6587\u5B57\u5217\u8868`;
  if (key === "script") {
    return value === "simplified" || value === "traditional" ? null : `\u5B57\u5F62\u5E94\u4E3A simplified\uFF08\u7B80\u4F53\uFF09\u6216 traditional\uFF08\u7E41\u4F53\uFF09`;
  }
  return typeof value === "string" ? null : `${SETTING_LABELS[key]}\u5E94\u4E3A\u6587\u5B57`;
}
var SettingsStore = class {
  conf;
  constructor(options = {}) {
    const cwd = options.cwd ?? process.env.DIAODU_CONFIG_DIR;
    try {
      this.conf = new Conf({
        projectName: "diaodu",
        ...cwd ? { cwd } : {}
        // no `defaults`: constructing the store must not write the file
      });
    } catch (error) {
      throw this.unreadable(cwd ?? "", error);
    }
  }
  /** the settings file */
  get path() {
    return this.conf.path;
  }
  unreadable(file, error) {
    const reason = error instanceof Error ? error.message : String(error);
    return new InputError([
      {
        severity: "error",
        file: file || "config.json",
        line: 0,
        column: 0,
        message: `\u8BBE\u7F6E\u6587\u4EF6\u65E0\u6CD5\u8BFB\u53D6\uFF08${reason}\uFF09\uFF1B\u8BF7\u4FEE\u6B63\u6216\u5220\u9664\u8BE5\u6587\u4EF6\u540E\u91CD\u8BD5`
      }
    ]);
  }
  raw() {
    try {
      return this.conf.store;
    } catch (error) {
      throw this.unreadable(this.conf.path, error);
    }
  }
  /** A setting; a missing or malformed stored value gives the default (see problems()). */
  get(key) {
    const value = this.raw()[key];
    if (value === void 0 || problemWith(key, value) !== null) return DEFAULT_SETTINGS[key];
    return isStringList(value) ? [...value] : value;
  }
  /** Store a setting; `undefined` (or an empty string) removes it, falling back to the default. */
  set(key, value) {
    if (value === void 0 || value === "") {
      this.conf.delete(key);
      return;
    }
    const problem = problemWith(key, value);
    if (problem)
      throw new InputError([
        { severity: "error", file: this.conf.path, line: 0, column: 0, message: problem }
      ]);
    this.conf.set(key, isStringList(value) ? [...value] : value);
  }
  /** Set several at once. */
  update(values) {
    for (const key of SETTING_KEYS) {
      if (key in values) this.set(key, values[key]);
    }
  }
  /** Every setting, defaults filled in. */
  all() {
    const out = { ...DEFAULT_SETTINGS, present: [], absent: [], attending: [] };
    for (const key of SETTING_KEYS) {
      const value = this.get(key);
      if (value !== void 0) out[key] = value;
    }
    return out;
  }
  /** Stored values that are ignored because they are malformed (a hand-edited file), as warnings. */
  problems() {
    const raw = this.raw();
    const out = [];
    for (const [key, value] of Object.entries(raw)) {
      if (key.startsWith("__internal__")) continue;
      if (!SETTING_KEYS.includes(key)) {
        out.push({
          severity: "warning",
          file: this.conf.path,
          line: 0,
          column: 0,
          message: `\u672A\u77E5\u8BBE\u7F6E\u9879\u201C${key}\u201D\uFF0C\u5DF2\u5FFD\u7565`
        });
        continue;
      }
      const problem = problemWith(key, value);
      if (problem) {
        out.push({
          severity: "warning",
          file: this.conf.path,
          line: 0,
          column: 0,
          message: `${problem}\uFF1B\u5DF2\u6539\u7528\u9ED8\u8BA4\u503C`
        });
      }
    }
    return out;
  }
  /** Remove every setting. */
  clear() {
    this.conf.clear();
  }
};
function openSettings(options = {}) {
  return new SettingsStore(options);
}

// src/ui/hooks/session.ts
function localToday(date = /* @__PURE__ */ new Date()) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
function describeError(error) {
  if (error instanceof InputError) return error.diagnostics.map(formatDiagnostic).join("\n");
  return error instanceof Error ? error.message : String(error);
}
var Session = class {
  registerPath;
  meetingsDir;
  today;
  now;
  settingsStore;
  state = { phase: "loading" };
  listeners = /* @__PURE__ */ new Set();
  index = null;
  shutdownHooks = /* @__PURE__ */ new Set();
  constructor(options) {
    this.registerPath = options.registerPath;
    this.meetingsDir = options.meetingsDir;
    this.today = options.today ?? localToday();
    this.settingsStore = options.settings;
    this.now = options.now ?? (() => Date.now());
  }
  /** Settings are opened on first use (conf reads a file). */
  get settings() {
    this.settingsStore ??= openSettings();
    return this.settingsStore;
  }
  subscribe = (listener) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  getSnapshot = () => this.state;
  set(state) {
    this.state = state;
    for (const l of this.listeners) l();
  }
  /**
   * Run `hook` when the app ends (Ctrl+C, a signal, normal exit): release a meeting lock, write a draft.
   * Returns a function that removes it (call it when the hook's owner goes away).
   */
  onShutdown(hook) {
    this.shutdownHooks.add(hook);
    return () => this.shutdownHooks.delete(hook);
  }
  /** Runs every shutdown hook once; safe to call several times. */
  shutdown() {
    const hooks = [...this.shutdownHooks];
    this.shutdownHooks.clear();
    for (const hook of hooks) {
      try {
        hook();
      } catch {
      }
    }
  }
  /** Read and assess everything (synchronous; call after the first frame). */
  load() {
    try {
      const { register, warnings } = loadRegister(this.registerPath);
      const { meetings, problems } = this.readMeetings();
      this.set({ phase: "ready", data: this.assemble(register, warnings, meetings, problems) });
    } catch (error) {
      this.set({ phase: "error", message: describeError(error) });
    }
  }
  /** Re-read the meetings (after a meeting was saved or a decision followed up) and re-assess. */
  reloadMeetings() {
    if (this.state.phase !== "ready") return;
    const { register, warnings } = this.state.data;
    const { meetings, problems } = this.readMeetings();
    this.set({ phase: "ready", data: this.assemble(register, warnings, meetings, problems) });
  }
  readMeetings() {
    try {
      return { meetings: loadMeetings(this.meetingsDir), problems: [] };
    } catch (error) {
      if (error instanceof InputError) return { meetings: [], problems: error.diagnostics };
      throw error;
    }
  }
  assemble(register, warnings, meetings, meetingProblems) {
    const ledgerAsOf = buildLedger(meetings, register.meta.asOf);
    const ledgerToday = buildLedger(meetings, this.today);
    const assessment = assessRegister(register, ledgerAsOf);
    const figures = registerFigures(register, assessment.statuses);
    const statusById = /* @__PURE__ */ new Map();
    for (const s of assessment.statuses) statusById.set(s.project.id, s);
    const units = [];
    const seen = /* @__PURE__ */ new Set();
    for (const p of register.projects) {
      if (!seen.has(p.unit)) {
        seen.add(p.unit);
        units.push(p.unit);
      }
      for (const pr of p.problems) {
        if (pr.unit !== void 0 && !seen.has(pr.unit)) {
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
    return {
      register,
      warnings,
      meetings,
      meetingProblems,
      ledgerAsOf,
      ledgerToday,
      assessment,
      figures,
      statusById,
      units
    };
  }
  /** The project list's sort/search index, built once per load. */
  projectIndex(data) {
    if (this.index?.data !== data) this.index = { data, index: buildProjectIndex(data.assessment.statuses) };
    return this.index.index;
  }
};

// bench/tmp-prof/prof.tsx
import { jsx as jsx15 } from "react/jsx-runtime";
await (async () => {
  const session = new Session({ registerPath: "/work/main/test/ui/fixtures/register.yaml", meetingsDir: "/work/main/test/ui/fixtures/meetings", today: "2021-10-08", settings: openSettings({ cwd: "/tmp/smoke-settings" }) });
  session.load();
  const r = render(/* @__PURE__ */ jsx15(App, { session, size: { columns: 80, rows: 24 } }));
  const wait = (ms = 100) => new Promise((res) => setTimeout(res, ms));
  await wait();
  for (const k2 of ["1", "\x1B", "1", "\x1B", "1"]) {
    const t0 = performance.now();
    r.stdin.write(k2);
    const want = k2 === "1" ? "\u7F16\u53F7" : "\u603B\u89C8";
    while (!r.lastFrame().includes(want)) await wait(1);
    console.log(JSON.stringify(k2), "frame after", performance.now() - t0);
    await wait(200);
  }
  r.unmount();
})();
