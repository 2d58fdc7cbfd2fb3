import type { FastifyInstance } from 'fastify';
import { setOrderCheckSchema, type OrderCheckSettings } from '../../protocol/order-check';
import { PayframeError } from '../domain/payframe-error';
import type { Services } from '../domain/services';
import type { AppRecord } from '../store/records';
import { parseWith } from './problem';

function settings(app: AppRecord, services: Services): OrderCheckSettings {
  return {
    object: 'order_check',
    url: app.order_check_url,
    timeout_ms: services.config.orderCheckTimeoutMs,
  };
}

/** The app's order check: the URL asked before each payment, or none. */
export function orderCheckRoutes(app: FastifyInstance, services: Services): void {
  app.get('/v1/order-check', async (request) => settings(request.merchant, services));

  app.post('/v1/order-check', async (request) => {
    const { url } = parseWith(setOrderCheckSchema, request.body);
    const updated = await services.store.setOrderCheckUrl(request.merchant.id, url);
    if (!updated) throw new PayframeError('internal_error', 'The app vanished.');
    return settings(updated, services);
  });
}
