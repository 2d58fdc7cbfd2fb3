import { resolve } from 'node:path';
import { defineConfig, type UserConfig } from 'vite';

/**
 * The demo shop's React and Vue example pages (`/react`, `/vue`), apps of their own with hashed
 * assets under `/demo/assets/`. Demo only: nothing of React or Vue reaches the payment server's
 * builds. Vue's runtime-only build (render functions, no template compiler) runs without `eval`.
 */
const demoFrameworks: UserConfig = {
  root: resolve(import.meta.dirname, 'demo/frameworks'),
  publicDir: false,
  base: '/demo/',
  define: {
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
  },
  build: {
    outDir: resolve(import.meta.dirname, 'dist/demo'),
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: {
        react: resolve(import.meta.dirname, 'demo/frameworks/react.html'),
        vue: resolve(import.meta.dirname, 'demo/frameworks/vue.html'),
      },
    },
  },
};

/**
 * Two builds: the default mode builds the checkout frame as a multi-page app (hashed assets, no
 * inline scripts, served by the payment server); `--mode embed` builds `embed.js`, the one-file
 * host script merchants load with a script tag, and `--mode embed-module` the same as an ES module,
 * `embed.mjs`. `--mode demo-frameworks` builds the demo's framework pages (above).
 */
export default defineConfig(({ mode }) =>
  mode === 'demo-frameworks'
    ? demoFrameworks
    : mode === 'embed-module'
      ? {
          publicDir: false,
          build: {
            outDir: 'dist/embed',
            emptyOutDir: false,
            target: 'es2022',
            // Library builds leave ES output unminified; this one is served as it is.
            rolldownOptions: { output: { minify: true } },
            lib: {
              entry: resolve(import.meta.dirname, 'src/embed/embed.module.ts'),
              formats: ['es'],
              fileName: () => 'embed.mjs',
            },
          },
        }
      : mode === 'embed'
        ? {
            publicDir: false,
            build: {
              outDir: 'dist/embed',
              emptyOutDir: true,
              target: 'es2022',
              lib: {
                entry: resolve(import.meta.dirname, 'src/embed/embed.ts'),
                name: 'Payframe',
                formats: ['iife'],
                fileName: () => 'embed.js',
              },
            },
          }
        : {
            root: resolve(import.meta.dirname, 'src/checkout'),
            publicDir: resolve(import.meta.dirname, 'public'),
            base: '/',
            build: {
              outDir: resolve(import.meta.dirname, 'dist/web'),
              emptyOutDir: true,
              target: 'es2022',
              assetsInlineLimit: 0,
              modulePreload: { polyfill: false },
              rolldownOptions: {
                input: { checkout: resolve(import.meta.dirname, 'src/checkout/index.html') },
              },
            },
          },
);
