import { defineConfig, type Plugin } from 'vite';
import { precompressAssets } from './build/precompress-assets.ts';

// Paths are relative to this file so `vite build --config apps/web/vite.config.ts` works from the repo root.
const root = new URL('.', import.meta.url).pathname;
const libs = new URL('../../libs/', import.meta.url).pathname;
const labels = `${libs}domain/src/labels/`;

/**
 * The web shares the api's types through tsconfig paths, with `import type` only. Vite follows those
 * paths too, so a plain import would quietly bundle server code (the domain's calendar data, or
 * worse): fail the build instead.
 *
 * One folder is allowed as values: libs/domain/src/labels/, the Chinese names of statuses, events,
 * actions and roles. It is pure data whose own imports are type-only, and sharing it is the point:
 * the pages, the api's sheets and messages say the same word for the same thing, and a new status
 * or action fails to compile until it has its label.
 */
const typesOnlyFromLibs: Plugin = {
  name: 'duban-types-only-from-libs',
  load(id) {
    if (id.startsWith(libs) && !id.startsWith(labels)) {
      this.error(`${id.slice(libs.length - 'libs/'.length)} is server code: import its types with \`import type\` instead.`);
    }
  },
};

export default defineConfig({
  root,
  base: '/',
  plugins: [typesOnlyFromLibs, precompressAssets()],
  resolve: { alias: { '@duban/domain/labels': `${labels}index.ts` } },
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
      // React and ECharts in chunks of their own: they change less often than the app, so browsers
      // keep them. The rest of node_modules (antd's components) is split along the pages' lazy
      // imports, so the login page and a deputy's phone load only the components they show.
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/ },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
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
