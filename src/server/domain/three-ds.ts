import type { ConfirmResult } from '../../protocol/checkout';
import type { ErrorCode } from '../../protocol/errors';
import { eciFor } from '../acquirer/sandbox-issuer';
import type { AuthenticationRecord, InvoiceRecord, PaymentRecord } from '../store/records';
import {
  decodeChallengeResponse,
  encodeChallengeRequest,
  encodeMethodData,
  type ChallengeResponse,
} from '../three-ds/messages';
import {
  applyAnswer,
  lookupAnswer,
  attemptOutcome,
  authorize,
  type AttemptAnswer,
  type AuthenticationOptions,
} from './pay-invoice';
import { allowedOrigins } from './apps';
import { PayframeError } from './payframe-error';
import type { Services } from './services';

/** Where the issuer's pages live and where they report back. */
export function threeDsUrls(services: Services) {
  const { acsUrl } = services.config.threeDs;
  const { publicUrl } = services.config;
  return {
    challenge: `${acsUrl}/challenge`,
    method: `${acsUrl}/3ds-method`,
    notify: `${publicUrl}/3ds/notify`,
    methodNotify: `${publicUrl}/3ds/method-notify`,
  };
}

/**
 * The 3DS-Method step the frame runs in a hidden iframe before confirming. The notification URL
 * names the app so its page can let the merchant's page be among its ancestors.
 */
export function threeDsMethod(services: Services, appId: string): { url: string; data: string } {
  const urls = threeDsUrls(services);
  return {
    url: urls.method,
    data: encodeMethodData({
      threeDSServerTransID: crypto.randomUUID(),
      threeDSMethodNotificationURL: `${urls.methodNotify}?app=${appId}`,
    }),
  };
}

/**
 * Who may be above our notification pages: the frame (ourselves) and the pages allowed to embed
 * it, since browsers check every ancestor, the merchant's page included.
 */
export async function notifyPageAncestors(services: Services, appId: string | null) {
  const app = appId ? await services.store.findApp(appId) : undefined;
  return app ? allowedOrigins(app) : [];
}

/** The issuer asked for a challenge: save it pending and answer the action for the browser. */
export async function startChallenge(
  services: Services,
  invoice: InvoiceRecord,
  payment: PaymentRecord,
  options: AuthenticationOptions,
): Promise<ConfirmResult> {
  const now = services.now();
  const app = await services.store.findApp(invoice.app_id);
  const { acsSecret, challengeTimeoutMs } = services.config.threeDs;
  const id = crypto.randomUUID();
  const acsTransId = crypto.randomUUID();
  const expiresAt = now + challengeTimeoutMs;
  const creq = encodeChallengeRequest(
    {
      threeDSServerTransID: id,
      acsTransID: acsTransId,
      challengeWindowSize: options.windowSize,
      merchantName: app?.name ?? '',
      purchaseAmount: payment.amount,
      purchaseCurrency: payment.currency,
      cardBrand: payment.brand,
      cardLast4: payment.last4,
      notificationURL: threeDsUrls(services).notify,
      locale: options.locale,
      expiresAt,
    },
    acsSecret,
  );
  await services.store.requireAction(payment.id, {
    id,
    payment_id: payment.id,
    app_id: payment.app_id,
    acs_trans_id: acsTransId,
    status: 'pending',
    trans_status: 'C',
    eci: null,
    liability_shift: 0,
    challenged: 1,
    three_ds_method: options.method,
    failure_reason: null,
    creq,
    shopper_result_url: options.shopperResultUrl,
    expires_at: expiresAt,
    created_at: now,
    updated_at: now,
  });
  return {
    status: 'requires_action',
    invoice_id: invoice.id,
    payment_id: payment.id,
    action: challengeAction(services, creq),
  };
}

function challengeAction(services: Services, creq: string) {
  return {
    type: 'challenge' as const,
    url: threeDsUrls(services).challenge,
    method: 'POST' as const,
    parameters: { creq },
  };
}

