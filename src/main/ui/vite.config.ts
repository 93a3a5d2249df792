/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { resolve } from 'node:path';

// Production build into the WAR (target/ui-dist, set by Maven through UI_OUT_DIR): hashed assets, no
// source maps, no inline scripts or styles (the page runs under a strict Content-Security-Policy).
export default defineConfig({
  esbuild: { jsx: 'automatic', legalComments: 'none' },
  build: {
    outDir: process.env.UI_OUT_DIR ?? resolve(__dirname, '../../../target/ui-dist'),
    emptyOutDir: true,
    sourcemap: false,
    assetsInlineLimit: 0,
    target: 'es2022',
    rollupOptions: {
      input: { main: resolve(__dirname, 'index.html'), silent: resolve(__dirname, 'silent-renew.html') },
      // The pdf.js worker ships as .mjs; serve it as .js so any server's MIME table types it right.
      output: { assetFileNames: (a) => (a.names?.[0]?.endsWith('.mjs') ? 'assets/[name]-[hash].js' : 'assets/[name]-[hash][extname]') },
    },
  },
  server: { proxy: { '/api': 'http://localhost:8080' } },
  test: { environment: 'node', include: ['test/**/*.test.ts'] },
});
