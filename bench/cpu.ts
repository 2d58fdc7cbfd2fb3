import { readFileSync } from 'node:fs';
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

export interface CpuShare {
  /** Percent of one core used by the load generator (this process) and by the server. */
  client: number;
  server: number | undefined;
}

/** How busy the load generator and the server were between start() and stop(). */
export class CpuMeter {
  private startWall = 0;
  private startClient = 0;
  private startServer: number | undefined;
  share: CpuShare | undefined;

  constructor(private readonly serverPid: number) {}

  start = (): void => {
    this.startWall = performance.now();
    this.startClient = ownCpuMs();
    this.startServer = processCpuMs(this.serverPid);
  };

  stop = (): void => {
    const wall = performance.now() - this.startWall;
    const server = processCpuMs(this.serverPid);
    const percent = (ms: number) => Math.round((ms / wall) * 100);
    this.share = {
      client: percent(ownCpuMs() - this.startClient),
      server:
        server === undefined || this.startServer === undefined
          ? undefined
          : percent(server - this.startServer),
    };
  };
}
