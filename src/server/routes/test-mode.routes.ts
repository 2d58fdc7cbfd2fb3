import type { FastifyInstance } from 'fastify';
import { z } from 'zod/mini';
import { chargebackSchema, disputeOutcomeSchema } from '../../protocol/payment-operations';
import { decideChargeback, decideChargebackReversal, decideDisputeLost } from '../domain/disputes';
import { runSweeps } from '../domain/expiry-sweep';
import { changePayment } from '../domain/payment-change';
import type { Services } from '../domain/services';
import type { TestClock } from '../domain/test-clock';
import { paymentParams } from './payments.routes';
import { parseWith } from './problem';

const advanceSchema = z.strictObject({
  seconds: z.int().check(z.minimum(1), z.maximum(366 * 24 * 60 * 60)),
});

/**
 * Test-mode endpoints: what a real acquirer would report (chargebacks and their outcome), so a
 * merchant can exercise its handlers. The server only runs against the sandbox acquirer today.
 */
export function disputeTestRoutes(app: FastifyInstance, services: Services): void {
  app.post('/v1/test/payments/:id/chargeback', async (request) => {
    const { id } = parseWith(paymentParams, request.params);
    const body = parseWith(chargebackSchema, request.body ?? {});
    return changePayment(services, request.merchant, id, decideChargeback(body.amount));
  });

  app.post('/v1/test/payments/:id/chargeback-reversal', async (request) => {
    const { id } = parseWith(paymentParams, request.params);
    parseWith(disputeOutcomeSchema, request.body ?? {});
    return changePayment(services, request.merchant, id, decideChargebackReversal());
  });

  app.post('/v1/test/payments/:id/dispute-lost', async (request) => {
    const { id } = parseWith(paymentParams, request.params);
    parseWith(disputeOutcomeSchema, request.body ?? {});
    return changePayment(services, request.merchant, id, decideDisputeLost());
  });
}

/**
 * `POST /v1/test/clock/advance` (only with `PAYFRAME_ENABLE_TEST_CLOCK`): moves the clock forward,
 * then runs the expiry sweep at once so its events are there when the call returns.
 */
export function testClockRoutes(app: FastifyInstance, services: Services, clock: TestClock): void {
  app.post('/v1/test/clock/advance', async (request) => {
    const { seconds } = parseWith(advanceSchema, request.body);
    const now = new Date(clock.advance(seconds * 1000)).toISOString();
    // What the sweeper would do next: expiries, dead attempts, the dispute card's chargebacks.
    const expired = await runSweeps(services);
    return { now, expired };
  });
}
