// The web app: built into dist/web (served by the API process at /), or served by Vite's dev server
// with /api proxied to the API on :3000 (`npm run dev`). Paths are relative to this folder.
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'web',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // The first load's JavaScript is measured by scripts/web-bundle-size.ts.
    manifest: true,
    // Vite's warning is about minified size; our budget is 300 kB gzipped, checked after the build.
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      onwarn(warning, warn) {
        // Designsystemet's icons mark themselves "use client", which means nothing outside server components.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000' },
  },
});
