/** Options of `waitFor`. */
export interface WaitForOptions {
  /** Deadline in milliseconds. Default 5000. */
  readonly timeout?: number;
  /** Poll interval in milliseconds. Default 10. */
  readonly interval?: number;
  /** What was awaited, for the timeout error. */
  readonly message?: string;
}

/**
 * Polls `check` until it returns a truthy value (returned) or the deadline passes (throws, with the
 * last error thrown by `check` as cause). Use instead of sleeping.
 */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  options: WaitForOptions = {},
): Promise<NonNullable<T>> {
  const { timeout = 5_000, interval = 10, message = 'condition' } = options;
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`waitFor timed out after ${timeout} ms: ${message}`, { cause: lastError });
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
