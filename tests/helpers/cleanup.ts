import { onTestFinished } from 'vitest';

/** Cleanups of the running test, run last-registered first (clients before servers before folders). */
const pending: Array<() => unknown> = [];

async function runCleanups(): Promise<void> {
  const errors: unknown[] = [];
  while (pending.length > 0) {
    try {
      await pending.pop()!();
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length > 0) throw errors[0];
}

/** Registers a teardown step for the current test. */
export function registerCleanup(cleanup: () => unknown): void {
  if (pending.length === 0) onTestFinished(runCleanups);
  pending.push(cleanup);
}
