// Flat ESLint config. The folder rules make the runtime boundaries mechanical: shared/ is plain
// TypeScript, the engine never touches Electron, the renderer never touches Node, no layer reaches into
// another by a relative path, an analytic never imports another analytic, and no module imports itself
// through a cycle.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { noImportCycle } from './scripts/eslint/importCycles.js';

// Every Node built-in, bare or with its node: prefix, and their subpaths (fs/promises).
const nodeOnly = ['node:*', ...builtinModules, ...builtinModules.map((m) => `${m}/*`)];

/** One `no-restricted-imports` setting per folder: later config blocks replace a rule, they do not merge it. */
function restrictImports({ paths = [], node = null, layers = [] }) {
  const patterns = [];
  if (node) patterns.push({ group: nodeOnly, message: node });
  for (const [regex, message] of layers) patterns.push({ regex, message });
  return { 'no-restricted-imports': ['error', { paths, patterns }] };
}

const ENGINE_NO_ELECTRON = {
  name: 'electron',
  message: 'The engine must run on plain Node (CLI, browser mode, tests).',
};
const NOT_THE_RENDERER = [
  '(^|/)renderer/',
  'The engine and shell never import the renderer: it is a sandboxed page.',
];
const NOT_ELECTRON_OR_RENDERER = [
  '^(\\.\\./)+(electron|renderer)/',
  'shared/ is the contract both sides import; it imports neither.',
];
const NOT_ELECTRON_FROM_RENDERER = [
  '(^|/)electron/',
  'The renderer reaches the engine only through shared/api (IPC or HTTP), never by importing it.',
];
// From inside electron/engine/analytics/<folder>/: a sibling folder other than common/ is another analytic.
const NOT_ANOTHER_ANALYTIC = [
  '^\\.\\./(?!common/)[A-Za-z0-9_-]+/',
  'An analytic imports only analytics/common and the analytics core, never another analytic: move what both need to common/.',
];

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
    plugins: { local: { rules: { 'no-import-cycle': noImportCycle } } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: [
      'electron/**/*.ts',
      'electron/**/*.cts',
      'shared/**/*.ts',
      'renderer/src/**/*.ts',
      'renderer/src/**/*.tsx',
    ],
    rules: { 'local/no-import-cycle': 'error' },
  },
  {
    files: ['**/*.js', '**/*.mjs', 'scripts/**', 'bin/**'],
    languageOptions: { globals: globals.node },
    // Build and launcher scripts talk to the terminal by design.
    rules: { 'no-console': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['electron/**/*.ts'],
    rules: restrictImports({ layers: [NOT_THE_RENDERER] }),
  },
  {
    files: ['electron/engine/**/*.ts'],
    rules: restrictImports({ paths: [ENGINE_NO_ELECTRON], layers: [NOT_THE_RENDERER] }),
  },
  {
    files: ['electron/engine/analytics/*/**/*.ts'],
    rules: restrictImports({ paths: [ENGINE_NO_ELECTRON], layers: [NOT_THE_RENDERER, NOT_ANOTHER_ANALYTIC] }),
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrictImports({
      paths: ['electron', '@duckdb/node-api'],
      node: 'shared/ is imported by the renderer: no Node modules.',
      layers: [NOT_ELECTRON_OR_RENDERER],
    }),
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: globals.browser },
    rules: restrictImports({
      paths: ['electron', '@duckdb/node-api'],
      node: 'The renderer is a sandboxed page: talk to the engine through shared/api.',
      layers: [NOT_ELECTRON_FROM_RENDERER],
    }),
  },
  {
    // The classic hook rules. The plugin's React Compiler rules (set-state-in-effect and others) flag
    // patterns the screens use on purpose (resetting a page when a filter changes); not adopted yet.
    files: ['renderer/src/**/*.tsx', 'renderer/src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // The CLI, the bench and the test/e2e harness print to the terminal by design.
    files: ['electron/engine/cli/**/*.ts', 'bench/**/*.ts', 'scripts/**', 'test/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
