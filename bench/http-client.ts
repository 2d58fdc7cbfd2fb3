import { connect, type Socket } from 'node:net';

export interface JsonAnswer {
  status: number;
  body: unknown;
}

/** Requests that never answer fail the flow instead of hanging the bench. */
const REQUEST_TIMEOUT_MS = 10_000;
const HEADER_END = Buffer.from('\r\n\r\n');

/** The server did not answer in time: a sign of overload, which the bench reports apart. */
export class AnswerTimeout extends Error {
  constructor() {
    super(`no answer in ${REQUEST_TIMEOUT_MS / 1000} s`);
  }
}

interface Pending {
  resolve: (answer: { status: number; body: string }) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * One keep-alive HTTP/1.1 connection carrying one request at a time. Reads answers framed by
 * Content-Length (what Fastify sends); anything else fails the request with a clear message.
 */
class Connection {
  private readonly socket: Socket;
  private buffer: Buffer = Buffer.alloc(0);
  private pending: Pending | undefined;
  alive = true;

  constructor(port: number, onClose: () => void) {
    this.socket = connect({ host: '127.0.0.1', port, noDelay: true });
    this.socket.on('data', (chunk: Buffer) => this.receive(chunk));
    this.socket.on('error', (error) => this.fail(error));
    this.socket.on('close', () => {
      this.fail(new Error('connection closed'));
      onClose();
    });
  }

  send(request: Buffer): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.fail(new AnswerTimeout()), REQUEST_TIMEOUT_MS);
      this.pending = { resolve, reject, timer };
      this.socket.write(request);
    });
  }

  close(): void {
    this.alive = false;
    this.socket.destroy();
  }

  private fail(error: Error): void {
    this.close();
    const pending = this.pending;
    this.pending = undefined;
    if (pending) {
      clearTimeout(pending.timer);
      pending.reject(error);
    }
  }

  private receive(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const headerEnd = this.buffer.indexOf(HEADER_END);
    if (headerEnd < 0) return;
    const head = this.buffer.toString('latin1', 0, headerEnd);
    const status = Number(head.slice(9, 12));
    const length = /\r\ncontent-length: *(\d+)/i.exec(head)?.[1];
    if (length === undefined) {
      this.fail(new Error(`HTTP ${status} answer without Content-Length`));
      return;
    }
    const bodyEnd = headerEnd + HEADER_END.length + Number(length);
    if (this.buffer.length < bodyEnd) return;
    const body = this.buffer.toString('utf8', headerEnd + HEADER_END.length, bodyEnd);
    const extra = this.buffer.length > bodyEnd;
    this.buffer = Buffer.alloc(0);
    const pending = this.pending;
    this.pending = undefined;
    if (extra || !pending) {
      this.fail(new Error('bytes the client did not ask for'));
      return;
    }
    clearTimeout(pending.timer);
    if (/\r\nconnection: *close/i.test(head)) this.close();
    pending.resolve({ status, body });
  }
}

/**
 * A keep-alive JSON client for one server on 127.0.0.1, on raw sockets: node:http's client costs
 * more than three times the CPU per request, which made it, not the server, the bottleneck of the
 * bare Fastify baseline on a 2-core machine (docs/benchmarks.md).
 */
export class JsonClient {
  private readonly idle: Connection[] = [];
  private readonly waiting: ((connection: Connection) => void)[] = [];
  private readonly all = new Set<Connection>();

  constructor(
    private readonly port: number,
    private readonly maxSockets: number,
  ) {}

  async post(
    path: string,
    body: unknown,
    headers: Record<string, string> = {},
  ): Promise<JsonAnswer> {
    const payload = JSON.stringify(body);
    const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
    const request = Buffer.from(
      `POST ${path} HTTP/1.1\r\nhost: 127.0.0.1:${this.port}\r\n${lines.join('')}` +
        `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(payload)}\r\n\r\n${payload}`,
    );
    const connection = await this.acquire();
    try {
      const answer = await connection.send(request);
      let parsed: unknown = answer.body;
      try {
        parsed = JSON.parse(answer.body);
      } catch {
        // Not JSON: the caller reports the raw text as an unexpected answer.
      }
      return { status: answer.status, body: parsed };
    } finally {
      this.release(connection);
    }
  }

  close(): void {
    this.waiting.length = 0;
    for (const connection of [...this.all]) connection.close();
    this.idle.length = 0;
  }

  private acquire(): Promise<Connection> {
    let connection: Connection | undefined;
    while ((connection = this.idle.pop()) !== undefined) {
      if (connection.alive) return Promise.resolve(connection);
      this.all.delete(connection);
    }
    if (this.all.size < this.maxSockets) {
      const fresh: Connection = new Connection(this.port, () => this.closed(fresh));
      this.all.add(fresh);
      return Promise.resolve(fresh);
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(connection: Connection): void {
    // A dead connection makes room for a new one when its socket has closed (see closed()).
    if (!connection.alive) return;
    const next = this.waiting.shift();
    if (next) next(connection);
    else this.idle.push(connection);
  }

  private closed(connection: Connection): void {
    this.all.delete(connection);
    const next = this.waiting.shift();
    if (next) void this.acquire().then(next);
  }
}
