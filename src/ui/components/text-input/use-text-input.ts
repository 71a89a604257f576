// Keys for a single-line text field, controlled or not.
//
// Every edit goes through the reducer against the latest state (useSyncReducer), never against a
// value captured by a render: an IME may commit a phrase in several reads that arrive in one tick,
// and each must land after the one before (Ink issue 759).
//
// Controlled use (`value` + `onChange`): the field edits its own copy at once and reports each new
// value; a `value` prop that differs is taken as the parent's change only when it is not one the
// field reported itself (the parent may re-render with an older value while keys are still coming).

import { useInput, useStdin, type Key } from 'ink';
import { useCallback, useEffect, useRef } from 'react';
import { matches, type Command, type KeyPress } from '../../key-bindings.js';
import { useLatest } from '../use-latest.js';
import { useSyncReducer } from '../use-sync-reducer.js';
import {
  createTextInputState,
  textInputReducer,
  type TextInputAction,
  type TextInputState,
} from './reducer.js';
import { inputWindow, type InputWindow } from './window.js';

export interface UseTextInputOptions {
  /** Controlled value; pass with `onChange`. */
  value?: string;
  /** Starting value when uncontrolled. */
  defaultValue?: string;
  onChange?: (value: string) => void;
  /** Enter. */
  onSubmit?: (value: string) => void;
  /** Esc. */
  onCancel?: () => void;
  /** `?` typed into the empty field (the form's help); without it `?` is typed as text. */
  onHelp?: () => void;
  /** Only the focused field listens to keys. Default true. */
  isActive?: boolean;
  /** Field width in columns, for the horizontal scroll window. */
  width: number;
  /**
   * Select the whole value when the field gains focus and when the parent sets a new value (a
   * preselected choice, such as a quick pick): the first key typed replaces it.
   */
  selectOnFocus?: boolean;
}

export interface TextInputHandle {
  state: TextInputState;
  window: InputWindow;
  dispatch: (action: TextInputAction) => void;
}

const EDITS: ReadonlyArray<readonly [Command, TextInputAction]> = [
  ['input.left', { type: 'left' }],
  ['input.right', { type: 'right' }],
  ['input.home', { type: 'home' }],
  ['input.end', { type: 'end' }],
  ['input.wordLeft', { type: 'wordLeft' }],
  ['input.wordRight', { type: 'wordRight' }],
  ['input.backspace', { type: 'backspace' }],
  ['input.delete', { type: 'delete' }],
  ['input.deleteWordBackward', { type: 'deleteWordBackward' }],
  ['input.killToStart', { type: 'killToStart' }],
  ['input.killToEnd', { type: 'killToEnd' }],
];

// The Delete key: ESC [3~ (with modifiers ESC [3;5~). Ink reports it exactly like the Backspace key
// (DEL, 0x7f) as `key.delete`, so the raw sequence is read as well.
const FORWARD_DELETE = /^\u001b\[3(?:;\d+)?~$/;

/** Keys that are not text: they must not be inserted, whatever `input` Ink passes with them. */
function isNonText(key: Key): boolean {
  return (
    key.ctrl ||
    key.meta ||
    key.tab ||
    key.return ||
    key.escape ||
    key.upArrow ||
    key.downArrow ||
    key.leftArrow ||
    key.rightArrow ||
    key.pageUp ||
    key.pageDown ||
    key.home ||
    key.end ||
    key.backspace ||
    key.delete
  );
}

export function useTextInput(options: UseTextInputOptions): TextInputHandle {
  const isActive = options.isActive ?? true;
  const controlled = options.value !== undefined;
  const {
    dispatch: rawDispatch,
    current,
    replace,
  } = useSyncReducer(textInputReducer, () => {
    const state = createTextInputState(options.value ?? options.defaultValue ?? '');
    return options.selectOnFocus && isActive && state.value !== '' ? { ...state, selected: true } : state;
  });

  // Values this field reported and the parent may still echo back.
  const reported = useRef<string[]>([]);
  const select = !!options.selectOnFocus && isActive;
  if (controlled) {
    const value = options.value!;
    if (value === current().value) reported.current = [];
    else if (!reported.current.includes(value)) {
      replace(textInputReducer(current(), { type: 'set', value, select: select && value !== '' }));
      reported.current = [];
    }
  }
  // Focus arriving selects the value; leaving unselects it.
  const wasActive = useRef(isActive);
  if (wasActive.current !== isActive) {
    wasActive.current = isActive;
    if (options.selectOnFocus) {
      const selected = isActive && current().value !== '';
      const next = textInputReducer(current(), { type: 'select', selected });
      if (next !== current()) replace(next);
    }
  }

  const latest = useLatest(options);
  const dispatch = useCallback(
    (action: TextInputAction) => {
      const before = current().value;
      rawDispatch(action);
      const after = current().value;
      if (after === before) return;
      if (latest.current.value !== undefined) reported.current.push(after);
      latest.current.onChange?.(after);
    },
    [current, rawDispatch, latest],
  );

  // Registered before useInput's listener (effects run in order), so the flag is set for the key
  // the handler is about to see.
  const { internal_eventEmitter: emitter } = useStdin();
  const forwardDelete = useRef(false);
  useEffect(() => {
    if (!isActive || !emitter) return;
    const onRaw = (raw: string) => {
      forwardDelete.current = FORWARD_DELETE.test(raw);
    };
    emitter.on('input', onRaw);
    return () => {
      emitter.off('input', onRaw);
    };
  }, [emitter, isActive]);

  const handler = useCallback(
    (input: string, key: Key) => {
      const press: KeyPress = forwardDelete.current ? { ...key, delete: false, forwardDelete: true } : key;
      forwardDelete.current = false;
      for (const [command, action] of EDITS) {
        if (matches(command, input, press, 'input')) return dispatch(action);
      }
      if (matches('input.submit', input, press, 'input')) return latest.current.onSubmit?.(current().value);
      if (matches('input.cancel', input, press, 'input')) return latest.current.onCancel?.();
      if (isNonText(key) || input === '') return;
      const onHelp = latest.current.onHelp;
      if (onHelp && current().value === '' && matches('app.help', input, { ...press, emptyField: true })) {
        return onHelp();
      }
      if (input.length > 1) {
        // A fast typist or a slow link can deliver text and Backspaces in one read ("ab\x7f"):
        // each Backspace applies where it was typed. Line breaks in a chunk stay paste text
        // (turned into spaces) and never submit: a pasted line must not send a half-typed form.
        for (const part of input.split(/([\u007f\b])/)) {
          if (part === '\u007f' || part === '\b') dispatch({ type: 'backspace' });
          else if (part !== '') dispatch({ type: 'paste', text: part });
        }
        return;
      }
      dispatch({ type: 'insert', text: input });
    },
    [dispatch, latest, current],
  );
  useInput(handler, { isActive });

  const state = current();
  const previousStart = useRef(0);
  const window = inputWindow(state.value, state.cursor, options.width, previousStart.current);
  useEffect(() => {
    previousStart.current = window.start;
  });
  return { state, window, dispatch };
}
