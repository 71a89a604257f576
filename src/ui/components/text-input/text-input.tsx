// The field ready to use: useTextInput + TextInputView. Screens that lay fields out themselves
// (forms) can use the two parts directly.

import React from 'react';
import { useTextInput, type UseTextInputOptions } from './use-text-input.js';
import { TextInputView } from './text-input-view.js';

export interface TextInputProps extends UseTextInputOptions {
  placeholder?: string;
  inverseCursor?: boolean;
}

export function TextInput(props: TextInputProps): React.JSX.Element {
  const { window, state } = useTextInput(props);
  return (
    <TextInputView
      window={window}
      width={props.width}
      focused={props.isActive ?? true}
      empty={state.value === ''}
      value={state.value}
      selected={state.selected ?? false}
      {...(props.placeholder !== undefined ? { placeholder: props.placeholder } : {})}
      {...(props.inverseCursor !== undefined ? { inverseCursor: props.inverseCursor } : {})}
    />
  );
}
