/** One Server-Sent Event as a browser's EventSource would dispatch it. */
export interface ReceivedEvent {
  event: string;
  data: string;
  id: string | null;
}

/**
 * A Server-Sent Events reader over fetch's streaming body, parsing `event:`, `data:`, `id:`,
 * `retry:` and comments the way EventSource does, so tests see the stream a browser would.
 */
export interface EventStreamReader {
  response: Response;
  /** The `retry:` hint, once received. */
  readonly retry: number | null;
  /** Comment lines received (heartbeats). */
  readonly comments: string[];
  /** The next event, or an error when none comes within `timeoutMs` or the stream ends first. */
  next(timeoutMs?: number): Promise<ReceivedEvent>;
  /** Waits for the server to end the stream; answers the events not yet taken. */
  ended(timeoutMs?: number): Promise<ReceivedEvent[]>;
  /** Goes away, as a closed tab would. */
  close(): void;
}

export async function openEventStream(
  url: string,
  headers: Record<string, string> = {},
): Promise<EventStreamReader> {
  const abort = new AbortController();
  const response = await fetch(url, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: abort.signal,
  });
  const queue: ReceivedEvent[] = [];
  const comments: string[] = [];
  let retry: number | null = null;
  let done = false;
  let wake: () => void = () => undefined;

  let pending = { event: '', data: [] as string[], id: null as string | null };
  const line = (text: string) => {
    if (text === '') {
      if (pending.data.length > 0) {
        queue.push({
          event: pending.event || 'message',
          data: pending.data.join('\n'),
          id: pending.id,
        });
      }
      pending = { event: '', data: [], id: null };
      return;
    }
    if (text.startsWith(':')) {
      comments.push(text.slice(1).trim());
      return;
    }
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    const value = colon === -1 ? '' : text.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') pending.event = value;
    else if (field === 'data') pending.data.push(value);
    else if (field === 'id') pending.id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) retry = Number(value);
  };

  const pump = async () => {
    if (!response.body || !response.headers.get('content-type')?.startsWith('text/event-stream')) {
      return;
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { value, done: finished } = await reader.read();
        if (finished) break;
        buffer += value;
        const lines = buffer.split(/\r\n|\r|\n/);
        buffer = lines.pop() ?? '';
        lines.forEach(line);
        wake();
      }
    } catch {
      // Aborted by close(): the stream is over for this reader.
    }
  };
  void pump().finally(() => {
    done = true;
    wake();
  });

  const waitFor = async <T>(ready: () => T | undefined, timeoutMs: number, what: string) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = ready();
      if (value !== undefined) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${what} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  };

  return {
    response,
    get retry() {
      return retry;
    },
    comments,
    next: (timeoutMs = 5000) =>
      waitFor(
        () => {
          const event = queue.shift();
          if (event) return event;
          if (done) throw new Error('the stream ended before another event');
          return undefined;
        },
        timeoutMs,
        'event',
      ),
    ended: (timeoutMs = 5000) =>
      waitFor(() => (done ? queue.splice(0) : undefined), timeoutMs, 'end of stream'),
    close: () => abort.abort(),
  };
}
