// What a screen shows while the register is being read, or when it cannot be read: the message, and
// the keys that still work there (Esc back, ? help) — never a screen that ignores every key.
import { Text, useInput } from 'ink';
import type { ReactNode } from 'react';
import { safeLinesToEcho } from '../../text/sanitize.js';
import type { LoadedData } from '../../app/session.js';
import { useSessionState } from '../hooks/use-session.js';
import { commandFor } from '../key-bindings.js';
import { Screen } from './chrome.js';
import type { Navigator, ScreenProps } from './types.js';

/** What a screen that needs the register says when it cannot be read: the problems are on 总览. */
export const REGISTER_BROKEN =
  ' 台账无法打开，问题逐条列在总览上：按 Esc 回到总览；在编辑器里改好后在总览按 r 重新读取。';

export function NotReady(props: {
  title: string;
  text: string;
  error?: boolean;
  active: boolean;
  nav: Navigator;
}) {
  const { nav } = props;
  useInput(
    (input, key) => {
      const command = commandFor('screen', input, key);
      if (command === 'app.back') nav.pop();
      else if (command === 'app.help') nav.push({ screen: 'help', context: 'screen' });
    },
    { isActive: props.active },
  );
  return (
    <Screen title={props.title} context="screen">
      <Text wrap="wrap" {...(props.error ? { color: 'red' } : {})}>
        {safeLinesToEcho(props.text)}
      </Text>
    </Screen>
  );
}

/**
 * A screen that needs the register: `children` with the data once it is read; until then, or when
 * it cannot be read, NotReady under the screen's title.
 */
export function WithRegister(
  props: ScreenProps & { title: string; loadingText: string; children: (data: LoadedData) => ReactNode },
) {
  const state = useSessionState(props.session);
  if (state.phase !== 'ready') {
    return (
      <NotReady
        title={props.title}
        text={state.phase === 'loading' ? props.loadingText : REGISTER_BROKEN}
        error={state.phase === 'error'}
        active={props.active}
        nav={props.nav}
      />
    );
  }
  return <>{props.children(state.data)}</>;
}
