import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The built SPA is served by Quarkus from META-INF/resources; Maven passes
// `--outDir <classes>/META-INF/resources --emptyOutDir` to `npm run build`.
const backend = 'http://localhost:8080';
// Everything under /api (REST) and /q (OpenAPI, Swagger UI, health) goes to Quarkus.
const proxy = {
  '/api': { target: backend, changeOrigin: false },
  '/q': { target: backend, changeOrigin: false },
};

export default defineConfig({
  base: '/',
  plugins: [react()],
  server: {
    port: 5173,
    proxy,
  },
  preview: {
    proxy,
  },
  build: {
    outDir: 'dist',
    sourcemap: false,
    chunkSizeWarningLimit: 800,
  },
});
