import { readdirSync, readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import { LAZY_OUT_DIR } from './vite.lazy.config';

/** The built name of a lazy chunk (vite.lazy.config.ts runs first), like `alerts-B2x9.js`. */
function lazyChunk(name: string): string {
  const file = readdirSync(LAZY_OUT_DIR).find((candidate) => candidate.startsWith(`${name}-`) && candidate.endsWith('.js'));
  if (!file) throw new Error(`no ${name} chunk in ${LAZY_OUT_DIR}: run vite build --config vite.lazy.config.ts first`);
  return file;
}

// The embed script: one minified IIFE at dist/widget.js, served at /widget.js. No framework, no
// imports at runtime except its lazy chunks (vite.lazy.config.ts), which it loads by name with
// import(); it must stay under 3 KB gzip (bench/widgetSize.ts checks it).
//
// `--mode preview` builds the same script for the admin preview (W19) into dist/preview/, with
// the preview code switched on, next to the preview page (src/preview/preview.html), both served
// at /widget/preview/. Customer pages never load that build.
export default defineConfig(({ mode }) => {
  const preview = mode === 'preview';
  return {
    publicDir: false,
    define: { __PARLEY_PREVIEW__: JSON.stringify(preview), __PARLEY_ALERTS_CHUNK__: JSON.stringify(lazyChunk('alerts')), __PARLEY_API_CHUNK__: JSON.stringify(lazyChunk('api')) },
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
