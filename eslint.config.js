// One linter for the whole tree: TypeScript rules everywhere, React hook rules in the web app.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'coverage/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  // Layers depend one way: core ← editor ← web, core ← server; the server draws reading copies
  // with the editor's DOM-free drawing (`@factcheck/editor/article-copy`) and nothing else of it.
  {
    files: ['packages/core/src/**'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@factcheck/*', 'prosemirror-*', 'y-prosemirror', 'y-websocket', 'react', 'react-dom'],
              message: 'core knows nothing of other layers, the DOM or React.',
            },
            {
              group: ['ws', 'fastify', 'node:*', 'fs', 'http', 'net'],
              message: 'core has no network or file access.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/editor/src/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@factcheck/web', '@factcheck/server', 'react', 'react-dom', 'y-websocket', 'ws'],
              message: 'editor is ProseMirror only: no React, no network.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/server/src/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@factcheck/editor',
              message:
                'the server draws reading copies with @factcheck/editor/article-copy, and uses nothing else of the editor.',
            },
          ],
          patterns: [
            {
              group: [
                '@factcheck/editor/*',
                '!@factcheck/editor/article-copy',
                '@factcheck/web',
                'react',
                'react-dom',
                'prosemirror-*',
              ],
              message:
                'the server builds on core only (and draws reading copies with @factcheck/editor/article-copy).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['scripts/**', 'tests/**', 'bench/**', 'apps/server/src/cli/**'],
    rules: { 'no-console': 'off' },
  },
);
