import type { FastifyInstance, FastifyReply } from 'fastify';
import { catalogEntry, type ErrorCode } from '../../protocol/errors';
import { payFormSchema, SIGNED_FIELDS, type PayFormSettings } from '../../protocol/pay-form';
import { acceptPayForm } from '../domain/pay-form';
import { PayframeError } from '../domain/payframe-error';
import type { Services } from '../domain/services';
import { html } from '../html';
import { acceptFormBodies } from './form-bodies';

/** A shopper posted a form that cannot be paid: say so in a page, naming the stable code. */
function formErrorPage(reply: FastifyReply, code: ErrorCode, details: string[] = []) {
  const entry = catalogEntry(code);
  const page = html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Payment form not accepted</title>
      </head>
      <body>
        <main>
          <h1>This payment form cannot be used</h1>
          <p>${entry.title}</p>
          ${
            details.length > 0
              ? html`<ul>
                  ${details.map((d) => html`<li>${d}</li>`)}
                </ul>`
              : ''
          }
          <p>Nothing was charged. Return to the shop and try again, or contact it.</p>
          <p>
            <small>Error code: <code>${code}</code></small>
          </p>
        </main>
      </body>
    </html>`;
  return reply
    .code(entry.status)
    .header('content-security-policy', "default-src 'none'; base-uri 'none'; form-action 'none'")
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(page.toString());
}

/** `POST /pay`: the simple HTML form of a merchant without server code, and its settings. */
export async function payFormRoutes(app: FastifyInstance, services: Services): Promise<void> {
  await app.register(async (forms) => {
    acceptFormBodies(forms);
    forms.post('/pay', async (request, reply) => {
      const parsed = payFormSchema.safeParse(request.body);
      if (!parsed.success) {
        // Named by our field names only: whatever else was posted is not written back.
        const fields = parsed.error.issues.map((i) =>
          i.code === 'unrecognized_keys'
            ? 'the form has fields that are not part of it'
            : `${i.path.join('.') || 'form'}: ${i.message}`,
        );
        return formErrorPage(reply, 'invalid_request', fields);
      }
      try {
        const invoice = await acceptPayForm(services, parsed.data);
        const checkout = `${services.config.publicUrl}/checkout/${invoice.checkout_token}`;
        return reply.code(303).header('location', checkout).send();
      } catch (error) {
        if (error instanceof PayframeError) return formErrorPage(reply, error.code);
        throw error;
      }
    });
  });
}

/** `GET /v1/form`: what a merchant needs to sign forms (merchant API, secret key). */
export function payFormSettingsRoutes(app: FastifyInstance, services: Services): void {
  app.get('/v1/form', async (request): Promise<PayFormSettings> => ({
    object: 'pay_form',
    url: `${services.config.publicUrl}/pay`,
    secret: request.merchant.form_secret,
    signed_fields: [...SIGNED_FIELDS],
  }));
}
