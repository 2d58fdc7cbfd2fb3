import { catalogEntry, type ErrorCode } from '../../protocol/errors';
import { newId } from '../../protocol/ids';
import type { ConfirmResult } from '../../protocol/checkout';
import type { CaptureMode } from '../../protocol/invoices';
import type { CardInput } from '../../protocol/payment-operations';
import type { ChallengeWindowSize, ThreeDsMethodCompletion } from '../../protocol/three-ds';
import type { AuthorizationRequest } from '../acquirer/acquirer';
import { eciFor } from '../acquirer/sandbox-issuer';
import { cvcValid, isExpired } from '../../card';
import type {
  AuthenticationRecord,
  InvoiceRecord,
  NewEvent,
  PaymentCompletion,
  PaymentMethodRecord,
  PaymentRecord,
  SavedCardRecord,
  TransactionRecord,
  VaultCardRecord,
} from '../store/records';
import { checkCard } from './card-check';
import { checkOrder } from './order-check';
import { invoiceView } from './invoices';
import { assertTransition } from './payment-states';
import { paymentView } from './payment-view';
import { PayframeError } from './payframe-error';
import type { Services } from './services';
import { startChallenge } from './three-ds';

/** How the shopper's side can take part in 3-D Secure. */
export interface AuthenticationOptions {
  windowSize: ChallengeWindowSize;
  method: ThreeDsMethodCompletion;
  locale: string;
  /** Server-to-server: where the hosted challenge returns the shopper. */
  shopperResultUrl: string | null;
}

/** An answer that ends an attempt: approved with the acquirer's reference, or refused. */
export type AttemptAnswer =
  { approved: true; reference: string } | { approved: false; code: ErrorCode };

/** The card an attempt pays with: typed in now, or saved before by the invoice's customer. */
export type CardSource =
  | { kind: 'new'; input: CardInput; /** The shopper consented to saving it. */ save: boolean }
  | {
      kind: 'saved';
      card: SavedCardRecord;
      /** Typed again by the shopper; null when the merchant charges it without them (MIT). */
      cvc: string | null;
    };

/** The card resolved for an attempt: its number in clear (never stored) and its vaulting. */
interface ResolvedCard {
  pan: string;
  brand: string;
  expMonth: number;
  expYear: number;
  cvc: string | undefined;
  /** A new vaulting to save with the attempt, or null when the saved card's is reused. */
  newVaultCard: VaultCardRecord | null;
  vaultCardId: string;
  paymentMethodId: string | null;
}

async function resolveCard(
  services: Services,
  invoice: InvoiceRecord,
  source: CardSource,
  now: number,
): Promise<ResolvedCard> {
  if (source.kind === 'new') {
    const { input } = source;
    const card = checkCard(input, new Date(now));
    const vaultCard: VaultCardRecord = {
      id: newId('vc'),
      app_id: invoice.app_id,
      fingerprint: services.vault.fingerprint(card.pan),
      brand: card.brand,
      last4: card.pan.slice(-4),
      exp_month: input.exp_month,
      exp_year: input.exp_year,
      pan_ciphertext: services.vault.encrypt(card.pan),
      created_at: now,
    };
    return {
      pan: card.pan,
      brand: card.brand,
      expMonth: input.exp_month,
      expYear: input.exp_year,
      cvc: input.cvc,
      newVaultCard: vaultCard,
      vaultCardId: vaultCard.id,
      paymentMethodId: null,
    };
  }
  const { card, cvc } = source;
  const vaulted = await services.store.findVaultCard(invoice.app_id, card.vault_card_id);
  if (!vaulted)
    throw new PayframeError('payment_method_not_found', 'The card is no longer stored.');
  const pan = services.vault.decrypt(vaulted.pan_ciphertext);
  if (isExpired({ month: card.exp_month, year: card.exp_year }, new Date(now))) {
    // The shopper can type another card; a merchant charging alone learns the card has expired.
    throw new PayframeError(cvc === null ? 'expired_card' : 'invalid_expiry');
  }
  if (cvc !== null && !cvcValid(cvc, pan)) throw new PayframeError('invalid_cvc');
  return {
    pan,
    brand: card.brand,
    expMonth: card.exp_month,
    expYear: card.exp_year,
    cvc: cvc ?? undefined,
    newVaultCard: null,
    vaultCardId: card.vault_card_id,
    paymentMethodId: card.id,
  };
}

/**
 * One attempt to pay an open invoice with a card, shared by the frame's confirm, the
 * server-to-server API and the merchant's charge of a saved card: validate → save the attempt →
 * authenticate (3-D Secure; not when the merchant charges alone) → call the acquirer → apply its
 * answer. The attempt is saved before any call out, so a crash mid-call leaves a visible
 * `processing` payment. The caller has checked that the invoice is open.
 */
