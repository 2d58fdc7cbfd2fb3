import type { ConfirmResult } from '../protocol/checkout';
import {
  acsReadySchema,
  challengeNotifySchema,
  pickChallengeWindowSize,
  type ChallengeAction,
  type ChallengeWindowSize,
} from '../protocol/three-ds';
import {
  asApiError,
  type CancelReason,
  type CheckoutApi,
  type CheckoutApiError,
} from './checkout-api';
import { httpOrigin, parseNestedMessage, postToFrame } from './nested-frame';
import type { ThreeDsTiming } from './three-ds-timing';

/**
 * The challenge window to ask for, from the room `box` gives the challenge: its content width.
 * The height is no real limit, since the frame grows to whatever it shows (the host resizes it, or
 * a popup or hosted page scrolls): the frame's own viewport is only as tall as the form it showed,
 * so a taller one counts as it is, and anything shorter as 600 px, the tallest fixed window.
 */
export function challengeWindowSizeFor(box: Element): ChallengeWindowSize {
  const style = getComputedStyle(box);
  const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
  return pickChallengeWindowSize(box.clientWidth - padding, Math.max(innerHeight, 600));
}

export interface ChallengeHostOptions {
  /** The nested iframe the issuer's page loads into; it has a `name`. */
  frame: HTMLIFrameElement;
  paymentId: string;
  action: ChallengeAction;
  api: Pick<CheckoutApi, 'fetchPayment' | 'cancelChallenge'>;
  token: string;
  timing: ThreeDsTiming;
  /** The issuer's page shows its form; it has the focus now. */
  onReady: () => void;
  /** The payment server's word on this attempt, `requires_action` while the challenge is open. */
  onAnswer: (result: ConfirmResult) => void;
  onError: (error: CheckoutApiError, during: 'check' | 'cancel') => void;
}

/**
 * Runs one challenge in the frame: posts `creq` into the nested iframe, and learns the outcome
 * only from the payment server, asked when our notification page says the issuer is done and
 * every `pollIntervalMs` besides (a lost message, the challenge timing out). The message carries
 * no outcome on purpose, so a forged one can at most cause a status check. Cancels as
 * `unavailable` when the issuer's page does not show within `acsReadyTimeoutMs`.
 */
export class ChallengeHost {
  readonly paymentId: string;
  #options: ChallengeHostOptions;
  #acsOrigin: string | null;
  #poll: ReturnType<typeof setInterval> | undefined;
  #readyTimer: ReturnType<typeof setTimeout> | undefined;
  #checking = false;
  #checkAgain = false;
  #canceling = false;
  #disposed = false;

  constructor(options: ChallengeHostOptions) {
    this.#options = options;
    this.paymentId = options.paymentId;
    this.#acsOrigin = httpOrigin(options.action.url);
  }

  start(): this {
    const { frame, action, timing } = this.#options;
    addEventListener('message', this.#onMessage);
    this.#poll = setInterval(() => void this.check(), timing.pollIntervalMs);
    if (!this.#acsOrigin) {
      void this.cancel('unavailable');
      return this;
    }
    this.#readyTimer = setTimeout(() => void this.cancel('unavailable'), timing.acsReadyTimeoutMs);
    postToFrame(frame, action.url, { creq: action.parameters.creq });
    return this;
  }

  /** Asks the payment server where the attempt stands; a request already out is asked again. */
  async check(): Promise<void> {
    if (this.#checking) {
      this.#checkAgain = true;
      return;
    }
    this.#checking = true;
    try {
      await this.#call('check', () =>
        this.#options.api.fetchPayment(this.#options.token, this.paymentId),
      );
    } finally {
      this.#checking = false;
    }
    if (this.#checkAgain) {
      this.#checkAgain = false;
      await this.check();
    }
  }

  /** Ends the challenge on the payment server; its answer is how the attempt ended. */
  async cancel(reason: CancelReason): Promise<void> {
    if (this.#canceling) return;
    this.#canceling = true;
    clearTimeout(this.#readyTimer);
    try {
      await this.#call('cancel', () =>
        this.#options.api.cancelChallenge(this.#options.token, this.paymentId, reason),
      );
    } finally {
      this.#canceling = false;
    }
  }

  dispose(): void {
    this.#disposed = true;
    clearInterval(this.#poll);
    clearTimeout(this.#readyTimer);
    removeEventListener('message', this.#onMessage);
  }

  async #call(during: 'check' | 'cancel', send: () => Promise<ConfirmResult>): Promise<void> {
    if (this.#disposed) return;
    try {
      const result = await send();
      if (!this.#disposed) this.#options.onAnswer(result);
    } catch (error) {
      if (!this.#disposed) this.#options.onError(asApiError(error), during);
    }
  }

  #onMessage = (event: MessageEvent): void => {
    const { frame } = this.#options;
    const source = frame.contentWindow;
    if (parseNestedMessage(event, { origin: this.#acsOrigin, source }, acsReadySchema).ok) {
      clearTimeout(this.#readyTimer);
      frame.focus();
      this.#options.onReady();
      return;
    }
    const notice = parseNestedMessage(
      event,
      { origin: location.origin, source },
      challengeNotifySchema,
    );
    if (notice.ok && notice.message.paymentId === this.paymentId) {
      clearTimeout(this.#readyTimer);
      void this.check();
    } else if (!notice.ok && source && event.source === source) {
      console.debug('[payframe] dropped a message from the challenge:', notice.reason);
    }
  };
}
