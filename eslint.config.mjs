// Lint: typescript-eslint with type information, plus the module boundaries of style.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.probe*', 'dist/**', 'node_modules/**', 'coverage/**', 'src/web/public/vendor/**', 'bench/results/**', 'eslint.config.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // Store interfaces are async; their in-memory twins legitimately have nothing to await.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
    },
  },
  {
    files: ['src/web/public/**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      parserOptions: { projectService: false, program: null },
      globals: { window: 'readonly', document: 'readonly', localStorage: 'readonly', navigator: 'readonly', WebSocket: 'readonly', fetch: 'readonly', crypto: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', console: 'readonly', URL: 'readonly', sessionStorage: 'readonly', location: 'readonly', HTMLElement: 'readonly', Date: 'readonly', JSON: 'readonly', Math: 'readonly', Intl: 'readonly' },
      sourceType: 'script',
    },
  },
  {
    files: ['dialogs/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/src/*', '!**/src/types'], message: 'dialogs/ import only xstate and shared types (src/types).' },
        { group: ['ioredis', 'botkit', 'botbuilder*', 'express', 'ws', 'node:*'], message: 'dialogs/ are pure.' },
      ] }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/channels/botkit/**', 'src/store/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [
        { name: 'ioredis', message: 'Only src/store talks to Redis.' },
        { name: 'botkit', message: 'Only src/channels/botkit imports Botkit.' },
        { name: 'botbuilder-adapter-web', message: 'Only src/channels/botkit imports Botkit.' },
        { name: 'ws', message: 'Only src/channels/botkit imports ws.' },
      ] }],
    },
  },
  {
    files: ['src/channels/botkit/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'ioredis', message: 'Only src/store talks to Redis.' }] }] },
  },
  {
    files: ['src/store/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [
        { name: 'botkit', message: 'Only src/channels/botkit imports Botkit.' },
        { name: 'botbuilder-adapter-web', message: 'Only src/channels/botkit imports Botkit.' },
      ] }],
    },
  },
);
