import { readFileSync, readdirSync } from 'node:fs';

const CLOCK_TICKS_PER_SECOND = 100;

interface ProcessStat {
  pid: number;
  parent: number;
  command: string;
  cpuTicks: number;
}

function readProcesses(): ProcessStat[] {
  return readdirSync('/proc').flatMap((entry) => {
    if (!/^\d+$/.test(entry)) return [];
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return [{ pid: Number(entry), parent: Number(fields[1]), command, cpuTicks: Number(fields[11]) + Number(fields[12]) }];
    } catch {
      return [];
    }
  });
}

/** CPU seconds (user + system) used so far by the direct children of `parentPid` named `command`. Linux only. */
export function childCpuSeconds(parentPid: number, command: string): { seconds: number; processes: number } {
  const children = readProcesses().filter((p) => p.parent === parentPid && p.command === command);
  return { seconds: children.reduce((sum, p) => sum + p.cpuTicks, 0) / CLOCK_TICKS_PER_SECOND, processes: children.length };
}

/** CPU seconds used so far by every descendant of `rootPid` whose command passes `include`. Linux only. */
export function descendantCpuSeconds(rootPid: number, include: (command: string) => boolean): number {
  const processes = readProcesses();
  const inTree = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of processes) {
      if (!inTree.has(p.pid) && inTree.has(p.parent)) {
        inTree.add(p.pid);
        grew = true;
      }
    }
  }
  return processes.filter((p) => p.pid !== rootPid && inTree.has(p.pid) && include(p.command)).reduce((sum, p) => sum + p.cpuTicks, 0) / CLOCK_TICKS_PER_SECOND;
}
