// One line: a bold prompt ("搜索：", "落实情况说明：") and a text input filling the rest of the row.
// The search line under a list, the ledger's note line and the meeting's one-line forms.
import { Box, Text } from 'ink';
import { displayWidth } from '../../../text/width.js';
import { TextInput, type TextInputProps } from './text-input.js';

export interface PromptedInputProps extends Omit<TextInputProps, 'width'> {
  prompt: string;
  promptColor?: string;
  /** the whole row's width, prompt included */
  width: number;
}

export function PromptedInput({ prompt, promptColor, width, ...input }: PromptedInputProps) {
  return (
    <Box>
      <Text bold {...(promptColor ? { color: promptColor } : {})}>
        {prompt}
      </Text>
      <TextInput {...input} width={Math.max(1, width - displayWidth(prompt))} />
    </Box>
  );
}
