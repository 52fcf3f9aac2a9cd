import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'vite';

// `npm run dev -w apps/web` serves the pages with hot reload and forwards the API to a running
// gateway (GALLEY_GATEWAY_URL, default the one `npm start` prints).
const gateway = process.env.GALLEY_GATEWAY_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    target: 'es2022',
  },
  server: {
    port: 3000,
    host: '127.0.0.1',
    proxy: {
      '/api': { target: gateway, changeOrigin: false },
      '/.well-known': { target: gateway, changeOrigin: false },
    },
  },
});