/** Why a challenge ended without authentication, and the code the shopper sees. */
type Ending = { transStatus: 'N' | 'U'; reason: string; code: ErrorCode };
const ENDINGS = {
  wrong_code: { transStatus: 'N', reason: 'wrong_code', code: 'authentication_failed' },
  canceled: { transStatus: 'N', reason: 'canceled', code: 'authentication_canceled' },
  timeout: { transStatus: 'U', reason: 'timeout', code: 'authentication_timeout' },
  unavailable: { transStatus: 'U', reason: 'unavailable', code: 'authentication_unavailable' },
} as const satisfies Record<string, Ending>;

function endingOf(cres: ChallengeResponse): Ending | null {
  if (cres.transStatus === 'Y') return null;
  if (cres.challengeCancel === '01') return ENDINGS.canceled;
  if (cres.transStatus === 'U') return ENDINGS.timeout;
  return ENDINGS.wrong_code;
}

async function loadAttempt(services: Services, authentication: AuthenticationRecord) {
  const payment = await services.store.findPayment(
    authentication.app_id,
    authentication.payment_id,
  );
  const invoice = payment && (await services.store.findInvoice(payment.app_id, payment.invoice_id));
  if (!payment || !invoice) throw new PayframeError('payment_not_found');
  return { payment, invoice };
}

/** True when another ending had already won (the conditional write found nothing to move). */
const lostRace = (error: unknown) =>
  error instanceof PayframeError && error.code === 'illegal_transition';

/**
 * Ends a pending challenge, once. An ending without authentication writes the authentication's
 * outcome and the failed payment in one transaction. A passed challenge is saved as
 * `authorizing` before the acquirer is called, then finished with the acquirer's answer; a result,
 * a cancel, a replay and the sweeps race safely, exactly one going on.
 */
async function endChallenge(
  services: Services,
  authentication: AuthenticationRecord,
  ending: Ending | null,
): Promise<boolean> {
  const { payment, invoice } = await loadAttempt(services, authentication);
  const transStatus = ending ? ending.transStatus : 'Y';
  const outcome = {
    trans_status: transStatus,
    eci: eciFor(payment.brand, transStatus),
    liability_shift: ending ? 0 : 1,
    failure_reason: ending?.reason ?? null,
  };
  const finished = { ...authentication, ...outcome, status: 'done' };
  if (ending) {
    const refused = { approved: false, code: ending.code } as const;
    return settle(services, invoice, payment, refused, finished, 'pending');
  }
  const won = await services.store.startAuthorizing(authentication.id, outcome, services.now());
  if (!won) return false;
  const card = await services.store.findVaultCard(payment.app_id, payment.vault_card_id);
  // The CVC is never stored (DESIGN §9): it was checked when the attempt started.
  const answer: AttemptAnswer = card
    ? await authorize(services, payment, {
        pan: services.vault.decrypt(card.pan_ciphertext),
        expMonth: card.exp_month,
        expYear: card.exp_year,
      })
    : { approved: false, code: 'processing_error' };
  return settle(services, invoice, payment, answer, finished, 'authorizing');
}

async function settle(
  services: Services,
  invoice: InvoiceRecord,
  payment: PaymentRecord,
  answer: AttemptAnswer,
  authentication: AuthenticationRecord,
  expect: 'pending' | 'authorizing',
): Promise<boolean> {
  try {
    await applyAnswer(services, invoice, payment, answer, 'requires_action', authentication, {
      expect,
    });
    return true;
  } catch (error) {
    if (lostRace(error)) return false;
    throw error;
  }
}

/**
 * `/3ds/notify`: the issuer's result, carried by the shopper's browser. Only a result signed by
 * the issuer, for a pending challenge with the same ACS transaction, is applied.
 */
