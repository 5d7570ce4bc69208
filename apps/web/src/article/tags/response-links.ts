import * as Y from 'yjs';
import { getAnnotationsMap, RESPONDS_TO_KEY } from '@factcheck/core';

/** Every "responds to" link of the article, read both ways. */
export interface ResponseLinks {
  /** Tag id → the ids it responds to. */
  readonly respondsTo: ReadonlyMap<string, readonly string[]>;
  /** Tag id → the ids of the tags responding to it. */
  readonly answeredBy: ReadonlyMap<string, readonly string[]>;
}

/** Reads the links between tags (a denial answering an allegation) of the whole article. */
export function readResponseLinks(doc: Y.Doc): ResponseLinks {
  const respondsTo = new Map<string, string[]>();
  const answeredBy = new Map<string, string[]>();
  getAnnotationsMap(doc).forEach((entry, id) => {
    if (!(entry instanceof Y.Map)) return;
    const links = entry.get(RESPONDS_TO_KEY);
    if (!(links instanceof Y.Array)) return;
    const targets = links.toArray().filter((target): target is string => typeof target === 'string');
    if (targets.length === 0) return;
    respondsTo.set(id, targets);
    for (const target of targets) {
      const sources = answeredBy.get(target);
      if (sources) sources.push(id);
      else answeredBy.set(target, [id]);
    }
  });
  return { respondsTo, answeredBy };
}
