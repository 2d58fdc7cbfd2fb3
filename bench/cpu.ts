import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** Linux reports process times in clock ticks of 1/100 s (`getconf CLK_TCK`). */
const TICK_MS = 10;

/** CPU time (user + system, all threads) of another process, from /proc; undefined elsewhere. */
function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}

function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** The processes of a PostgreSQL server on this machine (postmaster and backends), from /proc. */
export function postgresPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres')
        pids.push(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  return pids;
}

/** The summed CPU time of `pids`, counting only those readable both times. */
class ProcessGroup {
  #start = new Map<number, number>();

  constructor(private readonly pids: () => readonly number[]) {}

  start(): void {
    this.#start = new Map();
    for (const pid of this.pids()) {
      const ms = processCpuMs(pid);
      if (ms !== undefined) this.#start.set(pid, ms);
    }
  }

  /** Milliseconds of CPU since start(), or undefined when no process could be read. */
  stop(): number | undefined {
    let total: number | undefined;
    for (const [pid, started] of this.#start) {
      const ms = processCpuMs(pid);
      if (ms !== undefined) total = (total ?? 0) + ms - started;
    }
    return total;
  }
}

export interface CpuShare {
  /** Percent of one core used by the load generator (this process) and by the server. */
  client: number;
  server: number | undefined;
  /** The database server's processes (PostgreSQL), when measured. */
  database?: number | undefined;
}

/** How busy the load generator, the server (all its processes) and the database were. */
export class CpuMeter {
  private startWall = 0;
  private startClient = 0;
  readonly #server: ProcessGroup;
  readonly #database: ProcessGroup | undefined;
  share: CpuShare | undefined;

  constructor(serverPids: readonly number[], databasePids?: () => readonly number[]) {
    this.#server = new ProcessGroup(() => serverPids);
    this.#database = databasePids ? new ProcessGroup(databasePids) : undefined;
  }

  start = (): void => {
    this.startWall = performance.now();
    this.startClient = ownCpuMs();
    this.#server.start();
    this.#database?.start();
  };

  stop = (): void => {
    const wall = performance.now() - this.startWall;
    const percent = (ms: number | undefined) =>
      ms === undefined ? undefined : Math.round((ms / wall) * 100);
    const database = this.#database?.stop();
    this.share = {
      client: percent(ownCpuMs() - this.startClient)!,
      server: percent(this.#server.stop()),
      ...(this.#database ? { database: percent(database) } : {}),
    };
  };
}
