import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addThreadEntry,
  createAnchor,
  getAnnotationsMap,
  getContent,
  getMeta,
  projectFragment,
  relabelAnnotation,
  setTagStatus,
  writeAnchor,
  writeAnnotation,
  writeArticle,
  type Reviewer,
} from '@factcheck/core';
import { readUpdateFootprint } from '../src/auth/update-footprint.js';
import { refuseWhileBlind, refuseWrite } from '../src/auth/write-policy.js';
import type { Principal } from '../src/auth/tokens.js';
import type { Role } from '../src/auth/permissions.js';

const ALICE: Reviewer = { id: 'alice', name: 'Alice' };

function principal(role: Role, who: Reviewer = ALICE): Principal {
  return { id: who.id, name: who.name, role, articles: '*' };
}

/** The server's copy, and a client that synced it. */
function serverAndClient(): { server: Y.Doc; client: Y.Doc } {
  const server = new Y.Doc();
  writeArticle(server, {
    title: 'T',
    titleDerived: false,
    paragraphs: ['Ali denied every claim.', 'Second.'],
  });
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client };
}

/** The update a change on the client produces, as the server would receive it. */
function updateOf(client: Y.Doc, change: () => void): Uint8Array {
  const before = Y.encodeStateVector(client);
  change();
  return Y.encodeStateAsUpdate(client, before);
}

function tag(doc: Y.Doc, id: string, author: Reviewer = ALICE): void {
  const projection = projectFragment(getContent(doc));
  const anchor = createAnchor(projection, 0, 3)!;
  writeAnnotation(doc, id, { ...anchor, label: 'allegation', author });
}

function verdictFor(role: Role, server: Y.Doc, update: Uint8Array, who: Reviewer = ALICE): string | null {
  return refuseWrite(principal(role, who), readUpdateFootprint(server, update));
}

describe('write policy over update footprints', () => {
  it('lets a reviewer tag under their own id and refuses a viewer', () => {
    const { server, client } = serverAndClient();
    const update = updateOf(client, () => tag(client, 't1'));
    expect(verdictFor('reviewer', server, update)).toBeNull();
    expect(verdictFor('viewer', server, update)).toMatch(/viewer may not tag/u);
  });

  it('lets a reviewer refresh the anchor of a colleague’s tag (it names no reviewer)', () => {
    const { server, client } = serverAndClient();
    const bilal = { id: 'bilal', name: 'Bilal' };
    Y.applyUpdate(
      server,
      updateOf(client, () => tag(client, 't1', bilal)),
    );
    const update = updateOf(client, () => {
      const anchor = createAnchor(projectFragment(getContent(client)), 4, 10)!;
      client.transact(() => writeAnchor(getAnnotationsMap(client).get('t1')!, anchor));
    });
    expect(verdictFor('reviewer', server, update)).toBeNull();
    expect(verdictFor('viewer', server, update)).toMatch(/viewer may not tag/u);
  });

  it('refuses a reviewer changing the article text, allows an editor', () => {
    const { server, client } = serverAndClient();
    const update = updateOf(client, () => {
      const text = getContent(client).get(0) as Y.XmlElement;
      (text.get(0) as Y.XmlText).insert(3, ' Zafar');
    });
    expect(verdictFor('reviewer', server, update)).toMatch(/reviewer may not change the article text/u);
    expect(verdictFor('editor', server, update)).toBeNull();
  });

  it('refuses a reviewer deleting article text', () => {
    const { server, client } = serverAndClient();
    const update = updateOf(client, () =>
      ((getContent(client).get(0) as Y.XmlElement).get(0) as Y.XmlText).delete(0, 4),
    );
    expect(verdictFor('reviewer', server, update)).toMatch(/article text/u);
  });

  it('tells apart edits deep inside an existing tag: relabel and comment are tagging', () => {
    const { server, client } = serverAndClient();
    Y.applyUpdate(
      server,
      updateOf(client, () => tag(client, 't1')),
    );
    const relabel = updateOf(client, () => relabelAnnotation(client, 't1', 'denial', new Date(), ALICE));
    expect(verdictFor('reviewer', server, relabel)).toBeNull();
    Y.applyUpdate(server, relabel);
    const comment = updateOf(client, () => addThreadEntry(client, 't1', { author: ALICE, text: 'Source?' }));
    expect(verdictFor('reviewer', server, comment)).toBeNull();
    expect(verdictFor('viewer', server, comment)).not.toBeNull();
  });

  it('keeps resolving a tag (verdict) to leads', () => {
    const { server, client } = serverAndClient();
    Y.applyUpdate(
      server,
      updateOf(client, () => tag(client, 't1')),
    );
    const resolve = updateOf(client, () => setTagStatus(client, 't1', 'resolved', ALICE, 'False'));
    expect(verdictFor('reviewer', server, resolve)).toMatch(/settle disputes/u);
    expect(verdictFor('editor', server, resolve)).toMatch(/settle disputes/u);
    expect(verdictFor('lead', server, resolve)).toBeNull();
  });

  it('lets a reviewer mark a tag disputed but not reopen a resolved one', () => {
    const { server, client } = serverAndClient();
    Y.applyUpdate(
      server,
      updateOf(client, () => tag(client, 't1')),
    );
    const dispute = updateOf(client, () => setTagStatus(client, 't1', 'disputed', ALICE));
    expect(verdictFor('reviewer', server, dispute)).toBeNull();
    Y.applyUpdate(server, dispute);
    Y.applyUpdate(
      server,
      updateOf(client, () => setTagStatus(client, 't1', 'resolved', ALICE, 'True')),
    );
    const reopen = updateOf(client, () => setTagStatus(client, 't1', 'open', ALICE));
    expect(verdictFor('reviewer', server, reopen)).toMatch(/settle disputes/u);
  });

  it('refuses tags and comments written in somebody else’s name', () => {
    const { server, client } = serverAndClient();
    const forged = updateOf(client, () => tag(client, 't1', { id: 'bob', name: 'Bob' }));
    expect(verdictFor('reviewer', server, forged)).toMatch(/your own reviewer id/u);
    expect(verdictFor('lead', server, forged)).toBeNull();
  });

  it('needs edit for metadata and manage for review settings', () => {
    const { server, client } = serverAndClient();
    const title = updateOf(client, () => getMeta(client).set('title', 'New'));
    expect(verdictFor('reviewer', server, title)).toMatch(/details/u);
    expect(verdictFor('editor', server, title)).toBeNull();
    const blind = updateOf(client, () => getMeta(client).set('blindReview', false));
    expect(verdictFor('editor', server, blind)).toMatch(/review settings/u);
  });

  it('refuses writes to roots the article does not have', () => {
    const { server, client } = serverAndClient();
    const stray = updateOf(client, () => client.getMap('elsewhere').set('x', 1));
    expect(verdictFor('editor', server, stray)).not.toBeNull();
  });

  it('ignores parts of an update the server already has, and freezes text in blind review', () => {
    const { server, client } = serverAndClient();
    const again = Y.encodeStateAsUpdate(client);
    expect(readUpdateFootprint(server, again)).toEqual([]);
    const edit = updateOf(client, () =>
      ((getContent(client).get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'A '),
    );
    expect(refuseWhileBlind(readUpdateFootprint(server, edit))).toMatch(/blind review/u);
    const tagging = updateOf(client, () => tag(client, 't2'));
    expect(refuseWhileBlind(readUpdateFootprint(server, tagging))).toBeNull();
  });
});
