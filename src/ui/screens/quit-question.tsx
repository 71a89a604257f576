// Ctrl+C when quitting would lose something (a save that failed, typed text the draft could not keep):
// what would be lost, and the question. The app handles the keys (app.tsx); this only draws.
import { Text } from 'ink';
import { hintLine, keyHint } from '../key-bindings.js';
import { Screen } from './chrome.js';

export function QuitQuestion(props: { lines: readonly string[] }) {
  const keys = hintLine([
    keyHint('quitConfirm', 'confirm.quit', { first: true, short: true }),
    keyHint('quitConfirm', 'confirm.no', { first: true, label: '留下，继续记录' }),
  ]);
  return (
    <Screen
      title="退出"
      context="quitConfirm"
      hints={['confirm.quit', 'confirm.no']}
      status={{ kind: 'error', text: `仍要退出？ ${keys}` }}
    >
      {props.lines.map((line, i) => (
        <Text key={i} wrap="wrap" {...(i === 0 ? { color: 'red' } : {})}>
          {` ${line}`}
        </Text>
      ))}
    </Screen>
  );
}
