import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import root from '../../../vitest.config.js'

const src = (path: string): string => fileURLToPath(new URL(path, import.meta.url))

// `npm run e2e -w @linesight/web`: the browser tests alone, with the server and viz read from source. The root
// config's aliases and timeouts are kept; only the include list is replaced (mergeConfig would append to it).
export default defineConfig({
  ...root,
  root: src('../../../'),
  resolve: {
    alias: {
      ...(root.resolve?.alias as Record<string, string>),
      '@linesight/server': src('../../server/src/index.ts'),
      '@linesight/viz': src('../../../packages/viz/src/index.ts'),
    },
  },
  test: { ...root.test, include: ['apps/web/e2e/**/*.test.ts'] },
})