export async function payInvoice(
  services: Services,
  invoice: InvoiceRecord,
  source: CardSource,
  capture: CaptureMode,
  options: AuthenticationOptions,
): Promise<ConfirmResult> {
  const now = services.now();
  const card = await resolveCard(services, invoice, source, now);
  const merchantInitiated = source.kind === 'saved' && source.cvc === null;
  const payment: PaymentRecord = {
    id: newId('pay'),
    app_id: invoice.app_id,
    invoice_id: invoice.id,
    status: 'processing',
    amount: invoice.amount,
    currency: invoice.currency,
    capture,
    vault_card_id: card.vaultCardId,
    brand: card.brand,
    last4: card.pan.slice(-4),
    exp_month: card.expMonth,
    exp_year: card.expYear,
    error_code: null,
    customer_id: source.kind === 'saved' ? source.card.customer_id : invoice.customer_id,
    payment_method_id: card.paymentMethodId,
    save_card: source.kind === 'new' && source.save && invoice.customer_id ? 1 : 0,
    initiator: merchantInitiated ? 'merchant' : 'customer',
    created_at: now,
    updated_at: now,
  };
  // A shopper's attempt is refused once the invoice has failed too often (card testing).
  const started = await services.store.startPayment(
    card.newVaultCard,
    payment,
    merchantInitiated ? undefined : services.config.maxFailedAttempts,
  );
  if (started !== 'started') throw new PayframeError(started);

  // The merchant may veto the order before the shopper's bank is asked anything.
  const verdict = await checkOrder(services, invoice, payment);
  if (!verdict.ok) {
    const vetoed = { approved: false, code: 'order_check_failed' } as const;
    return applyAnswer(services, invoice, payment, vetoed, 'processing', null, 'insert');
  }
  const request = { pan: card.pan, expMonth: card.expMonth, expYear: card.expYear, cvc: card.cvc };
  if (merchantInitiated) {
    // The shopper is not there to authenticate: a merchant-initiated charge is out of scope of
    // 3-D Secure, on the strength of the consent given when the card was saved.
    const answer = await authorize(services, payment, { ...request, initiator: 'merchant' });
    return applyAnswer(services, invoice, payment, answer, 'processing', null, 'insert');
  }

  const decision = services.issuer.authenticate(card.pan);
  if (decision.kind === 'challenge') {
    return startChallenge(services, invoice, payment, options);
  }
  const transStatus = decision.kind === 'rejected' ? 'R' : decision.transStatus;
  const authentication: AuthenticationRecord = {
    id: crypto.randomUUID(),
    payment_id: payment.id,
    app_id: payment.app_id,
    acs_trans_id: crypto.randomUUID(),
    status: 'done',
    trans_status: transStatus,
    eci: eciFor(payment.brand, transStatus),
    liability_shift: transStatus === 'R' ? 0 : 1,
    challenged: 0,
    three_ds_method: options.method,
    failure_reason: transStatus === 'R' ? 'rejected' : null,
    creq: null,
    shopper_result_url: null,
    expires_at: now,
    created_at: now,
    updated_at: now,
  };
  if (transStatus === 'R') {
    const rejected = { approved: false, code: 'authentication_rejected' } as const;
    return applyAnswer(
      services,
      invoice,
      payment,
      rejected,
      'processing',
      authentication,
      'insert',
    );
  }
  const answer = await authorize(services, payment, request);
  return applyAnswer(services, invoice, payment, answer, 'processing', authentication, 'insert');
}

/** Asks the acquirer; an unreachable or failing acquirer is a retryable `processing_error`. */
export async function authorize(
  services: Services,
  payment: PaymentRecord,
  card: Pick<AuthorizationRequest, 'pan' | 'expMonth' | 'expYear' | 'cvc' | 'initiator'>,
): Promise<AttemptAnswer> {
  try {
    const answer = await services.acquirer.authorize({
      ...card,
      amount: payment.amount,
      currency: payment.currency,
      capture: payment.capture === 'automatic',
      // The payment's id: an attempt whose answer is lost can still ask what became of it.
      reference: payment.id,
    });
    return answer.approved ? answer : { approved: false, code: answer.code };
  } catch {
    return { approved: false, code: 'processing_error' };
  }
}

/**
 * Applies the answer that ends an attempt: the payment's new state, its DB/PA transaction, the
 * invoice paid or released, the authentication (when new) and the events, in one transaction.
 */
