import react from '@vitejs/plugin-react';
import { loadEnv } from 'vite';
import { defineConfig } from 'vitest/config';

// The built SPA is served by Quarkus from META-INF/resources; Maven passes
// `--outDir <classes>/META-INF/resources --emptyOutDir` to `npm run build` (they reach `vite build`,
// the last command of the script).
//
// The dev and preview servers pass everything under /api (REST), /ws (the live WebSockets) and /q
// (OpenAPI, Swagger UI, health) to the backend named by HOPSO_BACKEND (environment or a git-ignored
// .env.local), by default the Quarkus dev port: `HOPSO_BACKEND=http://127.0.0.1:18080 npm run dev`.
export default defineConfig(({ mode }) => {
  const backend = loadEnv(mode, '.', 'HOPSO_').HOPSO_BACKEND || 'http://localhost:8080';
  const proxy = {
    '/api': { target: backend, changeOrigin: false },
    '/ws': { target: backend, changeOrigin: false, ws: true },
    '/q': { target: backend, changeOrigin: false },
  };
  return {
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
    test: {
      // pure functions only: no DOM needed
      environment: 'node',
      include: ['src/**/*.test.ts', 'scripts/**/*.test.mjs'],
      // dates must come out in Vietnam time whatever the machine's zone
      env: { TZ: 'America/New_York' },
    },
  };
});
