import type * as Y from 'yjs';
import {
  ANCHOR_FIELDS,
  ANCHOR_KEY,
  getAnnotationsMap,
  getContent,
  liesInContent,
  STORAGE_ORIGIN,
  type ArticleSummary,
} from '@factcheck/core';
import type { DocumentStore } from '../storage/document-store.js';
import type { ServerLogger } from '../logger.js';
import type { SummarySource } from '../summaries/summary-computer.js';
import type { DrawnCopy } from '../summaries/reading-copy.js';

/** How many times the last summary took to compute a refresh waits at least (big articles wait longer). */
const COMPUTE_SHARE = 5;
/** The longest a summary may lag behind edits, however big the article. */
const MAX_DELAY_MS = 10_000;
/** The longest it may lag on a server busy with many changing articles (it is also stored at unload). */
const MAX_PACED_DELAY_MS = 300_000;
/** Share of the server's time that summaries of all documents together may take before they slow down. */
const SUMMARY_TIME_SHARE = 0.05;
/** Time constant of the running measure of summary work (ms). */
const PACE_WINDOW_MS = 3_000;
/**
 * How many times longer a refresh waits when only the article's text changed (typing): the
 * library shows the text only through search, while a tag, a label, a status or a title change
 * is what a reviewer looks for there next. With the default 500 ms: 2 s. Refreshing twice a
 * second while two reviewers typed cost about a third of the server's CPU (summary worker, its
 * JIT and the main thread's handling; docs/performance.md, Session 7).
 */
const TEXT_ONLY_STRETCH = 4;
/**
 * Least time between two drawings of a changing article's reading copy (stretched by the pace like
 * summaries). A copy is only shown until the editor has loaded the live document, so it may lag;
 * drawing the 5,000-tag article takes about 100 ms of the worker's time. It is drawn again when the
 * article unloads, so a closed article's copy is current.
 */
const COPY_INTERVAL_MS = 60_000;

/**
 * Keys of a tag record that the editing client rewrites when typing changed the tag's text (its
 * quote refreshed: anchor and change time), never touched by tagging, labelling or settling.
 */
const QUOTE_REFRESH_KEYS: ReadonlySet<string | null> = new Set([ANCHOR_KEY, ...ANCHOR_FIELDS, 'updatedAt']);

/**
 * Whether a transaction changed only the article's text: types in the content fragment, and tag
 * records whose quote the typing refreshed. A colleague typing through tagged text sends both,
 * and counting the refresh as a tag change refreshed a big article's summary four times as often
 * (a sixth of a core on the 5,000-tag article while one reviewer typed).
 */
function changesOnlyText(
  transaction: Y.Transaction,
  content: Y.XmlFragment,
  annotations: Y.Map<Y.Map<unknown>>,
): boolean {
  for (const [type, keys] of transaction.changed) {
    if (liesInContent(type, content)) continue;
    const isTagRecord = type._item?.parent === annotations;
    if (isTagRecord && [...keys].every((key) => QUOTE_REFRESH_KEYS.has(key))) continue;
    return false;
  }
  return true;
}

/** The most a refresh's delay is ever stretched by the pace (MAX_PACED_DELAY_MS caps it anyway). */
const MAX_STRETCH = 1_000;

/**
 * Summary work across every loaded document: when many articles change at once, each one's
 * summary waits longer (up to five minutes), so that summaries together keep to about a twentieth
 * of the server's time and leave the rest to sync.
 *
 * The stretch has two parts. The measured share over its target answers a burst at once. A
 * standing factor corrects what that alone leaves: stretching every delay k times cuts summary
 * work about k times, so a stretch equal to the measured ratio settles where the ratio squared
 * equals the unstretched ratio (with 200 news articles changing at once: summaries on 30–100% of a
 * core instead of 5%). The factor grows while summaries take more than their share and shrinks
 * while they take less (exponentially, by the ratio per 3-second window), which brings the share
 * itself to the target.
 */
export class SummaryPace {
  /** Milliseconds spent on summaries, decaying with PACE_WINDOW_MS as time constant. */
  private spentMs = 0;
  private measuredAt = performance.now();
  /** The standing part of the stretch (1 until summaries keep exceeding their share). */
  private factor = 1;

