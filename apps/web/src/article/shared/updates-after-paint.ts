import * as Y from 'yjs';

/** A Yjs `update` listener, such as y-websocket's provider and y-indexeddb each register. */
export type UpdateListener = (update: Uint8Array, origin: unknown) => void;

/** Runs a function once the next frame has been painted; returns what cancels it. */
export type AfterPaint = (run: () => void) => () => void;

/** The longest updates wait when no frame comes (a hidden tab gets none). */
const MAX_WAIT_MS = 100;

/** Functions waiting for the next paint, run together by one frame request and one message. */
const waitingForPaint = new Set<() => void>();
let paintChannel: MessageChannel | null = null;
let frameRequest: number | null = null;
let fallbackTimer: ReturnType<typeof setTimeout> | null = null;

function runWaiting(): void {
  if (frameRequest !== null) cancelAnimationFrame(frameRequest);
  if (fallbackTimer !== null) clearTimeout(fallbackTimer);
  frameRequest = null;
  fallbackTimer = null;
  const runs = [...waitingForPaint];
  waitingForPaint.clear();
  for (const run of runs) run();
}

/**
 * Runs `run` in a task right after the next frame is rendered: a message posted from an
 * animation frame callback is handled once that frame's style, layout and paint are done. Every
 * function waiting for the same frame shares one frame request and one message (creating a
 * MessageChannel per change cost Chromium about half a millisecond).
 */
export function afterNextPaint(run: () => void): () => void {
  waitingForPaint.add(run);
  if (frameRequest === null) {
    if (!paintChannel) {
      paintChannel = new MessageChannel();
      paintChannel.port1.onmessage = runWaiting;
    }
    const channel = paintChannel;
    frameRequest = requestAnimationFrame(() => channel.port2.postMessage(null));
    fallbackTimer = setTimeout(runWaiting, MAX_WAIT_MS);
  }
  return () => waitingForPaint.delete(run);
}

/** A listener whose updates wait for the next paint, and what controls it. */
export interface DeferredListener {
  /** Register this with `ydoc.on('update', …)` in place of the wrapped listener. */
  readonly listener: UpdateListener;
  /** Hands every waiting update to the wrapped listener now (before closing, or when the page hides). */
  flush(): void;
}

/** Which changes wait for the paint, by their transaction origin. */
export type WaitsForPaint = (origin: unknown) => boolean;

/**
 * Runs like `afterPaint`, but no sooner than `intervalMs` after the previous run began: changes
 * that come meanwhile wait together, and go in one write after the first paint past the interval.
 */
export function afterPaintAtMostEvery(
  intervalMs: number,
  afterPaint: AfterPaint = afterNextPaint,
  now: () => number = () => performance.now(),
): AfterPaint {
  let lastRun = -Infinity;
  return (run) => {
    let cancelPaint: (() => void) | null = null;
    const runAfterPaint = () => {
      cancelPaint = afterPaint(() => {
        lastRun = now();
        run();
      });
    };
    const wait = lastRun + intervalMs - now();
    if (wait <= 0) {
      runAfterPaint();
      return () => cancelPaint?.();
    }
    const timer = setTimeout(runAfterPaint, wait);
    return () => {
      clearTimeout(timer);
      cancelPaint?.();
    };
  };
}

/**
 * Wraps a Yjs `update` listener so that its work (sending a change to the server, storing it in
 * this browser) runs after the frame that shows the change is painted, not before: on a long
 * article each keystroke's send and IndexedDB write took about 1.5 ms of the time before the
 * typed character appeared. Only changes whose origin `waits` are held (the others go at once,
 * after any held ones, so order is kept). Held changes are merged per origin, in order, so the
 * wrapped listener still sees each change's origin (providers skip their own); with `keepOrigins`
 * false they all merge into one, handed over with the latest origin.
 */
export function deferUntilPainted(
  target: UpdateListener,
  waits: WaitsForPaint = () => true,
  afterPaint: AfterPaint = afterNextPaint,
  keepOrigins = true,
): DeferredListener {
  let waiting: { origin: unknown; updates: Uint8Array[] } | null = null;
  let cancel: (() => void) | null = null;

  const flush = () => {
    cancel?.();
    cancel = null;
    const run = waiting;
    waiting = null;
    if (!run) return;
    target(run.updates.length === 1 ? run.updates[0] : Y.mergeUpdates(run.updates), run.origin);
  };

  const listener: UpdateListener = (update, origin) => {
    const holds = waits(origin);
    // Held changes go first, as they came, before a change that does not wait, and before a change
    // of another origin when origins are kept apart.
    if (waiting && (!holds || (keepOrigins && waiting.origin !== origin))) flush();
    if (!holds) {
      target(update, origin);
      return;
    }
    if (waiting) {
      waiting.updates.push(update);
      waiting.origin = origin;
    } else waiting = { origin, updates: [update] };
    cancel ??= afterPaint(flush);
  };

  return { listener, flush };
}
