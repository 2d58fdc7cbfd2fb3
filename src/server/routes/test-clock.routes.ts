import type { FastifyInstance } from 'fastify';
import { z } from 'zod/mini';
import type { TestClock } from '../domain/test-clock';
import { parseWith } from './problem';

const advanceSchema = z.strictObject({
  seconds: z.int().check(z.minimum(1), z.maximum(366 * 24 * 60 * 60)),
});

/** `POST /v1/test/clock/advance`: moves the test clock forward (test mode only). */
export function testClockRoutes(app: FastifyInstance, clock: TestClock): void {
  app.post('/v1/test/clock/advance', async (request) => {
    const { seconds } = parseWith(advanceSchema, request.body);
    return { now: new Date(clock.advance(seconds * 1000)).toISOString() };
  });
}
