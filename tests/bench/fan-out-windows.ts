import { setTimeout as delay } from 'node:timers/promises';
import type { BenchServer } from './bench-servers.js';
import type { ClientFleet } from './client-fleet.js';
import { monotonicMs } from './clock.js';
import { percentile } from './measure.js';

/** How long and how often the active clients change the articles. */
export interface FanOutSchedule {
  /** One change per active client every this many ms (100: ten a second). */
  readonly intervalMs: number;
  /** Changes made before measuring, not counted. */
  readonly warmupMs: number;
  /** Length of one measuring window (one run of each figure). */
  readonly windowMs: number;
  readonly windows: number;
}

/** What one measuring window saw. */
export interface WindowSample {
  readonly p50: number;
  readonly p99: number;
  /** Server CPU time over the window, in % of one core. */
  readonly serverCpuPercent: number;
  readonly serverRssMB: number;
  /** CPU of the client processes over the window, in % of one core. */
  readonly clientCpuPercent: number;
  readonly sent: number;
  readonly deliveries: number;
}

const MB = 1024 * 1024;

/**
 * Runs the active clients on a schedule and measures each window: fan-out latency of every
 * delivery (p50, p99), the server's CPU and memory. The clients keep changing between windows.
 */
export async function measureFanOutWindows(
  server: BenchServer,
  fleet: ClientFleet,
  schedule: FanOutSchedule,
): Promise<WindowSample[]> {
  await fleet.start(schedule.intervalMs);
  await delay(schedule.warmupMs);
  await fleet.collect();
  const samples: WindowSample[] = [];
  for (let i = 0; i < schedule.windows; i++) {
    const before = await server.stats();
    const started = monotonicMs();
    await delay(schedule.windowMs);
    const window = await fleet.collect();
    const after = await server.stats();
    const elapsed = monotonicMs() - started;
    samples.push({
      p50: percentile(window.latencies, 50),
      p99: percentile(window.latencies, 99),
      serverCpuPercent: ((after.cpuMs - before.cpuMs) / elapsed) * 100,
      serverRssMB: after.rssBytes / MB,
      clientCpuPercent: (window.clientCpuMs / elapsed) * 100,
      sent: window.sent,
      deliveries: window.latencies.length,
    });
  }
  await fleet.stop();
  await fleet.collect();
  return samples;
}
