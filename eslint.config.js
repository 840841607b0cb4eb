import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-bench/**', 'node_modules/**', 'artifacts/**', 'reference/fixtures/**', 'reference/scenarios/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The core runs unchanged in Node, in a Worker and in the page: no DOM, no React, no d3 selections.
    files: ['src/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': ['error', {
        paths: ['react', 'react-dom', 'd3-selection', 'd3'].map((name) => ({ name, message: 'src/core has no DOM or UI dependencies.' })),
        patterns: [{ group: ['**/widgets/**', '**/book/**', 'react-dom/*'], message: 'src/core must not depend on the views.' }],
      }],
      'no-restricted-globals': ['error', 'document', 'window', 'localStorage'],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.property.name='dataSync']", message: 'dataSync() fails on WebGPU; use await t.data().' }],
    },
  },
);
