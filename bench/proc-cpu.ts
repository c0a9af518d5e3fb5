import { readFileSync, readdirSync } from 'node:fs';

const CLOCK_TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) used so far by the direct children of `parentPid` named `command`. Linux only. */
export function childCpuSeconds(parentPid: number, command: string): { seconds: number; processes: number } {
  let ticks = 0;
  let processes = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (name !== command || Number(fields[1]) !== parentPid) continue;
    ticks += Number(fields[11]) + Number(fields[12]);
    processes++;
  }
  return { seconds: ticks / CLOCK_TICKS_PER_SECOND, processes };
}
