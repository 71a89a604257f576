import { Text, useInput } from 'ink';
import { matches } from '../key-bindings.js';
import { Screen } from './chrome.js';
import type { ScreenProps } from './types.js';

export function SettingsScreen(props: ScreenProps & { meetingFile?: string | undefined }) {
  useInput(
    (input, key) => {
      if (matches('app.back', input, key)) props.nav.pop();
    },
    { isActive: props.active },
  );
  return (
    <Screen title="设置" context="settings">
      <Text>建设中</Text>
    </Screen>
  );
}
