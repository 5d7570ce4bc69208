import * as Y from 'yjs';

/**
 * What a Yjs update would change in a document, read before it is applied: for every new item
 * and every deletion, the root type it lands in, the chain of map keys below that root, and (for
 * plain values) the value. The role checks decide from this footprint alone.
 */

/** One change an update makes. `keys` are the map keys from the root down to the change. */
export interface Touch {
  readonly kind: 'insert' | 'delete';
  /** Root type name (`content`, `meta`, `annotations`, …); null when it cannot be told. */
  readonly root: string | null;
  readonly keys: readonly string[];
  /** The plain value written (inserts of JSON values) or removed (deletes); undefined otherwise. */
  readonly value?: unknown;
}

type Placement = { readonly root: string; readonly keys: readonly string[] } | null;
type DecodedStruct = Y.Item | Y.GC | Y.Skip;

interface IdLike {
  readonly client: number;
  readonly clock: number;
}

function isIdLike(value: unknown): value is IdLike {
  return typeof value === 'object' && value !== null && 'client' in value && 'clock' in value;
}

/** The struct of a sorted run that contains a clock, or null. */
function findInRun<T extends { id: IdLike; length: number }>(
  run: readonly T[] | undefined,
  clock: number,
): T | null {
  if (!run) return null;
  let low = 0;
  let high = run.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const struct = run[mid];
    if (clock < struct.id.clock) high = mid - 1;
    else if (clock >= struct.id.clock + struct.length) low = mid + 1;
    else return struct;
  }
  return null;
}

function plainValueOf(item: Y.Item): unknown {
  const content = item.content;
  if (content instanceof Y.ContentAny) return content.getContent()[0];
  return undefined;
}

/** Placement of an item already integrated in the document. */
function placementInDocument(item: Y.Item): Placement {
  const keys: string[] = [];
  if (item.parentSub !== null) keys.push(item.parentSub);
  let type = item.parent as Y.AbstractType<unknown> | null;
  while (type?._item) {
    const owner: Y.Item = type._item;
    if (owner.parentSub !== null) keys.push(owner.parentSub);
    type = owner.parent as Y.AbstractType<unknown> | null;
  }
  if (!type) return null;
  return { root: Y.findRootTypeKey(type), keys: keys.reverse() };
}

function documentStruct(doc: Y.Doc, id: IdLike): Y.Item | Y.GC | null {
  const run = doc.store.clients.get(id.client) as (Y.Item | Y.GC)[] | undefined;
  return findInRun(run, id.clock);
}

/** Reads an update's footprint against the document it is about to be applied to. */
export function readUpdateFootprint(doc: Y.Doc, update: Uint8Array): Touch[] {
  const { structs, ds } = Y.decodeUpdate(update);
  const runs = new Map<number, DecodedStruct[]>();
  for (const struct of structs) {
    const run = runs.get(struct.id.client);
    if (run) run.push(struct);
    else runs.set(struct.id.client, [struct]);
  }
  for (const run of runs.values()) run.sort((a, b) => a.id.clock - b.id.clock);

  const memo = new Map<Y.Item, Placement>();
  const resolving = new Set<Y.Item>();

  const placementOfId = (id: IdLike): Placement => {
    const own = findInRun(runs.get(id.client), id.clock);
    if (own instanceof Y.Item) return placementOfDecoded(own);
    const existing = documentStruct(doc, id);
    if (existing instanceof Y.Item) return placementInDocument(existing);
    return null;
  };

  function placementOfDecoded(item: Y.Item): Placement {
    if (memo.has(item)) return memo.get(item)!;
    if (resolving.has(item)) return null; // A cycle only a crafted update has.
    resolving.add(item);
    let placement: Placement = null;
    const parent = item.parent as unknown;
    const sub = item.parentSub;
    if (typeof parent === 'string') {
      placement = { root: parent, keys: sub === null ? [] : [sub] };
    } else if (isIdLike(parent)) {
      const owner = placementOfId(parent);
      placement = owner && { root: owner.root, keys: sub === null ? owner.keys : [...owner.keys, sub] };
    } else {
      // Parent and key are inherited from a neighbour (the origin, else the right origin).
      const neighbour = item.origin ?? item.rightOrigin;
      placement = neighbour ? placementOfId(neighbour) : null;
    }
    resolving.delete(item);
    memo.set(item, placement);
    return placement;
  }

  const touches: Touch[] = [];
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue; // GC and Skip carry no content.
    const have = Y.getState(doc.store, struct.id.client);
    if (struct.id.clock + struct.length <= have) continue; // Already integrated: no effect.
    const placement = placementOfDecoded(struct);
    touches.push({
      kind: 'insert',
      root: placement?.root ?? null,
      keys: placement?.keys ?? [],
      value: plainValueOf(struct),
    });
  }

  ds.clients.forEach((deletions, client) => {
    for (const { clock, len } of deletions) {
      let at = clock;
      while (at < clock + len) {
        const own = findInRun(runs.get(client), at);
        const existing = own ? null : documentStruct(doc, { client, clock: at });
        const struct = own ?? existing;
        if (!struct) {
          touches.push({ kind: 'delete', root: null, keys: [] });
          break;
        }
        if (struct instanceof Y.Item && !(existing instanceof Y.Item && existing.deleted)) {
          const placement = own ? placementOfDecoded(struct) : placementInDocument(struct);
          touches.push({
            kind: 'delete',
            root: placement?.root ?? null,
            keys: placement?.keys ?? [],
            value: plainValueOf(struct),
          });
        }
        at = struct.id.clock + struct.length;
      }
    }
  });
  return touches;
}
