import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const src = (path: string): string => fileURLToPath(new URL(path, import.meta.url))

// Workspace packages are read from source, so the app builds without `tsc -b` first and reloads fast.
export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      '@linesight/viz': src('../../packages/viz/src/index.ts'),
      '@linesight/geo': src('../../packages/geo/src/index.ts'),
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 4000,
    assetsInlineLimit: 0,
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': 'http://127.0.0.1:4173' },
  },
})
