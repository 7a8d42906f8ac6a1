import { defineConfig } from 'vite';

// The embed script: one minified IIFE at dist/widget.js, served at /widget.js. No framework, no
// imports at runtime; it must stay under 3 KB gzip (bench/widgetSize.ts checks it).
export default defineConfig({
  publicDir: false,
  build: {
    outDir: new URL('./dist/', import.meta.url).pathname,
    // The frame build (vite.config.ts) already wrote dist/frame; keep it.
    emptyOutDir: false,
    minify: true,
    sourcemap: false,
    lib: {
      entry: new URL('./src/loader/main.ts', import.meta.url).pathname,
      formats: ['iife'],
      name: 'ParleyLoader',
      fileName: () => 'widget.js',
    },
  },
});
