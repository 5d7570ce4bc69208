import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  getAnnotationsMap,
  getContent,
  getMeta,
  readAnnotations,
  resolveAnnotations,
  similarity,
  type ResolvedAnnotation,
} from '../src/index.js';
import { projectionOf, refreshQuotes, textOf } from './helpers/article-builder.js';
import { randomCorpusExcerpt } from './helpers/corpus.js';
import { randomTagEdit, randomTextEdit } from './helpers/random-editing.js';
import { createRandom, seedsToRun } from './helpers/seeded-random.js';
import { SimulatedPeers } from './helpers/simulated-peers.js';

/**
 * Seeds that once failed; they run first, always. Replay any seed with `SEED=<n> npx vitest run …`.
 * 10 … 198: peers stored different quote context when it was cut inside an emoji's surrogate pair
 * (a lone surrogate becomes U+FFFD in Yjs encoding), fixed in `quoteAt`/`createAnchor`.
 */
const REGRESSION_SEEDS: readonly number[] = [10, 37, 60, 80, 92, 98, 129, 148, 198];

const SEEDS = seedsToRun(REGRESSION_SEEDS, 200, 5);

function placement(resolved: ResolvedAnnotation) {
  return { status: resolved.status, from: resolved.from, to: resolved.to };
}

/**
 * What must hold for every tag of one peer at any moment, whatever it has received so far; returns
 * the placements by id and the problems found (collected, so a failure lists them all at once).
 * Before everything arrives an entry can be read half-updated (a delete of its old quote applied,
 * the new quote still pending), so invalid entries are only ruled out once all is delivered.
 */
function checkPlacements(
  doc: Y.Doc,
  settled: boolean,
): { placements: Map<string, ResolvedAnnotation>; problems: string[] } {
  const { valid, invalid } = readAnnotations(doc);
  const problems = settled ? invalid.map((entry) => `invalid ${entry.id}: ${entry.error}`) : [];
  const text = textOf(doc);
  const placements = new Map<string, ResolvedAnnotation>();
  for (const tag of resolveAnnotations(doc, valid, projectionOf(doc))) {
    placements.set(tag.annotation.id, tag);
    const problem = placementProblem(text, tag);
    if (problem) problems.push(`${tag.annotation.id} ${JSON.stringify(placement(tag))}: ${problem}`);
  }
  return { placements, problems };
}

function placementProblem(text: string, tag: ResolvedAnnotation): string | null {
  const { from, to, status } = tag;
  if (status === 'orphaned') return from === null && to === null ? null : 'orphaned with offsets';
  if (from === null || to === null) return 'placed without offsets';
  if (!(0 <= from && from < to && to <= text.length)) return 'offsets cover no text';
  const covered = text.slice(from, to);
  if (status === 'drifted') {
    // Drifted tags sit on edited text that still resembles their quote.
    return similarity(covered, tag.annotation.quote) >= 0.5
      ? null
      : `drifted onto unlike text ${JSON.stringify(covered)}`;
  }
  return covered === tag.annotation.quote ? null : `covers ${JSON.stringify(covered)}, not its quote`;
}

/** Y.Map JSON with keys in a fixed order, so documents can be compared as strings. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}

function runSession(seed: number): { statuses: string[] } {
  const random = createRandom(seed);
  const peers = new SimulatedPeers(
    random.between(2, 4),
    Y.encodeStateAsUpdate(randomCorpusExcerpt(random)),
    random,
  );
  const log: string[] = [];
  let tagCount = 0;
  const steps = random.between(25, 75);

  for (let step = 0; step < steps; step++) {
    const now = new Date(Date.UTC(2024, 4, 1) + step * 1000);
    const roll = random.next();
    const peer = random.int(peers.docs.length);
    const doc = peers.docs[peer];
    if (roll < 0.35) {
      const done = randomTextEdit(doc, random);
      if (done) log.push(`${peer}: ${done}`);
      // The editing client refreshes quotes of tags its edit changed, as the editor does.
      if (done && random.chance(0.6)) refreshQuotes(doc, now);
    } else if (roll < 0.55) {
      const done = randomTagEdit(doc, random, () => `t${seed}-${++tagCount}`, now);
      if (done) log.push(`${peer}: ${done}`);
    } else if (roll < 0.88) {
      peers.deliverSome();
    } else if (roll < 0.94) {
      if (peers.isOnline(peer)) {
        peers.disconnect(peer);
        log.push(`${peer}: offline`);
      }
    } else if (!peers.isOnline(peer)) {
      peers.reconnect(peer);
      log.push(`${peer}: online`);
    }
    if (random.chance(0.2)) {
      const { problems } = checkPlacements(doc, false);
      // Asserting only on failure keeps the per-step check cheap.
      if (problems.length > 0)
        expect(problems, `seed ${seed} (replay with SEED=${seed}), step ${step}`).toEqual([]);
    }
  }

  peers.deliverAll();

  const context = `seed ${seed} (replay with SEED=${seed}); last ops: ${log.slice(-8).join('; ')}`;
  const [first, ...others] = peers.docs;
  const reference = checkPlacements(first, true);
  expect(reference.problems, `${context}, peer 0`).toEqual([]);
  const summary = (doc: Y.Doc, placements: Map<string, ResolvedAnnotation>) => ({
    stateVector: Y.encodeStateVector(doc),
    text: textOf(doc),
    content: getContent(doc).toString(),
    annotations: canonicalJson(getAnnotationsMap(doc).toJSON()),
    meta: canonicalJson(getMeta(doc).toJSON()),
    placements: [...placements.values()]
      .map((tag) => ({ id: tag.annotation.id, ...placement(tag) }))
      .sort((a, b) => a.id.localeCompare(b.id)),
  });
  const expected = summary(first, reference.placements);
  others.forEach((doc, index) => {
    const where = `${context}, peer ${index + 1}`;
    const { placements, problems } = checkPlacements(doc, true);
    expect(problems, where).toEqual([]);
    expect(summary(doc, placements), where).toEqual(expected);
  });
  return { statuses: [...reference.placements.values()].map((tag) => tag.status) };
}

describe('tags under concurrent editing by several peers', () => {
  const seen = new Map<string, number>();

  it.each(SEEDS)('converge and resolve alike on every peer (seed %i)', (seed) => {
    for (const status of runSession(seed).statuses) seen.set(status, (seen.get(status) ?? 0) + 1);
  });

  it.skipIf(SEEDS.length < 100)('reach every anchoring outcome across the seeds', () => {
    // Guards the generator: runs that never drift, re-anchor or orphan would test little.
    for (const status of ['anchored', 'reanchored', 'drifted', 'orphaned']) {
      expect(seen.get(status) ?? 0, `${status} in ${JSON.stringify([...seen])}`).toBeGreaterThanOrEqual(20);
    }
  });
});
