import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      '**/fixtures/**/*.json',
      '**/*.cjs',
      '**/dist/**',
      '**/node_modules/**',
      'tools/bench/**/*.js',
      '.demo/**',
      '.bench/**',
      'cases/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      // noUncheckedIndexedAccess makes `xs[i]!` after a bounds check the honest spelling; reviews catch misuse.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // `{ evidence: _e, ...rest }` drops a field on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { ignoreRestSiblings: true, argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@linesight/*/src/*', '@linesight/*/dist/*'],
              message: 'Import the package entry, not its internals.',
            },
          ],
        },
      ],
    },
  },
  {
    // Analyses are pure functions of (store, params, ctx): the clock and randomness come in through ctx.
    files: ['packages/analysis/src/**/*.ts'],
    ignores: ['**/*.test.ts', 'packages/analysis/src/test/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'Date', message: 'Take the clock from ctx.now: analyses must be deterministic.' },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'Math',
          property: 'random',
          message: 'Take the seed from ctx: analyses must be deterministic.',
        },
      ],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@duckdb/node-api', message: 'Ask the CaseStore port instead.' }] },
      ],
    },
  },
  {
    files: ['packages/{model,geo,identifiers,ingest,store}/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@duckdb/node-api',
              message: 'Only store-duckdb talks to DuckDB: go through the CaseStore port.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
)
