/**
 * Milliseconds on the machine's monotonic clock (CLOCK_MONOTONIC on Linux), which every process
 * on the machine shares: a time taken in one client process can be compared with one taken in
 * another.
 */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
