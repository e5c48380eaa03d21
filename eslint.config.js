// Flat ESLint config. The folder rules make the runtime boundaries mechanical:
// shared/ is plain TypeScript, the engine never touches Electron, the renderer never touches Node.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeOnly = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'stream'];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'renderer-dist/**',
      'node_modules/**',
      'sample-logs/**',
      'bench-data/**',
      'test-output/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', 'scripts/**', 'bin/**'],
    languageOptions: { globals: globals.node },
    // Build and launcher scripts talk to the terminal by design.
    rules: { 'no-console': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['electron/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The engine must run on plain Node (CLI, browser mode, tests).' },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', '@duckdb/node-api'],
          patterns: [{ group: nodeOnly, message: 'shared/ is imported by the renderer: no Node modules.' }],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', '@duckdb/node-api'],
          patterns: [
            {
              group: nodeOnly,
              message: 'The renderer is a sandboxed page: talk to the engine through shared/api.',
            },
          ],
        },
      ],
    },
  },
  {
    // The CLI, the bench and the test/e2e harness print to the terminal by design.
    files: ['electron/engine/cli/**/*.ts', 'bench/**/*.ts', 'scripts/**', 'test/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
