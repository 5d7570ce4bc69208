import { createHash, randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import {
  BLIND_FORKS_KEY,
  BLIND_REVIEW_KEY,
  BLIND_REVIEW_ORIGIN,
  getAnnotationsMap,
  getMeta,
  makeReviewerFork,
  mergeReviewerFork,
  readBlindForkClients,
  readBlindReview,
} from '@factcheck/core';
import type { ServerLogger } from '../logger.js';
import type { DocumentStore } from '../storage/document-store.js';
import type { DocumentRegistry } from '../sync/document-registry.js';
import type { SharedDocument } from '../sync/shared-document.js';
import { CloseCode } from '../sync/connection.js';

/**
 * Blind review on the server. While an article is blind, every connection is served a fork of
 * its own reviewer (stored as a document named `<article>~blind~<session>~<reviewer hash>`) that
 * holds only that reviewer's tags, so no connection ever carries another reviewer's tags. On
 * reveal each fork's tags are merged into the article and the forks are removed.
 */

const REVIEW_MODE_CHANGED = CloseCode.reviewModeChanged;

/** How long reveal waits for a fork to unload before leaving it in storage. */
const FORK_UNLOAD_WAIT_MS = 15_000;

/** Separator of fork document names; never part of an article id. */
const FORK_SEPARATOR = '~blind~';

/** Whether a stored document name is a blind-review fork rather than an article. */
export function isForkName(name: string): boolean {
  return name.includes(FORK_SEPARATOR);
}

function forkName(articleId: string, session: string, reviewerId: string): string {
  const reviewer = createHash('sha256').update(reviewerId).digest('hex').slice(0, 24);
  return `${articleId}${FORK_SEPARATOR}${session}~${reviewer}`;
}

/** A reviewer's progress in a blind review, as the lead sees it (counts only, never tags). */
export interface BlindReviewer {
  readonly reviewerId: string;
  readonly tags: number;
}

/** What the blind review of an article looks like now. */
export interface BlindReviewStatus {
  readonly blind: boolean;
  readonly reviewers: readonly BlindReviewer[];
}

/** Starts, serves and reveals blind reviews. */
export class BlindReviews {
  constructor(
    private readonly registry: DocumentRegistry,
    private readonly store: DocumentStore,
    private readonly log: ServerLogger,
  ) {}

  /** Whether the loaded article is blind now. */
  isBlind(article: SharedDocument): boolean {
    return readBlindReview(article.doc).blind;
  }

  /**
   * Why a client whose copy has this state vector may not join the article, or null: a copy that
   * synced a fork would push the fork's removals into the article.
   */
  refuseStaleCopy(article: SharedDocument, stateVector: Uint8Array): string | null {
    const forks = readBlindForkClients(article.doc);
    if (forks.length === 0) return null;
    const clients = Y.decodeStateVector(stateVector);
    return forks.some((client) => clients.has(client))
      ? 'this copy comes from a blind review that has ended; reload the article'
      : null;
  }

  /** The reviewer's fork of a blind article, created on first use. Pair with `registry.release`. */
  async forkFor(article: SharedDocument, reviewerId: string): Promise<SharedDocument> {
    const { session } = readBlindReview(article.doc);
    if (!session) throw new Error('the article is not in blind review');
    const name = forkName(article.name, session, reviewerId);
    if (!(await this.store.hasDocument(name))) await this.createFork(article, name, reviewerId);
    const fork = await this.registry.acquire(name);
    if (!fork) throw new Error('the reviewer’s copy could not be opened');
    return fork;
  }

  /** Puts an article into blind review: everyone connected reconnects into a fork of their own. */
  async start(articleId: string): Promise<BlindReviewStatus | null> {
    return this.withArticle(articleId, async (article) => {
      if (!this.isBlind(article)) {
        article.doc.transact(
          () => getMeta(article.doc).set(BLIND_REVIEW_KEY, randomUUID()),
          BLIND_REVIEW_ORIGIN,
        );
        await article.settle();
        article.disconnectPeers(REVIEW_MODE_CHANGED, 'blind review started; reconnect');
        this.log.info({ article: articleId }, 'blind review started');
      }
      return this.status(article);
    });
  }

  /**
   * Reveals a blind review: new joins go to the article at once, every fork's connections are
   * closed, then each reviewer's tags are merged into the article and the forks are removed.
   */
  async reveal(articleId: string): Promise<BlindReviewStatus | null> {
    return this.withArticle(articleId, async (article) => {
      const { session } = readBlindReview(article.doc);
      if (!session) return this.status(article);
      article.doc.transact(() => getMeta(article.doc).delete(BLIND_REVIEW_KEY), BLIND_REVIEW_ORIGIN);
      const names = await this.forkNames(articleId, session);
      const forks: { doc: Y.Doc; owner: string }[] = [];
      for (const name of names) {
        const live = this.registry.peek(name);
        live?.disconnectPeers(REVIEW_MODE_CHANGED, 'blind review revealed; reconnect');
        await live?.settle();
        const fork = await this.loadFork(name);
        if (fork) forks.push(fork);
      }
      let merged = 0;
      article.doc.transact(() => {
        for (const { doc, owner } of forks) merged += mergeReviewerFork(article.doc, doc, owner);
      }, BLIND_REVIEW_ORIGIN);
      await article.settle();
      this.log.info({ article: articleId, forks: names.length, merged }, 'blind review revealed');
      void this.removeForks(names);
      return this.status(article);
    });
  }

  /** Whether the article is blind, and how many tags each reviewer has in their fork so far. */
  async status(article: SharedDocument): Promise<BlindReviewStatus> {
    const { session } = readBlindReview(article.doc);
    if (!session) return { blind: false, reviewers: [] };
    const reviewers: BlindReviewer[] = [];
    for (const name of await this.forkNames(article.name, session)) {
      const fork = await this.loadFork(name);
      if (fork) reviewers.push({ reviewerId: fork.owner, tags: getAnnotationsMap(fork.doc).size });
    }
    return { blind: true, reviewers };
  }

  /** Runs with the loaded article; null when there is no such article. */
  private async withArticle<T>(
    articleId: string,
    run: (article: SharedDocument) => Promise<T>,
  ): Promise<T | null> {
    const article = await this.registry.acquire(articleId);
    if (!article) return null;
    try {
      return await run(article);
    } finally {
      this.registry.release(article);
    }
  }

  private async forkNames(articleId: string, session: string): Promise<string[]> {
    const prefix = `${articleId}${FORK_SEPARATOR}${session}~`;
    return (await this.store.listDocuments()).filter((name) => name.startsWith(prefix));
  }

  private async loadFork(name: string): Promise<{ doc: Y.Doc; owner: string } | null> {
    const live = this.registry.peek(name);
    let doc = live?.doc ?? null;
    if (!doc) {
      const state = await this.store.loadDocument(name);
      if (!state) return null;
      doc = new Y.Doc();
      Y.applyUpdate(doc, state);
    }
    const { forkOwner } = readBlindReview(doc);
    return forkOwner ? { doc, owner: forkOwner } : null;
  }

  /** Deletes finished forks once the registry has let go of them. */
  private async removeForks(names: readonly string[]): Promise<void> {
    for (const name of names) {
      try {
        await this.registry.shut(name, REVIEW_MODE_CHANGED, 'blind review revealed; reconnect');
        const deadline = Date.now() + FORK_UNLOAD_WAIT_MS;
        while (this.registry.peek(name) && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        if (this.registry.peek(name)) {
          this.log.warn({ fork: name }, 'blind review copy still loaded; left in storage');
          continue;
        }
        await this.store.deleteDocument(name);
      } catch (error) {
        this.log.error({ err: error, fork: name }, 'could not remove a blind review copy');
      } finally {
        this.registry.reopen(name);
      }
    }
  }

  private async createFork(article: SharedDocument, name: string, reviewerId: string): Promise<void> {
    const fork = new Y.Doc();
    Y.applyUpdate(fork, Y.encodeStateAsUpdate(article.doc));
    fork.transact(() => makeReviewerFork(fork, reviewerId), BLIND_REVIEW_ORIGIN);
    // The article remembers the fork's client: a copy that has it must not sync into the article.
    article.doc.transact(() => {
      const meta = getMeta(article.doc);
      meta.set(BLIND_FORKS_KEY, [...readBlindForkClients(article.doc), fork.clientID]);
    }, BLIND_REVIEW_ORIGIN);
    await this.store.appendUpdate(name, Y.encodeStateAsUpdate(fork));
    fork.destroy();
    await article.settle();
    this.log.info({ article: article.name, fork: name }, 'blind review copy created');
  }
}
