import Fastify from 'fastify';
import { serveForBench } from './child-server';

/** The baseline of DESIGN §11: Fastify with one trivial JSON route, no logger, no database. */
const app = Fastify({ logger: false });
app.post('/bare', async (request) => ({ ok: true, echo: request.body }));
await serveForBench(app);
