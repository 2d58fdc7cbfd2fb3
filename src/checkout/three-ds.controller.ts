import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CheckoutSummary } from '../protocol/checkout';
import type { ThreeDsMethodCompletion } from '../protocol/three-ds';
import { ChallengeHost } from './challenge-host';
import type { CheckoutApi } from './checkout-api';
import {
  afterChallengeAnswer,
  afterChallengeError,
  type ChallengeView,
  type Transition,
  type View,
} from './checkout-state';
import type { Strings } from './i18n';
import { runAfterPaint, runThreeDsMethod, type ThreeDsMethodRun } from './three-ds-method';
import type { ThreeDsTiming } from './three-ds-timing';

/** What the controller reads from the app after each of its updates. */
export interface ThreeDsAppState {
  view: View;
  summary: CheckoutSummary | null;
  token: string | null;
  strings: Strings;
  api: CheckoutApi;
  timing: ThreeDsTiming;
}

/**
 * The 3-D Secure side effects of the checkout app, kept in step with its view after each update:
 * the 3DS-Method step once the form shows, and one `ChallengeHost` while a challenge shows. What
 * an answer means is decided in checkout-state.ts; this only performs it.
 */
export class ThreeDsController implements ReactiveController {
  #host: ReactiveControllerHost & { renderRoot: ParentNode };
  #state: () => ThreeDsAppState;
  #apply: (transition: Transition) => void;
  #method: ThreeDsMethodRun | null = null;
  #challenge: ChallengeHost | null = null;

  constructor(
    host: ReactiveControllerHost & { renderRoot: ParentNode },
    state: () => ThreeDsAppState,
    apply: (transition: Transition) => void,
  ) {
    this.#host = host;
    this.#state = state;
    this.#apply = apply;
    host.addController(this);
  }

  /** For the confirm: waits for a method step still running, up to its time limit. */
  methodCompletion(): Promise<ThreeDsMethodCompletion> {
    return this.#method?.done ?? Promise.resolve('U');
  }

  /** A newly loaded summary: its method step runs once the form shows. */
  reset(): void {
    this.#method?.dispose();
    this.#method = null;
  }

  /** The shopper's Cancel. */
  cancel = (): void => void this.#challenge?.cancel('canceled');

  hostUpdated(): void {
    const { view, summary, timing } = this.#state();
    const main = this.#host.renderRoot.querySelector('main');
    if (view.name === 'entry' && summary && main && !this.#method) {
      const method = summary.three_ds_method;
      this.#method = runAfterPaint(() => runThreeDsMethod(method, main, timing.methodTimeoutMs));
    }
    if (view.name === 'challenge' && this.#challenge?.paymentId === view.paymentId) return;
    this.#challenge?.dispose();
    this.#challenge = view.name === 'challenge' ? this.#startChallenge(view) : null;
  }

  hostDisconnected(): void {
    this.reset();
    this.#challenge?.dispose();
    this.#challenge = null;
  }

  #startChallenge({ paymentId, action }: ChallengeView): ChallengeHost | null {
    const frame = this.#host.renderRoot.querySelector<HTMLIFrameElement>('.challenge-window');
    const { api, timing, token } = this.#state();
    if (!frame || !token) return null;
    // An answer about an attempt the app has moved on from changes nothing.
    const update = (decide: (view: ChallengeView, strings: Strings) => Transition | null) => {
      const { view, strings } = this.#state();
      const current = view.name === 'challenge' && view.paymentId === paymentId;
      const transition = current && decide(view, strings);
      if (transition) this.#apply(transition);
    };
    return new ChallengeHost({
      ...{ frame, paymentId, action, api, timing, token },
      onReady: () => update((view) => ({ view: { ...view, ready: true } })),
      onAnswer: (result) => update((view, s) => afterChallengeAnswer(view, result, s)),
      onError: (error, during) => update((view, s) => afterChallengeError(view, error, during, s)),
    }).start();
  }
}
