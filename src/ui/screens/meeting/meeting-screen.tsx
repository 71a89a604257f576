import { Text, useInput } from 'ink';
import { matches } from '../../key-bindings.js';
import { Screen } from '../chrome.js';
import type { ScreenProps } from '../types.js';

export function MeetingScreen(props: ScreenProps) {
  useInput(
    (input, key) => {
      if (matches('app.back', input, key)) props.nav.pop();
    },
    { isActive: props.active },
  );
  return (
    <Screen title="调度会" context="meeting">
      <Text>建设中</Text>
    </Screen>
  );
}
