import { open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Flushes everything written so far to the WAL to stable storage. */
export interface WalSync {
  sync(): Promise<void>;
  close(): Promise<void>;
}

/**
 * `fdatasync` of `<file>-wal` on libuv's thread pool, so the event loop keeps serving requests
 * while the disk works. The first sync also syncs the folder, so the WAL file's own entry
 * survives a power loss (SQLite does the same when it creates the file under `synchronous =
 * FULL`). The WAL is opened on the first sync: it exists once a commit has written to it.
 */
export function walFileSync(databaseFile: string): WalSync {
  let wal: Promise<FileHandle> | undefined;
  const openWal = async () => {
    const handle = await open(`${databaseFile}-wal`, 'r');
    const folder = await open(dirname(databaseFile), 'r');
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
    return handle;
  };
  return {
    async sync() {
      wal ??= openWal();
      let handle: FileHandle;
      try {
        handle = await wal;
      } catch (error) {
        wal = undefined;
        // No WAL file yet: no commit has written a frame, so there is nothing to sync.
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw error;
      }
      await handle.datasync();
    },
    async close() {
      await (await wal?.catch(() => undefined))?.close();
    },
  };
}

interface Waiter {
  upTo: number;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Numbers the commits and says when each is durable. One sync runs at a time and covers every
 * commit made before it started: commits made while it runs wait for the next one, which starts
 * as soon as it ends (one fsync for all of them). A failed sync breaks the log for good: what it
 * covered may be lost, and the process must not go on as if it were not (PostgreSQL stops too).
 */
export class DurableLog {
  #committed = 0;
  #durable = 0;
  #syncing = false;
  #broken: unknown = undefined;
  readonly #waiters: Waiter[] = [];

  constructor(private readonly wal: WalSync) {}

  /** The number of the last commit: data read now is durable once it is. */
  get latest(): number {
    return this.#committed;
  }

  get broken(): unknown {
    return this.#broken;
  }

  /**
   * Counts whatever the WAL held when the store opened as one commit, synced before anything read
   * from it is answered: a process that died between a COMMIT and its sync (`synchronous =
   * NORMAL`) may have left frames that the OS holds but the disk does not, and a restarted server
   * must not report them before they are on disk.
   */
  recovered(): void {
    this.committed();
  }

  /** Records a commit that just returned and starts its sync; returns its number. */
  committed(): number {
    this.#committed++;
    this.#syncNext();
    return this.#committed;
  }

  /** Resolves once commit `upTo` and every one before it is on stable storage. */
  whenDurable(upTo: number): Promise<void> {
    if (this.#broken !== undefined) return Promise.reject(this.#broken);
    if (upTo <= this.#durable) return Promise.resolve();
    return new Promise((resolve, reject) => this.#waiters.push({ upTo, resolve, reject }));
  }

  #syncNext(): void {
    if (this.#syncing || this.#broken !== undefined || this.#durable >= this.#committed) return;
    this.#syncing = true;
    const upTo = this.#committed;
    this.wal.sync().then(
      () => {
        this.#syncing = false;
        this.#durable = upTo;
        this.#settle();
        this.#syncNext();
      },
      (error: unknown) => {
        this.#syncing = false;
        this.#broken = error;
        this.#settle();
      },
    );
  }

  #settle(): void {
    for (let i = this.#waiters.length - 1; i >= 0; i--) {
      const waiter = this.#waiters[i]!;
      if (this.#broken !== undefined) waiter.reject(this.#broken);
      else if (waiter.upTo <= this.#durable) waiter.resolve();
      else continue;
      this.#waiters.splice(i, 1);
    }
  }
}