export async function receiveChallengeResult(
  services: Services,
  cres: string,
): Promise<{ paymentId: string; appId: string; shopperResultUrl: string | null }> {
  const message = decodeChallengeResponse(cres, services.config.threeDs.acsSecret);
  if (!message) throw new PayframeError('invalid_request', 'The challenge result is not valid.');
  const authentication = await services.store.findAuthentication(message.threeDSServerTransID);
  if (!authentication || authentication.acs_trans_id !== message.acsTransID) {
    throw new PayframeError('invalid_request', 'The challenge result belongs to no payment.');
  }
  if (authentication.status === 'pending') {
    // A result held back past the deadline is the timeout it would have been.
    const late = services.now() >= authentication.expires_at;
    await endChallenge(services, authentication, late ? ENDINGS.timeout : endingOf(message));
  }
  return {
    paymentId: authentication.payment_id,
    appId: authentication.app_id,
    shopperResultUrl: authentication.shopper_result_url,
  };
}

/** The frame gives up on a challenge: the shopper canceled, or the issuer never showed. */
export async function cancelChallenge(
  services: Services,
  invoice: InvoiceRecord,
  paymentId: string,
  reason: 'canceled' | 'unavailable',
): Promise<ConfirmResult> {
  // Only this checkout's own attempts: a token never reaches another invoice's payment.
  const payment = await services.store.findPayment(invoice.app_id, paymentId);
  if (!payment || payment.invoice_id !== invoice.id) throw new PayframeError('payment_not_found');
  const authentication = await services.store.findAuthenticationOfPayment(paymentId);
  if (authentication?.status === 'pending') {
    await endChallenge(services, authentication, ENDINGS[reason]);
  }
  return attemptResult(services, invoice, paymentId);
}

/** How long an issuer's approved result may take to be applied before the sweep settles it. */
export const AUTHORIZING_GRACE_MS = 2 * 60 * 1000;

/**
 * Ends challenges nobody answered in time as `U` (timeout), and settles passed challenges whose
 * authorization never finished (the process died mid-call) from the acquirer's record, so no
 * invoice stays held. Returns how many it ended.
 */
export async function sweepChallenges(services: Services, limit: number): Promise<number> {
  const now = services.now();
  let ended = 0;
  for (const lapsed of await services.store.listLapsedChallenges(now, limit)) {
    if (await endChallenge(services, lapsed, ENDINGS.timeout)) ended += 1;
  }
  const stuck = await services.store.listStuckAuthorizing(now - AUTHORIZING_GRACE_MS, limit);
  for (const authentication of stuck) {
    const { payment, invoice } = await loadAttempt(services, authentication);
    // The acquirer may have charged before the process died: its record decides, not a guess.
    const answer = await lookupAnswer(services, payment);
    if (!answer) continue; // The acquirer cannot be asked now: the next sweep asks again.
    const done = { ...authentication, status: 'done' };
    if (await settle(services, invoice, payment, answer, done, 'authorizing')) ended += 1;
  }
  return ended;
}

/** `GET /v1/checkout/{token}/payments/{id}`: where an attempt of this checkout stands now. */
export async function attemptResult(
  services: Services,
  invoice: InvoiceRecord,
  paymentId: string,
): Promise<ConfirmResult> {
  const payment = await services.store.findPayment(invoice.app_id, paymentId);
  if (!payment || payment.invoice_id !== invoice.id) throw new PayframeError('payment_not_found');
  if (payment.status === 'processing') throw new PayframeError('payment_in_progress');
  if (payment.status === 'requires_action') {
    const authentication = await services.store.findAuthenticationOfPayment(paymentId);
    if (authentication?.status !== 'pending' || !authentication.creq) {
      throw new PayframeError('payment_in_progress');
    }
    return {
      status: 'requires_action',
      invoice_id: invoice.id,
      payment_id: paymentId,
      action: challengeAction(services, authentication.creq),
    };
  }
  return attemptOutcome(
    invoice.id,
    paymentId,
    payment.status === 'failed' ? payment.error_code : null,
  );
}
