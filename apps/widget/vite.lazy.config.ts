import { defineConfig } from 'vite';

// The loader's lazily loaded chunks: code the embed script (vite.loader.config.ts) needs only
// now and then, imported at run time with `import()` from /widget/loader/<name>-<hash>.js. ES
// modules with content hashes in their names (cached for good), into dist/loader/, built before
// the loader, which reads their names from there.
export const LAZY_OUT_DIR = new URL('./dist/loader/', import.meta.url).pathname;

export default defineConfig({
  publicDir: false,
  build: {
    outDir: LAZY_OUT_DIR,
    emptyOutDir: true,
    minify: true,
    sourcemap: false,
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: {
        alerts: new URL('./src/loader/alerts/main.ts', import.meta.url).pathname,
        api: new URL('./src/loader/api/main.ts', import.meta.url).pathname,
      },
      // The loader calls the entry's default export: keep it.
      preserveEntrySignatures: 'strict',
      output: { format: 'es', entryFileNames: '[name]-[hash].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
});
