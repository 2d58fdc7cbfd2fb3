import type { CheckoutSummary } from '../protocol/checkout';
import { methodNotifySchema, type ThreeDsMethodCompletion } from '../protocol/three-ds';
import { NESTED_FRAME_SANDBOX, httpOrigin, parseNestedMessage, postToFrame } from './nested-frame';

export interface ThreeDsMethodRun {
  /** `Y` completed, `N` timed out (or abandoned), `U` no method to run; never rejects. */
  readonly done: Promise<ThreeDsMethodCompletion>;
  dispose(): void;
}

let runs = 0;

/**
 * The 3DS-Method step: the issuer's page sees the shopper's browser in a hidden iframe before the
 * authentication request, so the issuer can often let the payment through without a challenge.
 * Done when the payment server's `/3ds/method-notify` page, loaded in that iframe once the issuer
 * is finished, posts `payframe:3ds-method-complete` from our own origin; at most `timeoutMs` after
 * the start, so a slow issuer delays a quick Pay by the rest of that time at most.
 */
export function runThreeDsMethod(
  method: CheckoutSummary['three_ds_method'],
  container: Element,
  timeoutMs: number,
): ThreeDsMethodRun {
  if (!method || !httpOrigin(method.url)) {
    return { done: Promise.resolve('U'), dispose: () => {} };
  }
  const frame = document.createElement('iframe');
  frame.name = `payframe-3ds-method-${++runs}`;
  frame.title = '3-D Secure';
  frame.className = 'hidden-frame';
  frame.tabIndex = -1;
  frame.setAttribute('aria-hidden', 'true');
  frame.setAttribute('sandbox', NESTED_FRAME_SANDBOX);
  container.append(frame);

  let finish!: (completion: ThreeDsMethodCompletion) => void;
  const done = new Promise<ThreeDsMethodCompletion>((resolve) => {
    const onMessage = (event: MessageEvent) => {
      const expected = { origin: location.origin, source: frame.contentWindow };
      if (parseNestedMessage(event, expected, methodNotifySchema).ok) finish('Y');
    };
    const timer = setTimeout(() => finish('N'), timeoutMs);
    finish = (completion) => {
      clearTimeout(timer);
      removeEventListener('message', onMessage);
      frame.remove();
      resolve(completion);
    };
    addEventListener('message', onMessage);
  });
  postToFrame(frame, method.url, { threeDSMethodData: method.data });
  return { done, dispose: () => finish('N') };
}

/**
 * A method step started once the browser has had a chance to paint the form (the next animation
 * frame), so the hidden frame and its cross-origin navigation never hold back the first render;
 * within `maxWaitMs` in any case, since a frame the page has not shown yet gets no animation
 * frames. A confirm before it started waits for it, as for one that is running.
 */
export function runAfterPaint(start: () => ThreeDsMethodRun, maxWaitMs = 100): ThreeDsMethodRun {
  let run: ThreeDsMethodRun | undefined;
  let disposed = false;
  let began!: (run: ThreeDsMethodRun) => void;
  const started = new Promise<ThreeDsMethodRun>((resolve) => (began = resolve));
  const go = () => {
    clearTimeout(fallback);
    cancelAnimationFrame(frame);
    if (run || disposed) return;
    run = start();
    began(run);
  };
  const fallback = setTimeout(go, maxWaitMs);
  const frame = requestAnimationFrame(() => setTimeout(go, 0));
  return {
    done: started.then((r) => r.done),
    dispose: () => {
      if (disposed) return;
      disposed = true;
      clearTimeout(fallback);
      cancelAnimationFrame(frame);
      if (run) run.dispose();
      else began({ done: Promise.resolve('N'), dispose: () => {} });
    },
  };
}
