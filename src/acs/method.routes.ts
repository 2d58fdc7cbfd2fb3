import type { FastifyInstance } from 'fastify';
import { decodeMethodData } from '../server/three-ds/messages';
import {
  formField,
  isPaymentUrl,
  requestLanguage,
  sendInvalid,
  sendPage,
  type AcsContext,
} from './acs-context';
import { renderMethodPage } from './method-page';

/** `POST /3ds-method`: the device-data step, which reports straight back to the payment server. */
export function methodRoutes(app: FastifyInstance, context: AcsContext): void {
  app.post('/3ds-method', async (request, reply) => {
    const encoded = formField(request.body, 'threeDSMethodData') ?? '';
    const data = decodeMethodData(encoded);
    if (!data || !isPaymentUrl(context, data.threeDSMethodNotificationURL)) {
      return sendInvalid(request, reply);
    }
    return sendPage(reply, 200, renderMethodPage(data, encoded, requestLanguage(request)));
  });
}
