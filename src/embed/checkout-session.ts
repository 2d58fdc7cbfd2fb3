import { openHostChannel, type HostChannel } from '../messaging/host-channel';
import type { Appearance } from '../protocol/appearance';
import type { ErrorCode } from '../protocol/error-codes';
import type { FrameToHost, ResultMessage } from '../protocol/frame-messages';
import { FRAME_LOAD_FAILED_MESSAGE, FRAME_LOAD_TIMEOUT_MS } from './constants';
import type { PayframeEventDetails, PayframeEventName } from './events';

export interface CheckoutSessionOptions {
  paymentOrigin: string;
  channel: string;
  frameWindow: () => Window | null;
  locale?: string | undefined;
  appearance?: Appearance | undefined;
  emit: <K extends PayframeEventName>(name: K, detail: PayframeEventDetails[K]) => void;
  resize: (height: number) => void;
  /** The session ended on an error it already reported; the element removes the frame. */
  ended: () => void;
  /** This checkout already had its terminal event, in an earlier mount of the same token. */
  terminal?: boolean;
  /** The shopper pressed Escape in the frame. */
  onEscape?: () => void;
  /** Called once when the terminal event is emitted, with its name. */
  onTerminal?: (name: PayframeEventName) => void;
}

/**
 * One checkout in one frame, whatever the display mode: the host side of the channel, the load
 * timeout, and the rule of exactly one terminal event. Opened before the frame starts loading.
 */
export class CheckoutSession {
  private readonly channel: HostChannel;
  private readonly loadTimer: ReturnType<typeof setTimeout>;
  private locale: string | undefined;
  private appearance: Appearance | undefined;
  private ready = false;
  private readonly stops: (() => void)[] = [];
  private terminal: boolean;

  constructor(private readonly options: CheckoutSessionOptions) {
    this.locale = options.locale;
    this.appearance = options.appearance;
    this.terminal = options.terminal ?? false;
    this.channel = openHostChannel({
      frameWindow: options.frameWindow,
      frameOrigin: options.paymentOrigin,
      channel: options.channel,
      onMessage: this.onMessage,
      onReject: (reason) => log(reason),
    });
    this.loadTimer = setTimeout(
      () => this.fail('frame_load_failed', FRAME_LOAD_FAILED_MESSAGE),
      FRAME_LOAD_TIMEOUT_MS,
    );
  }

  /**
   * Sends locale and appearance now if the frame is ready, else once it is. The frame checks the
   * appearance and answers an invalid one with an `error`; here it only has to survive the copy.
   */
  configure(locale: string | undefined, appearance: Appearance | undefined): void {
    this.locale = locale;
    this.appearance = appearance;
    if (this.ready) this.send();
  }

  /**
   * The shopper asked to leave. Once the frame is connected it decides (nothing in flight: it
   * answers `canceled`; a challenge: it is canceled first; a payment under way: the answer
   * decides). Before that nothing can be under way, so the checkout ends here as canceled, with no
   * invoice id to report yet.
   */
  /** True once the terminal event went out (or an earlier mount of the token had it). */
  get ended(): boolean {
    return this.terminal;
  }

  /** True once the frame said `ready` over the channel. */
  get isReady(): boolean {
    return this.ready;
  }

  /** The outcome will come another way (the status stream): no load timeout any more. */
  waitForOutcome(): void {
    clearTimeout(this.loadTimer);
  }

  /** A result learned from the payment server rather than the frame; the same rules apply. */
  receive(result: ResultMessage): void {
    this.onResult(result);
  }

  /** The shopper left a checkout that had nothing under way, and the frame is gone. */
  cancelHere(invoiceId: string | null): void {
    if (this.terminal) return;
    this.dispose();
    this.endWith('payframe-cancel', { invoiceId });
  }

  /** Runs `stop` when the session is disposed (a status stream to close). */
  onDispose(stop: () => void): void {
    this.stops.push(stop);
  }

  close(): void {
    if (this.ready) return this.channel.send({ type: 'close' });
    if (this.terminal) return;
    this.dispose();
    this.endWith('payframe-cancel', { invoiceId: null });
    this.options.ended();
  }

  /** Reports an integration error and ends the session. */
  fail(code: ErrorCode, message: string): void {
    this.dispose();
    this.options.emit('payframe-error', { code, message });
    this.options.ended();
  }

  dispose(): void {
    clearTimeout(this.loadTimer);
    this.channel.dispose();
    for (const stop of this.stops.splice(0)) stop();
  }

  private send(): void {
    const { locale, appearance } = this;
    try {
      // An empty locale (`locale=""`) is no locale, not one the frame would refuse with the rest.
      this.channel.send({ type: 'configure', locale: locale || undefined, appearance });
    } catch {
      // A function or a DOM node in the appearance cannot be structured-cloned.
      this.options.emit('payframe-error', {
        code: 'invalid_appearance',
        message: 'appearance must be plain JSON data',
      });
    }
  }

  private onMessage = (message: FrameToHost): void => {
    switch (message.type) {
      case 'ready':
        clearTimeout(this.loadTimer);
        if (this.ready) return;
        this.ready = true;
        if (this.locale || this.appearance) this.send();
        this.options.emit('payframe-ready', {});
        return;
      case 'resize':
        this.options.resize(message.height);
        return;
      case 'state':
        // The frame decides what closing means in each phase; the host needs no copy of it.
        return;
      case 'escape':
        this.options.onEscape?.();
        return;
      case 'result':
        clearTimeout(this.loadTimer);
        this.onResult(message);
        return;
      case 'error':
        this.options.emit('payframe-error', { code: message.code, message: message.message });
        return;
    }
  };

  private onResult(result: ResultMessage): void {
    if (this.terminal) return log('a result after the terminal one');
    const { invoiceId, paymentId, error } = result;
    if (result.outcome === 'succeeded') {
      if (!paymentId) return log('a success without paymentId');
      this.endWith('payframe-success', { invoiceId, paymentId });
    } else if (result.outcome === 'failed') {
      if (!error) return log('a failure without error');
      const detail = { invoiceId, ...(paymentId ? { paymentId } : {}), error };
      if (error.retryable) this.options.emit('payframe-failure', detail);
      else this.endWith('payframe-failure', detail);
    } else {
      this.endWith('payframe-cancel', { invoiceId });
    }
  }

  private endWith<K extends PayframeEventName>(name: K, detail: PayframeEventDetails[K]): void {
    this.terminal = true;
    this.options.onTerminal?.(name);
    this.options.emit(name, detail);
  }
}

function log(reason: string): void {
  console.debug(`[payframe] message dropped: ${reason}`);
}
