/** One call the SDK made, as it went over the wire. */
export interface RecordedCall {
  method: string;
  path: string;
  idempotencyKey: string | null;
  /** `null` when no answer came (network error, timeout). */
  status: number | null;
  replayed: boolean;
}

/** A `fetch` for the SDK's `fetch` option that records every attempt, retries included. */
export function recordingFetch(onAnswer?: (call: RecordedCall) => void): {
  fetch: typeof fetch;
  calls: RecordedCall[];
} {
  const calls: RecordedCall[] = [];
  const recording: typeof fetch = async (input, init) => {
    const call: RecordedCall = {
      method: init?.method ?? 'GET',
      path: new URL(String(input)).pathname,
      idempotencyKey: new Headers(init?.headers).get('idempotency-key'),
      status: null,
      replayed: false,
    };
    calls.push(call);
    const response = await fetch(input, init);
    call.status = response.status;
    call.replayed = response.headers.get('idempotent-replayed') === 'true';
    onAnswer?.(call);
    return response;
  };
  return { fetch: recording, calls };
}