  /** Counts the time one summary took. */
  record(computeMs: number): void {
    this.adjust();
    this.spentMs += computeMs;
  }

  /** How many times longer refreshes should wait now: 1 while summaries keep to their share. */
  stretch(): number {
    this.adjust();
    return Math.min(MAX_STRETCH, Math.max(1, this.factor * this.ratio()));
  }

  /** The measured share of time spent on summaries, over its target. */
  private ratio(): number {
    return this.spentMs / PACE_WINDOW_MS / SUMMARY_TIME_SHARE;
  }

  /** Decays the measure to now and moves the factor by the ratio that held meanwhile. */
  private adjust(): void {
    const now = performance.now();
    const elapsed = now - this.measuredAt;
    this.measuredAt = now;
    if (elapsed <= 0) return;
    this.spentMs *= Math.exp(-elapsed / PACE_WINDOW_MS);
    // Over a long quiet stretch the ratio at its end stands for all of it: at most one window's move.
    const ratio = Math.max(this.ratio(), 1e-3);
    const weight = Math.min(1, elapsed / PACE_WINDOW_MS);
    this.factor = Math.min(MAX_STRETCH, Math.max(1, this.factor * ratio ** weight));
  }
}

/**
 * Keeps the stored library summary (metadata, counts, review progress, text and tags) and reading
 * copy of a loaded document current: at most one summary per delay and one copy per
 * `COPY_INTERVAL_MS` while it changes, and a final one of each before it is unloaded. Typing alone
 * (with the quotes it refreshes) waits `TEXT_ONLY_STRETCH` times longer; any other change (tags,
 * metadata) brings a waiting refresh forward to its own, shorter delay.
 * The delay grows with the time a summary takes, so a very large article spends at most about a
 * sixth of the server's time on its summary while reviewers work on it, and with the summary work
 * of every document (`SummaryPace`), so a busy server summarizes less often. The summary itself
 * comes from a `SummarySource` (normally the summary worker, off the sync path).
 */
export class SummaryRefresh {
  private timer: NodeJS.Timeout | null = null;
  /** When the pending refresh fires (performance.now()). */
  private dueAt = 0;
  private readonly content: Y.XmlFragment;
  private readonly annotations: Y.Map<Y.Map<unknown>>;
  /** The stored summary as JSON text, serialized on the first refresh (not while the article loads). */
  private lastWritten: string | null | undefined;
  private writing: Promise<void> = Promise.resolve();
  private lastComputeMs = 0;
  /**
   * Whether the document changed since the last summary was asked for: a flush with nothing new
   * (an article closed after reviewers only read it) computes nothing. True at first, so the
   * stored summary is checked once after loading.
   */
  private changedSinceSummary = true;
  /** Whether the document may differ from its stored reading copy; true at first, so the copy is checked once after loading. */
  private changedSinceCopy = true;
  /** When the reading copy was last drawn or found current (performance.now()). */
  private lastCopyAt = -Infinity;
  private stopped = false;

  constructor(
    private readonly name: string,
    private readonly doc: Y.Doc,
    private readonly source: SummarySource,
    private readonly store: DocumentStore,
    private readonly log: ServerLogger,
    private readonly delayMs: number,
    private readonly stored: ArticleSummary | null,
    private readonly pace: SummaryPace = new SummaryPace(),
    /** The state the stored reading copy shows (`copyMarkOf`), null if there is none. */
    private copyMark: string | null = null,
  ) {
    this.content = getContent(doc);
    this.annotations = getAnnotationsMap(doc);
    doc.on('afterTransaction', this.onTransaction);
  }

  /**
   * Writes the current summary and reading copy now if they differ from the stored ones (nothing to
   * do if the article did not change).
   */
  flush(): Promise<void> {
    return this.refresh(true);
  }

  /** Stops watching the document and its summary source (call after the last flush). */
  stop(): void {
    this.stopped = true;
    this.clearTimer();
    this.doc.off('afterTransaction', this.onTransaction);
    this.source.stop();
  }

