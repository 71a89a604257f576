export { TextInput, type TextInputProps } from './text-input.js';
export { TextInputView, type TextInputViewProps } from './text-input-view.js';
export { useTextInput, type UseTextInputOptions, type TextInputHandle } from './use-text-input.js';
export {
  textInputReducer,
  createTextInputState,
  cleanText,
  wordClass,
  wordStartBefore,
  wordEndAfter,
  type TextInputState,
  type TextInputAction,
} from './reducer.js';
export { inputWindow, type InputWindow } from './window.js';
export { SearchInput, searchHandlers, type SearchAction, type SearchInputProps } from './search-input.js';
export { PromptedInput, type PromptedInputProps } from './prompted-input.js';
