import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';

/** Commits between two checkpoints: with 10–30 pages a commit, about SQLite's default 1,000. */
export const COMMITS_PER_CHECKPOINT = 50;

/**
 * A worker thread with its own connection to the database file; told to, it runs a PASSIVE
 * checkpoint (WAL frames copied into the database, with SQLite's own fsyncs) without blocking
 * the writer or any reader.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const SQLite = require(workerData.driver);
const db = new SQLite(workerData.file);
db.pragma('busy_timeout = 5000');
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage('done');
  } catch (error) {
    parentPort.postMessage(String(error));
  }
});
`;

/**
 * Checkpoints the WAL off the event loop (ADR 22). SQLite's automatic checkpoint runs inside a
 * `COMMIT` on the writer, with two fsyncs and the copy of every page: the event loop stalled for
 * 1–9 ms about every 20 commits, half of all commit time. The writer's automatic checkpoint is
 * off while the worker runs them, and back on if the worker fails (an error, or an exit nobody
 * asked for).
 *
 * The worker alone does not keep the WAL small: SQLite writes the WAL from its start again only
 * when a write transaction begins on a WAL that is checkpointed to its last frame, and commits
 * land during every pass of the worker, so the WAL would grow for as long as writes continue.
 * After each pass of the worker, the writer therefore checkpoints once itself, right after its
 * next commit (no transaction open, group commit's lock held): it copies only the frames
 * committed during that pass, and the next write transaction starts the WAL over.
 */
export class Checkpointer {
  #worker: Worker | null = null;
  /** The worker being stopped (close, or a failure); close() waits for it. */
  #stopping: Promise<unknown> | null = null;
  #running = false;
  #catchUp = false;
  readonly #idle: (() => void)[] = [];
  #commits = 0;
  #failed = false;
  #closed = false;

  constructor(
    private readonly file: string,
    private readonly writer: SQLite.Database,
    private readonly every = COMMITS_PER_CHECKPOINT,
  ) {
    writer.pragma('wal_autocheckpoint = 0');
  }

  /**
   * Called after each commit, with no transaction open on the writer: after a pass of the
   * worker, checkpoints the few frames committed since on the writer; every `every` commits,
   * starts a pass of the worker, one at a time. Never throws (the commit is already made).
   */
  committed(): void {
    if (this.#failed || this.#closed) return;
    if (this.#catchUp) this.#checkpointWriter();
    if (++this.#commits < this.every || this.#running) return;
    this.#commits = 0;
    this.#running = true;
    try {
      this.#start().postMessage('checkpoint');
    } catch {
      this.#fail();
    }
  }

  /** Resolves when no checkpoint is running (tests wait on it). */
  idle(): Promise<void> {
    if (!this.#running) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  async close(): Promise<void> {
    this.#closed = true;
    const worker = this.#worker;
    this.#worker = null;
    if (worker) {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      // Unreferenced while it serves, it must keep the process alive until it has closed.
      worker.ref();
      worker.postMessage('close');
      this.#stopping = exited;
    }
    await this.#stopping;
    this.#end();
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file: this.file, driver },
    });
    worker.unref();
    worker.on('message', (message: string) => {
      if (worker !== this.#worker) return;
      if (message === 'done') {
        this.#catchUp = true;
        this.#end();
      } else {
        this.#fail();
      }
    });
    // An error is followed by an exit; either one from a worker still in use is a failure.
    worker.on('error', () => {
      if (worker === this.#worker) this.#fail();
    });
    worker.on('exit', () => {
      if (worker === this.#worker) this.#fail();
    });
    this.#worker = worker;
    return worker;
  }

  /** One PASSIVE checkpoint on the writer; busy (another checkpoint running) means next commit. */
  #checkpointWriter(): void {
    try {
      const [result] = this.writer.pragma('wal_checkpoint(PASSIVE)') as { busy: number }[];
      if (result?.busy) return;
    } catch {
      // Nothing to undo: the next pass of the worker tries again.
    }
    this.#catchUp = false;
  }

  #end(): void {
    this.#running = false;
    for (const resolve of this.#idle.splice(0)) resolve();
  }

  /** The worker failed: stop it (its connection with it) and give checkpoints back to the writer. */
  #fail(): void {
    const worker = this.#worker;
    this.#worker = null;
    this.#failed = true;
    this.#catchUp = false;
    if (worker) this.#stopping = worker.terminate().catch(() => undefined);
    try {
      if (this.writer.open) this.writer.pragma('wal_autocheckpoint = 1000');
    } catch {
      // Called from the worker's events: throwing here would end the process.
    }
    this.#end();
  }
}
