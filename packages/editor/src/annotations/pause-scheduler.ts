/** When deferred work runs: once edits pause this long, or at the latest this long after the first. */
export interface PauseTiming {
  readonly pauseMs: number;
  readonly maxWaitMs: number;
}

/** Quote refreshes run once typing pauses (as the page's tag list follows them), at most every 2 s. */
export const QUOTE_REFRESH_TIMING: PauseTiming = { pauseMs: 300, maxWaitMs: 2000 };

/** Deferred work that runs once calls to `poke` pause, in the browser's idle time. */
export interface PauseScheduler {
  /** Something happened: run the work after the next pause (or the longest wait). */
  poke(): void;
  /** Something happened that should not wait for a pause: run the work in the next idle period. */
  pokeSoon(): void;
  /** Runs pending work now, if any. */
  flush(): void;
  /** Drops pending work. */
  cancel(): void;
}

type IdleHandle = { cancel(): void };

/** The browser's idle callback, or a plain timer where there is none (node, older Safari). */
function whenIdle(run: () => void, timeoutMs: number): IdleHandle {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(run, { timeout: timeoutMs });
    return { cancel: () => cancelIdleCallback(id) };
  }
  const id = setTimeout(run, 0);
  return { cancel: () => clearTimeout(id) };
}

/**
 * Runs `work` once pokes pause for `pauseMs` (or `maxWaitMs` after the first unserved poke), in
 * an idle period so it never delays the next frame: work that is not urgent, such as refreshing
 * quotes, stays out of the time between a keystroke and its paint.
 */
export function pauseScheduler(work: () => void, timing: PauseTiming): PauseScheduler {
  let pending = false;
  let firstPokeAt = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let idle: IdleHandle | null = null;

  const clear = () => {
    if (timer !== null) clearTimeout(timer);
    idle?.cancel();
    timer = null;
    idle = null;
  };
  const run = () => {
    clear();
    if (!pending) return;
    pending = false;
    work();
  };
  const arm = (soon: boolean) => {
    const waitMs = soon
      ? 0
      : Math.min(timing.pauseMs, Math.max(0, firstPokeAt + timing.maxWaitMs - Date.now()));
    timer = setTimeout(() => {
      timer = null;
      idle = whenIdle(run, timing.pauseMs);
    }, waitMs);
  };
  return {
    poke() {
      if (!pending) firstPokeAt = Date.now();
      pending = true;
      clear();
      arm(false);
    },
    pokeSoon() {
      if (!pending) firstPokeAt = Date.now();
      pending = true;
      clear();
      arm(true);
    },
    flush: run,
    cancel() {
      pending = false;
      clear();
    },
  };
}