export async function applyAnswer(
  services: Services,
  invoice: InvoiceRecord,
  payment: PaymentRecord,
  answer: AttemptAnswer,
  from: 'processing' | 'requires_action',
  /** Null when the attempt ended before authentication (the merchant's order check said no). */
  authentication: AuthenticationRecord | null,
  /** How the authentication is written: new (frictionless), or a challenge's ending. */
  write: 'insert' | { expect: 'pending' | 'authorizing' },
): Promise<ConfirmResult> {
  const now = services.now();
  const automatic = payment.capture === 'automatic';
  const next = !answer.approved ? 'failed' : automatic ? 'captured' : 'authorized';
  assertTransition(from, next);
  const transaction: TransactionRecord | null = answer.approved
    ? {
        id: newId('txn'),
        payment_id: payment.id,
        type: automatic ? 'DB' : 'PA',
        amount: payment.amount,
        currency: payment.currency,
        acquirer_reference: answer.reference,
        status: 'succeeded',
        failure_code: null,
        request_key: null,
        created_at: now,
      }
    : null;
  const errorCode = answer.approved ? null : answer.code;
  const paymentMethod = answer.approved ? await cardToSave(services, payment, now) : undefined;
  const updated: PaymentRecord = {
    ...payment,
    status: next,
    error_code: errorCode,
    payment_method_id: paymentMethod?.record.id ?? payment.payment_method_id,
    updated_at: now,
  };
  const view = paymentView(
    updated,
    transaction ? [transaction] : [],
    invoice.order_id,
    authentication,
  );
  const event = (type: string, data: unknown): NewEvent => ({
    id: newId('evt'),
    app_id: invoice.app_id,
    type,
    data: JSON.stringify(data),
    created_at: now,
  });
  const events = answer.approved
    ? [
        event(automatic ? 'payment.captured' : 'payment.authorized', view),
        event('payment.succeeded', view),
        event(
          'invoice.paid',
          invoiceView(
            { ...invoice, status: 'paid', paid_payment_id: payment.id, updated_at: now },
            services,
          ),
        ),
      ]
    : [event('payment.failed', view)];
  await services.store.completePayment({
    paymentId: payment.id,
    from,
    invoiceId: invoice.id,
    status: next,
    errorCode,
    transaction,
    invoicePaid: answer.approved,
    ...(paymentMethod ? { paymentMethod } : {}),
    events,
    now,
    ...(authentication === null
      ? {}
      : write === 'insert'
        ? { authentication }
        : {
            finishAuthentication: {
              id: authentication.id,
              expect: write.expect,
              outcome: {
                trans_status: authentication.trans_status,
                eci: authentication.eci,
                liability_shift: authentication.liability_shift,
                failure_reason: authentication.failure_reason,
              },
            },
          }),
  });
  return attemptOutcome(invoice.id, payment.id, errorCode);
}

/**
 * The saved card an approved payment leaves when the shopper consented: the customer's card with
 * the same number (updated with the new vaulting and expiry) or a new one.
 */
async function cardToSave(
  services: Services,
  payment: PaymentRecord,
  now: number,
): Promise<PaymentCompletion['paymentMethod']> {
  if (payment.save_card !== 1 || !payment.customer_id) return undefined;
  const vaulted = await services.store.findVaultCard(payment.app_id, payment.vault_card_id);
  if (!vaulted) return undefined;
  const same = await services.store.findSameSavedCard(
    payment.app_id,
    payment.customer_id,
    sameCardFingerprints(services, vaulted),
  );
  const record: PaymentMethodRecord = {
    id: same?.id ?? newId('pm'),
    app_id: payment.app_id,
    customer_id: payment.customer_id,
    vault_card_id: payment.vault_card_id,
    brand: payment.brand,
    last4: payment.last4,
    exp_month: payment.exp_month,
    exp_year: payment.exp_year,
    created_at: same?.created_at ?? now,
    detached_at: null,
  };
  return { record, existing: same !== undefined };
}

/**
 * The card's fingerprints under every configured key, to find it saved before a key rotation; its
 * stored one alone when it cannot be opened here (a process not yet given the key that sealed it),
 * since saving the card must never stop an approved charge from being recorded.
 */
function sameCardFingerprints(services: Services, vaulted: VaultCardRecord): string[] {
  try {
    return services.vault.fingerprints(services.vault.decrypt(vaulted.pan_ciphertext));
  } catch {
    return [vaulted.fingerprint];
  }
}

/** The frame's view of an ended attempt. */
export function attemptOutcome(
  invoiceId: string,
  paymentId: string,
  errorCode: string | null,
): ConfirmResult {
  if (errorCode === null) {
    return { status: 'succeeded', invoice_id: invoiceId, payment_id: paymentId };
  }
  const entry = catalogEntry(errorCode as ErrorCode);
  return {
    status: 'failed',
    invoice_id: invoiceId,
    payment_id: paymentId,
    error: { code: errorCode as ErrorCode, message: entry.title, retryable: entry.retryable },
  };
}

/**
 * What the acquirer did with an attempt whose answer was lost: its recorded answer, a
 * `processing_error` when it made no charge under the payment's reference (the lookup closes the
 * reference, so none can follow), or null when it cannot be asked now (ask again later).
 */
export async function lookupAnswer(
  services: Services,
  payment: PaymentRecord,
): Promise<AttemptAnswer | null> {
  let answer;
  try {
    answer = await services.acquirer.lookup(payment.id);
  } catch {
    return null;
  }
  if (!answer) return { approved: false, code: 'processing_error' };
  return answer.approved ? answer : { approved: false, code: answer.code };
}
