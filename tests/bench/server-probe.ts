/**
 * Preloaded (`node --import`) into every server a benchmark starts, ours and the reference alike:
 * answers IPC requests for the process's CPU time and memory, so each server is measured on its
 * own, and exits on request (so a `--cpu-prof` profile gets written).
 */

/** A request the benchmark sends to the server process. */
export type ProbeRequest =
  { readonly type: 'stats'; readonly id: number; readonly gc?: boolean } | { readonly type: 'exit' };

/** The answer to a `stats` request. */
export interface ProbeStats {
  readonly type: 'stats';
  readonly id: number;
  readonly cpu: NodeJS.CpuUsage;
  readonly memory: NodeJS.MemoryUsage;
}

const collectGarbage = (globalThis as { gc?: () => void }).gc;

// A benchmark that dies must not leave its servers running.
process.on('disconnect', () => process.exit(0));

process.on('message', (request: ProbeRequest) => {
  if (request.type === 'exit') process.exit(0);
  if (request.type !== 'stats') return;
  // Twice: the first pass can leave finalizable objects for the second.
  if (request.gc && collectGarbage) {
    collectGarbage();
    collectGarbage();
  }
  const stats: ProbeStats = {
    type: 'stats',
    id: request.id,
    cpu: process.cpuUsage(),
    memory: process.memoryUsage(),
  };
  process.send?.(stats);
});
