import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';

export interface FrameworkPagesOptions {
  paymentUrl: string;
  /** The shop's own Content-Security-Policy: these pages run under the same, no exception. */
  csp: string;
}

const DIST = join(import.meta.dirname, '..', 'dist', 'demo');
/** Vite's hashed file names; anything else (a path, `..`) is not one of ours. */
const ASSET = /^[\w-]+\.(js|css)$/;
const TYPES = { js: 'text/javascript', css: 'text/css' } as const;

/**
 * The React (`/react`) and Vue (`/vue`) example pages: apps built by `vite build --mode
 * demo-frameworks` into dist/demo, their hashed assets under `/demo/assets/`. Read on each request,
 * so a rebuild shows without a restart.
 */
export function frameworkPages(app: FastifyInstance, options: FrameworkPagesOptions): void {
  for (const name of ['react', 'vue'] as const) {
    app.get(`/${name}`, async (_request, reply) => {
      const file = join(DIST, `${name}.html`);
      if (!existsSync(file)) {
        return reply
          .code(503)
          .type('text/plain; charset=utf-8')
          .send(`The ${name} example page is not built: run \`npm run build\`, then reload.`);
      }
      const page = readFileSync(file, 'utf8').replaceAll('%PAYFRAME_URL%', options.paymentUrl);
      return reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', options.csp)
        .send(page);
    });
  }

  app.get<{ Params: { file: string } }>('/demo/assets/:file', async (request, reply) => {
    const { file } = request.params;
    const type = ASSET.exec(file)?.[1] as keyof typeof TYPES | undefined;
    const path = join(DIST, 'assets', file);
    if (!type || !existsSync(path)) return reply.code(404).send({ error: 'not found' });
    return reply
      .type(`${TYPES[type]}; charset=utf-8`)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(readFileSync(path));
  });
}
