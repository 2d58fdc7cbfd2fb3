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
 * off while the worker runs them, and back on if the worker fails, so the WAL never grows
 * without bound.
 */
export class Checkpointer {
  #worker: Worker | null = null;
  #running = false;
  #ended: (() => void) | null = null;
  #commits = 0;
  #failed = false;

  constructor(
    private readonly file: string,
    private readonly writer: SQLite.Database,
    private readonly every = COMMITS_PER_CHECKPOINT,
  ) {
    writer.pragma('wal_autocheckpoint = 0');
  }

  /** Called after each commit; starts a checkpoint every `every` commits, one at a time. */
  committed(): void {
    if (this.#failed || ++this.#commits < this.every || this.#running) return;
    this.#commits = 0;
    this.#running = true;
    this.#start().postMessage('checkpoint');
  }

  /** Resolves when no checkpoint is running (tests wait on it). */
  idle(): Promise<void> {
    if (!this.#running) return Promise.resolve();
    return new Promise((resolve) => (this.#ended = resolve));
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    if (!worker) return;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.postMessage('close');
    await exited;
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
      if (message !== 'done') this.#fallBack();
      this.#end();
    });
    worker.on('error', () => {
      this.#fallBack();
      this.#end();
    });
    this.#worker = worker;
    return worker;
  }

  #end(): void {
    this.#running = false;
    this.#ended?.();
    this.#ended = null;
  }

  #fallBack(): void {
    this.#failed = true;
    this.#worker = null;
    if (this.writer.open) this.writer.pragma('wal_autocheckpoint = 1000');
  }
}
