import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'bench/results/**', 'bench/tmp-*/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  {
    // application services (session, meeting recorder, drafts, briefing output) hold no React: the TUI
    // and the scripted commands both use them, so they may not reach into ink, react or the UI
    files: ['src/app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(ink|react)(-[^/]+)?(/.*)?$|(^|/)ui/',
              message: 'src/app holds no React: it may not import ink, react or src/ui.',
            },
          ],
        },
      ],
    },
  },
  {
    // Every key a screen reacts to is declared in src/ui/key-bindings.ts, so that help (?) and the
    // footers, generated from that table, list all of them: screens ask commandFor / matches. Only the
    // table and the text field (which must tell typed text from keys) read Ink's key flags.
    files: ['src/ui/**/*.{ts,tsx}'],
    ignores: [
      'src/ui/key-bindings.ts',
      'src/ui/components/text-input/use-text-input.ts',
      '**/*.test.{ts,tsx}',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "MemberExpression[object.name='key'][property.name=/^(upArrow|downArrow|leftArrow|rightArrow|pageUp|pageDown|home|end|return|escape|tab|backspace|delete|ctrl|meta|shift)$/]",
          message:
            'Look keys up in src/ui/key-bindings.ts (commandFor / matches) so that help and footers list them; do not read Ink key flags here.',
        },
        {
          selector:
            "BinaryExpression[operator=/^[!=]==?$/][left.name='input'][right.type=/^(Literal|TemplateLiteral)$/], BinaryExpression[operator=/^[!=]==?$/][right.name='input'][left.type=/^(Literal|TemplateLiteral)$/]",
          message:
            'Compare no typed character here: declare the key in src/ui/key-bindings.ts and use commandFor / matches.',
        },
      ],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
