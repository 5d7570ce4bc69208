import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  getContent,
  projectFragment,
  readAnnotations,
  resolveAnnotations,
  similarity,
  type ResolvedAnnotation,
} from '@factcheck/core';
import { CORPUS_IDS } from '../helpers/articles.js';
import { documentSnapshot } from '../helpers/document-snapshot.js';
import { createRandom, randomReviewStep, seedsToRun, type Random } from '../helpers/random-reviewing.js';
import { startTestServer, waitFor } from '../helpers/start-test-server.js';
import { connectSyncedClient, type SyncClient } from '../helpers/sync-client.js';

/**
 * Seeded convergence fuzz through the real server: stock y-websocket clients edit the text, tag,
 * relabel, remove tags and comment at random, drop off and come back (editing while offline);
 * at the end every client and a fresh one hold the same document, and every tag either sits on
 * its quote or is orphaned. Replay a failure with `SEED=<n> npx vitest run <this file>`.
 */

/** Seeds that once failed; they run first, always. */
const REGRESSION_SEEDS: readonly number[] = [];
const SEEDS = seedsToRun(REGRESSION_SEEDS, 3, 1);

const CLIENTS = 4;
const STEPS = 150;
const ARTICLE = CORPUS_IDS[2];

/** Why a resolved tag breaks the rule "on its quote, or orphaned", or null when it keeps it. */
function placementProblem(text: string, tag: ResolvedAnnotation): string | null {
  const { from, to, status, annotation } = tag;
  if (status === 'orphaned') return from === null && to === null ? null : 'orphaned with offsets';
  if (from === null || to === null || !(0 <= from && from < to && to <= text.length))
    return 'placed on no text';
  const covered = text.slice(from, to);
  if (status === 'drifted') {
    return similarity(covered, annotation.quote) >= 0.5 ? null : `drifted onto ${JSON.stringify(covered)}`;
  }
  return covered === annotation.quote ? null : `${status} on ${JSON.stringify(covered)}`;
}

/** Every tag of a document with where it resolves, and the rule breaks found. */
function tagPlacements(doc: Y.Doc): { placements: unknown[]; problems: string[] } {
  const { valid, invalid } = readAnnotations(doc);
  const projection = projectFragment(getContent(doc));
  const problems = invalid.map((entry) => `invalid tag ${entry.id}: ${entry.error}`);
  const byId = [...valid].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const placements = resolveAnnotations(doc, byId, projection).map((tag) => {
    const problem = placementProblem(projection.text, tag);
    if (problem) problems.push(`${tag.annotation.id}: ${problem}`);
    return [tag.annotation.id, tag.status, tag.from, tag.to];
  });
  return { placements, problems };
}

/** One step of the run: an edit by a random client, or a client leaving or coming back. */
function randomStep(clients: SyncClient[], random: Random, seed: number, step: number, log: string[]): void {
  const index = random.int(clients.length);
  const client = clients[index];
  const roll = random.next();
  if (roll < 0.06 && client.provider.shouldConnect) {
    client.provider.disconnect();
    log.push(`${step}: client ${index} goes offline`);
    return;
  }
  if (roll < 0.12 && !client.provider.shouldConnect) {
    client.provider.connect();
    log.push(`${step}: client ${index} comes back`);
    return;
  }
  const reviewer = { id: `reviewer-${index}`, name: `Reviewer ${index}` };
  const did = randomReviewStep(
    client.doc,
    random,
    reviewer,
    () => `s${seed}-${step}`,
    new Date(1_714_550_400_000 + step),
  );
  if (did) log.push(`${step}: client ${index} ${did}`);
}

describe('convergence through the real server', () => {
  it.each(SEEDS)('converges after random reviewing with disconnects (seed %i)', async (seed) => {
    const random = createRandom(seed);
    const log: string[] = [];
    const context = () =>
      `seed ${seed} (replay with SEED=${seed}); last steps:\n${log.slice(-10).join('\n')}`;
    const server = await startTestServer();
    const clients = await Promise.all(
      Array.from({ length: CLIENTS }, () => connectSyncedClient(server.syncUrl, ARTICLE)),
    );

    for (let step = 0; step < STEPS; step++) {
      randomStep(clients, random, seed, step, log);
      // Messages cross the network in between, at random moments relative to the edits.
      if (random.chance(0.3)) await new Promise((resolve) => setTimeout(resolve, random.int(5)));
    }
    for (const client of clients) if (!client.provider.shouldConnect) client.provider.connect();

    const expected = () => JSON.stringify(documentSnapshot(clients[0].doc));
    await waitFor(
      () =>
        clients.every(
          (client) => client.provider.synced && JSON.stringify(documentSnapshot(client.doc)) === expected(),
        ),
      { timeout: 15_000, message: `clients converge; ${context()}` },
    );
    const fresh = await connectSyncedClient(server.syncUrl, ARTICLE);
    expect(documentSnapshot(fresh.doc), context()).toEqual(documentSnapshot(clients[0].doc));

    const reference = tagPlacements(fresh.doc);
    expect(reference.problems, context()).toEqual([]);
    for (const client of clients)
      expect(tagPlacements(client.doc).placements, context()).toEqual(reference.placements);
    expect(server.logsMatching('closing the connection'), context()).toEqual([]);
  });
});
