import { defineConfig } from 'vite';

// Paths are relative to this file so `vite build --config apps/web/vite.config.ts` works from the repo root.
const root = new URL('.', import.meta.url).pathname;

export default defineConfig({
  root,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: `${root}dist`,
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      // antd marks its modules "use client" for React Server Components; meaningless in this SPA.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
      // Libraries in chunks of their own: they change less often than the app, so browsers keep them cached.
      output: {
        codeSplitting: {
          groups: [
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    // The api in dev runs on :3000 (`npm start`); DUBAN_API_URL points elsewhere.
    proxy: { '/api': { target: process.env.DUBAN_API_URL ?? 'http://localhost:3000', changeOrigin: true } },
  },
});
