import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * Two builds: the default mode builds the checkout frame as a multi-page app (hashed assets, no
 * inline scripts, served by the payment server); `--mode embed` builds `embed.js`, the one-file
 * host script merchants load with a script tag, and `--mode embed-module` the same as an ES module,
 * `embed.mjs`.
 */
export default defineConfig(({ mode }) =>
  mode === 'embed-module'
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