  private readonly onTransaction = (transaction: Y.Transaction): void => {
    if (transaction.origin === STORAGE_ORIGIN) return;
    if (transaction.changed.size === 0) return;
    this.changedSinceSummary = true;
    this.changedSinceCopy = true;
    const onlyText = changesOnlyText(transaction, this.content, this.annotations);
    const own = Math.max(this.delayMs, Math.min(MAX_DELAY_MS, COMPUTE_SHARE * this.lastComputeMs));
    const paced = Math.min(Math.max(own, MAX_PACED_DELAY_MS), own * this.pace.stretch());
    // A waiting refresh due sooner stays: typing waits longest, so only another change brings it forward.
    this.schedule(onlyText ? paced * TEXT_ONLY_STRETCH : paced);
  };

  /** Refreshes in `delay` ms, unless a refresh is due sooner. */
  private schedule(delay: number): void {
    if (this.stopped) return;
    const dueAt = performance.now() + delay;
    if (this.timer && this.dueAt <= dueAt) return;
    this.clearTimer();
    this.dueAt = dueAt;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.refresh(false);
    }, delay);
    this.timer.unref();
  }

  /** Queues a refresh after the one being written; `final` draws the copy however recent the last one is. */
  private refresh(final: boolean): Promise<void> {
    this.clearTimer();
    this.writing = this.writing.then(() => this.write(final));
    return this.writing;
  }

  /** How long until the reading copy may be drawn again (0: now). */
  private copyWaitMs(): number {
    const interval = COPY_INTERVAL_MS * this.pace.stretch();
    return Math.max(0, this.lastCopyAt + interval - performance.now());
  }

  private async write(final: boolean): Promise<void> {
    const copyWait = this.changedSinceCopy && !final ? this.copyWaitMs() : 0;
    const drawCopy = this.changedSinceCopy && copyWait === 0;
    // A copy held back by its interval is drawn once the interval is over, even if nothing else changes.
    if (this.changedSinceCopy && !drawCopy) this.schedule(copyWait);
    if (!this.changedSinceSummary && !drawCopy) return;
    this.changedSinceSummary = false;
    if (drawCopy) this.changedSinceCopy = false;
    try {
      const { serialized, copy, computeMs } = await this.source.summarize(
        drawCopy ? { unlessMark: this.copyMark } : null,
      );
      const copyStored = copy ? this.storeCopy(copy) : Promise.resolve();
      // Handling the summary here (comparing, parsing, encoding it for storage) costs the main
      // thread about as much again as computing it costs the worker: both count toward the pace.
      const handlingFrom = performance.now();
      const counted = (handled: number) => {
        this.lastComputeMs = computeMs + handled;
        this.pace.record(computeMs + handled);
      };
      this.lastWritten ??= this.stored ? JSON.stringify(this.stored) : null;
      if (serialized === this.lastWritten) {
        counted(performance.now() - handlingFrom);
        await copyStored;
        return;
      }
      const summary = JSON.parse(serialized) as ArticleSummary;
      const written = this.store.writeSummary(this.name, summary, serialized);
      counted(performance.now() - handlingFrom);
      await Promise.all([written, copyStored]);
      this.lastWritten = serialized;
      this.log.debug({ summary }, 'summary stored');
    } catch (error) {
      this.changedSinceSummary = true;
      if (drawCopy) this.changedSinceCopy = true;
      this.log.error({ err: error }, 'failed to store the summary');
    }
  }

  /** Stores a freshly drawn reading copy (nothing to store when the stored one shows this state). */
  private async storeCopy(copy: DrawnCopy): Promise<void> {
    this.lastCopyAt = performance.now();
    if (copy.failed !== undefined) {
      // The stored copy stays as it was; drawing is tried again after the interval.
      this.changedSinceCopy = true;
      this.log.warn({ reason: copy.failed }, 'reading copy not drawn');
      return;
    }
    if (copy.nodes === null) return;
    await this.store.writeReadingCopy(this.name, { mark: copy.mark, nodes: copy.nodes });
    this.copyMark = copy.mark;
    this.log.debug({ bytes: copy.nodes.length }, 'reading copy stored');
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
