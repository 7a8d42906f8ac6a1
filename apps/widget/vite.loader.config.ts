import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

// The embed script: one minified IIFE at dist/widget.js, served at /widget.js. No framework, no
// imports at runtime; it must stay under 3 KB gzip (bench/widgetSize.ts checks it).
//
// `--mode preview` builds the same script for the admin preview (W19) into dist/preview/, with
// the preview code switched on, next to the preview page (src/preview/preview.html), both served
// at /widget/preview/. Customer pages never load that build.
export default defineConfig(({ mode }) => {
  const preview = mode === 'preview';
  return {
    publicDir: false,
    define: { __PARLEY_PREVIEW__: JSON.stringify(preview) },
    build: {
      outDir: new URL(preview ? './dist/preview/' : './dist/', import.meta.url).pathname,
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
    plugins: preview
      ? [
          {
            name: 'parley-preview-page',
            generateBundle() {
              const source = readFileSync(new URL('./src/preview/preview.html', import.meta.url), 'utf8');
              this.emitFile({ type: 'asset', fileName: 'index.html', source });
            },
          },
        ]
      : [],
  };
});
