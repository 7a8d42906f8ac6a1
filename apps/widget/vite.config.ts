import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

// The chat frame. The server serves dist/frame/* at /widget/frame/*, so every asset URL is built
// under that base. The loader (vite.loader.config.ts) is a separate build into the same dist/.
const frameRoot = new URL('./src/frame/', import.meta.url).pathname;
const outDir = new URL('./dist/frame/', import.meta.url).pathname;

export default defineConfig({
  root: frameRoot,
  base: '/widget/frame/',
  plugins: [preact()],
  publicDir: false,
  build: {
    outDir,
    // outDir lies outside root; Vite only empties it when told to.
    emptyOutDir: true,
    // Loaded inside an iframe on every customer site: keep it one small request per kind.
    cssCodeSplit: false,
    modulePreload: { polyfill: false },
    rollupOptions: {
      output: {
        // One chunk per language (W16), under assets/lang/ so the size bench and the browser
        // tests can tell them from the entry: the chat UI is the entry plus one of them. The
        // emoji picker (W12) loads only when its button is used: assets/emoji/, outside that budget.
        chunkFileNames: (chunk) => {
          if (chunk.facadeModuleId?.includes('/src/frame/i18n/')) return 'assets/lang/[name]-[hash].js';
          if (chunk.facadeModuleId?.includes('/packages/emoji/')) return 'assets/emoji/[name]-[hash].js';
          return 'assets/[name]-[hash].js';
        },
      },
    },
  },
  server: {
    // `npm run dev -w apps/widget` against a server started separately on port 3000.
    proxy: {
      '/api': 'http://localhost:3000',
      '/realtime': { target: 'ws://localhost:3000', ws: true },
    },
  },
});
