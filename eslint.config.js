// ESLint flat config: typescript-eslint's recommended rules for all code,
// React hooks rules for the client, and a few house rules from docs/architecture.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      '.data/',
      '.tmp/',
      'coverage/',
      'bench/results/',
      'test-results/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
    },
  },
  {
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/repositories/**', 'server/src/db/**'],
    rules: {
      // SQL lives in repositories: nothing else may import knex.
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'knex', message: 'Only repositories and db/ talk SQL.' }] },
      ],
    },
  },
  {
    files: ['server/src/domain/**/*.ts'],
    rules: {
      // domain/ is pure: no I/O, no framework.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'node:*',
            'fs',
            'knex',
            'pg',
            'fastify',
            '@fastify/*',
            '../repositories/*',
            '../services/*',
          ],
        },
      ],
    },
  },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['bench/**/*.ts', 'server/src/cli/**/*.ts', 'tests/**/*.ts', '.ci/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
