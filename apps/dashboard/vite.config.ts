import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

// The server serves `dist` under /inbox/ and falls back to index.html for deep links, so every
// asset URL must be absolute under that base.
export default defineConfig({
  base: '/inbox/',
  plugins: [preact()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    // `npm run dev -w apps/dashboard` against a server started separately on port 3000.
    proxy: {
      '/api': 'http://localhost:3000',
      '/realtime': { target: 'ws://localhost:3000', ws: true },
    },
  },
});
