import { readFileSync, readdirSync } from 'node:fs';

/** A simulator publisher: the ffmpeg child of this process that pushes `streamKey` (e.g. "solo-gladak-main"). */
export interface Publisher {
  pid: number;
  streamKey: string;
}

function parentOf(pid: string): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/**
 * Finds the publisher of `streamKey` among this process's own children (the bench runs the
 * server and its simulator in-process), so a bench never touches another run's ffmpeg: its
 * command line ends in the RTMP URL ".../live/<streamKey>". Linux only.
 */
export function findPublisher(streamKey: string): Publisher | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || parentOf(entry) !== process.pid) continue;
    let args: string[];
    try {
      args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter(Boolean);
    } catch {
      continue;
    }
    const url = args.at(-1) ?? '';
    if (/ffmpeg/.test(args[0] ?? '') && url.startsWith('rtmp://') && url.endsWith(`/live/${streamKey}`)) return { pid: Number(entry), streamKey };
  }
  return undefined;
}

/**
 * Kills the publisher of `streamKey` as a camera that drops off would (SIGKILL: no goodbye to
 * the media server); the simulator's supervisor starts a new one after its back-off. Returns
 * the killed pid, or undefined when none runs right now (it is between restarts).
 */
export function killPublisher(streamKey: string): number | undefined {
  const publisher = findPublisher(streamKey);
  if (!publisher) return undefined;
  process.kill(publisher.pid, 'SIGKILL');
  return publisher.pid;
}

/**
 * Freezes the publisher of `streamKey` for `ms` (SIGSTOP: the connection stays open but no data
 * comes, the kind of stop that raises no error in the player, mpegts.js #8), then kills it so the
 * supervisor starts a new one. Resolves with the pid once killed; undefined when none runs now.
 */
export async function freezeThenKillPublisher(streamKey: string, ms: number): Promise<number | undefined> {
  const publisher = findPublisher(streamKey);
  if (!publisher) return undefined;
  process.kill(publisher.pid, 'SIGSTOP');
  await new Promise((resolve) => setTimeout(resolve, ms));
  process.kill(publisher.pid, 'SIGKILL');
  return publisher.pid;
}
