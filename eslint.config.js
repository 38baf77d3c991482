// ESLint flat config: typescript-eslint's recommended rules for all code,
// React hooks rules for the client, and a few house rules from docs/architecture.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const KNEX_CALL =
  "CallExpression[callee.name=/^(knex|trx|k)$/], CallExpression[callee.property.name='knex']";
const WRITES = '/^(insert|update|del|delete|truncate|merge|upsert)$/';
const SQL_MESSAGE =
  'Write rows through a repository (BulkLoadRepository for seeds, factories and benchmarks), not with knex here.';
/** knex writes: a query chain ending in insert/update/delete, or raw SQL that writes. */
const SQL_WRITES = [
  {
    selector: `CallExpression[callee.property.name=${WRITES}]:has(CallExpression[callee.name=/^(knex|trx|k)$/])`,
    message: SQL_MESSAGE,
  },
  {
    selector: `CallExpression[callee.property.name=${WRITES}]:has(CallExpression[callee.property.name='knex'])`,
    message: SQL_MESSAGE,
  },
  {
    selector: String.raw`CallExpression[callee.property.name='raw'][arguments.0.value=/^\s*(insert|update|delete|truncate)\b/i]`,
    message: SQL_MESSAGE,
  },
  {
    selector: String.raw`CallExpression[callee.property.name='raw'] > TemplateLiteral > TemplateElement[value.raw=/^\s*(insert|update|delete|truncate)\b/i]`,
    message: SQL_MESSAGE,
  },
];
/** Any knex query (reads too): seeds and benchmarks go through repositories entirely. */
const SQL_ANY = [
  { selector: KNEX_CALL, message: 'Query through a repository, not with knex here.' },
  {
    selector:
      'MemberExpression[property.name=/^(raw|transaction|schema)$/][object.name=/^(knex|trx)$/]',
    message: 'Query through a repository, not with knex here.',
  },
  {
    selector:
      "MemberExpression[property.name=/^(raw|transaction|schema)$/][object.property.name='knex']",
    message: 'Query through a repository, not with knex here.',
  },
];

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
    // SQL lives in repositories, also for seeds, benchmarks and tests: they
    // write through BulkLoadRepository (server/src/repositories/bulk-load.repository.ts)
    // or the application's services. Tests may still read tables to check
    // what was (not) stored.
    files: ['tests/**/*.ts'],
    ignores: [
      // These test the schema and the database layer themselves.
      'tests/server/integration/constraints.test.ts',
      'tests/server/integration/migrations.test.ts',
      'tests/server/integration/prepared.test.ts',
      // Moves stored clocks (session idle, lock-outs) instead of waiting.
      'tests/helpers/time-travel.ts',
    ],
    rules: { 'no-restricted-syntax': ['error', ...SQL_WRITES] },
  },
  {
    files: ['seeds/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...SQL_WRITES, ...SQL_ANY] },
  },
  {
    files: ['bench/**/*.ts', 'server/src/cli/**/*.ts', 'tests/**/*.ts', '.ci/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
