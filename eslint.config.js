import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['node_modules', 'dist', 'data', 'test-results', 'playwright-report'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='postMessage'] > Literal[value='*']",
          message: 'postMessage must name an exact target origin, never "*".',
        },
      ],
    },
  },
  {
    files: ['src/embed/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/checkout/**'], message: 'embed/ must not import checkout/.' }] },
      ],
    },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/embed/**', '**/checkout/**', '**/messaging/**'],
              message: 'server/ never imports browser code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/protocol/**/*.ts', 'src/card/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../*', '!../protocol/*', '!../card/*'],
              message: 'protocol/ and card/ import nothing else of ours.',
            },
          ],
        },
      ],
    },
  },
);
