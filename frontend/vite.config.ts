import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { loadEnv, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';

// The built SPA is served by Quarkus from META-INF/resources; Maven passes
// `--outDir <classes>/META-INF/resources --emptyOutDir` to `npm run build` (they reach `vite build`,
// the last command of the script).
//
// The dev and preview servers pass everything under /api (REST), /ws (the live WebSockets) and /q
// (OpenAPI, Swagger UI, health) to the backend named by HOPSO_BACKEND (environment or a git-ignored
// .env.local), by default the Quarkus dev port: `HOPSO_BACKEND=http://127.0.0.1:18080 npm run dev`.

/** pdf.js's data files the reader points it at (`/pdfjs/…`): fonts a PDF names without embedding them, image decoders. */
const PDFJS_DATA: { dir: string; keep: RegExp }[] = [
  { dir: 'standard_fonts', keep: /\.(pfb|ttf)$/ },
  // JBIG2 and JPEG 2000 decoders (scanned papers), colour profiles; not the scripting engine
  { dir: 'wasm', keep: /^(jbig2|openjpeg|qcms).*\.wasm$/ },
  { dir: 'iccs', keep: /\.icc$/ },
];

/**
 * Serves pdf.js's data files under /pdfjs/ in dev and emits them into the build, where the service
 * worker precaches them with the rest (a document must render offline too).
 */
function pdfjsData(): Plugin {
  const root = resolve('node_modules/pdfjs-dist');
  const files = () =>
    PDFJS_DATA.flatMap(({ dir, keep }) =>
      readdirSync(join(root, dir))
        .filter((name) => keep.test(name))
        .map((name) => ({ path: `pdfjs/${dir}/${name}`, source: join(root, dir, name) })),
    );
  return {
    name: 'hopso-pdfjs-data',
    configureServer(server) {
      const byPath = new Map(files().map((f) => [`/${f.path}`, f.source]));
      server.middlewares.use((req, res, next) => {
        const source = req.url ? byPath.get(req.url.split('?')[0] ?? '') : undefined;
        if (!source) return next();
        res.setHeader('Content-Type', source.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream');
        res.end(readFileSync(source));
      });
    },
    generateBundle() {
      for (const f of files()) this.emitFile({ type: 'asset', fileName: f.path, source: readFileSync(f.source) });
    },
  };
}

export default defineConfig(({ mode }) => {
  const backend = loadEnv(mode, '.', 'HOPSO_').HOPSO_BACKEND || 'http://localhost:8080';
  const proxy = {
    '/api': { target: backend, changeOrigin: false },
    '/ws': { target: backend, changeOrigin: false, ws: true },
    '/q': { target: backend, changeOrigin: false },
  };
  return {
    base: '/',
    plugins: [
      react(),
      pdfjsData(),
      // The service worker (Workbox, generated at build time) precaches the built app (index.html,
      // scripts, styles, pdf.js and its data files), so the app opens after a reload without
      // network. It answers navigations with index.html, except under /api, /ws and /q, and has no
      // runtime caching at all: API answers never go through it (what is kept for reading offline
      // lives in IndexedDB, src/offline/). A new version waits until the user accepts it
      // (src/offline/UpdateBanner.tsx).
      VitePWA({
        strategies: 'generateSW',
        registerType: 'prompt',
        injectRegister: false,
        manifest: false,
        workbox: {
          globPatterns: ['**/*.{html,js,mjs,css,svg,png,ico,woff2,wasm,pfb,ttf,icc}'],
          // the pdf.js worker is about 1.3 MB
          maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
          navigateFallback: 'index.html',
          navigateFallbackDenylist: [/^\/api\//, /^\/ws\//, /^\/q\//],
          cleanupOutdatedCaches: true,
          runtimeCaching: [],
        },
        devOptions: { enabled: false },
      }),
    ],
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
      // pure functions only: no DOM needed (IndexedDB comes from fake-indexeddb where a test needs it)
      environment: 'node',
      include: ['src/**/*.test.ts', 'scripts/**/*.test.mjs'],
      // dates must come out in Vietnam time whatever the machine's zone
      env: { TZ: 'America/New_York' },
      // the stylesheet's text, for the tests that check it (`styles.css?raw`; other CSS stays empty)
      css: { include: [/\/styles\.css/] },
    },
  };
});
