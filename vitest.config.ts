import { defineConfig } from 'vitest/config'
import { fileURLToPath } from 'node:url'

const src = (path: string): string => fileURLToPath(new URL(path, import.meta.url))

// Tests import workspace packages from source, so no build is needed to run one test file.
export default defineConfig({
  resolve: {
    alias: {
      '@linesight/model': src('./packages/model/src/index.ts'),
      '@linesight/geo': src('./packages/geo/src/index.ts'),
      '@linesight/identifiers': src('./packages/identifiers/src/index.ts'),
      '@linesight/store': src('./packages/store/src/index.ts'),
      '@linesight/ingest': src('./packages/ingest/src/index.ts'),
      '@linesight/store-duckdb': src('./packages/store-duckdb/src/index.ts'),
      '@linesight/casework': src('./packages/casework/src/index.ts'),
      '@linesight/report': src('./packages/report/src/index.ts'),
      '@linesight/viz': src('./packages/viz/src/index.ts'),
      '@linesight/server': src('./apps/server/src/index.ts'),
      '@linesight/analysis': src('./packages/analysis/src/index.ts'),
      '@linesight/generator': src('./fixtures/generator/src/index.ts'),
    },
  },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'apps/*/src/**/*.test.ts',
      'fixtures/*/src/**/*.test.ts',
      'apps/*/e2e/**/*.test.ts',
    ],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default', './tools/vitest/summary-reporter.ts'],
  },
})
