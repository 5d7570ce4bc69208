import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { describe, expect, it } from 'vitest';
import { MessageGuard } from '../src/sync/message-guard.js';
import { ProtocolError } from '../src/sync/protocol.js';
import { DEFAULT_SYNC_LIMITS } from '../src/sync/sync-limits.js';

/**
 * Stock y-websocket clients send back every presence change they receive, so in an article with
 * ten reviewers nine of every ten presence messages repeat what the server has. The guard tells
 * those apart (a clock the server already has changes nothing in y-protocols) so the connection
 * skips them, and still checks everything that would change the server's presence.
 */

/** The server's awareness with one reviewer's presence, and that reviewer's own awareness. */
function presenceOfOneReviewer() {
  const server = new awarenessProtocol.Awareness(new Y.Doc());
  server.setLocalState(null);
  const reviewer = new awarenessProtocol.Awareness(new Y.Doc());
  reviewer.setLocalState({ user: { name: 'Ayesha' }, cursor: null });
  const first = awarenessProtocol.encodeAwarenessUpdate(reviewer, [reviewer.clientID]);
  awarenessProtocol.applyAwarenessUpdate(server, first, 'peer');
  return { server, reviewer, first };
}

/** An awareness update with one entry, whatever its state bytes are. */
function rawUpdate(client: number, clock: number, state: string): Uint8Array {
  const encoder = new TextEncoder();
  const bytes = encoder.encode(state);
  const out: number[] = [1];
  const varUint = (value: number) => {
    while (value > 0x7f) {
      out.push((value & 0x7f) | 0x80);
      value = Math.floor(value / 128);
    }
    out.push(value);
  };
  varUint(client);
  varUint(clock);
  varUint(bytes.length);
  out.push(...bytes);
  return new Uint8Array(out);
}

describe('presence echoes', () => {
  it('tells an echo of presence the server has from a change', () => {
    const { server, reviewer, first } = presenceOfOneReviewer();
    const guard = new MessageGuard(DEFAULT_SYNC_LIMITS);
    // Another reviewer's client sends the same update back.
    expect(guard.checkAwareness(first, server)).toBe(false);
    reviewer.setLocalState({ user: { name: 'Ayesha' }, cursor: { anchor: 1, head: 4 } });
    const moved = awarenessProtocol.encodeAwarenessUpdate(reviewer, [reviewer.clientID]);
    expect(guard.checkAwareness(moved, server)).toBe(true);
  });

  it('counts "gone" at the same clock as a change while the reviewer is present, as y-protocols does', () => {
    const { server, reviewer } = presenceOfOneReviewer();
    const guard = new MessageGuard(DEFAULT_SYNC_LIMITS);
    const clock = server.meta.get(reviewer.clientID)!.clock;
    expect(guard.checkAwareness(rawUpdate(reviewer.clientID, clock, 'null'), server)).toBe(true);
    awarenessProtocol.removeAwarenessStates(server, [reviewer.clientID], 'peer');
    const goneClock = server.meta.get(reviewer.clientID)!.clock;
    expect(guard.checkAwareness(rawUpdate(reviewer.clientID, goneClock, 'null'), server)).toBe(false);
  });

  it('still refuses a malformed state in an update that changes something', () => {
    const { server, reviewer } = presenceOfOneReviewer();
    const guard = new MessageGuard(DEFAULT_SYNC_LIMITS);
    const clock = server.meta.get(reviewer.clientID)!.clock;
    expect(() => guard.checkAwareness(rawUpdate(reviewer.clientID, clock + 1, '{oops'), server)).toThrow(
      ProtocolError,
    );
    expect(() => guard.checkAwareness(rawUpdate(999_999, 1, '[1, 2]'), server)).toThrow(
      'presence state is not an object',
    );
    // Cut short or over the size limit: refused even when the clock is old.
    expect(() =>
      guard.checkAwareness(rawUpdate(reviewer.clientID, clock, '{}').subarray(0, 4), server),
    ).toThrow('truncated presence update');
    const huge = `{"x":"${'a'.repeat(DEFAULT_SYNC_LIMITS.maxAwarenessStateBytes)}"}`;
    expect(() => guard.checkAwareness(rawUpdate(reviewer.clientID, clock, huge), server)).toThrow(/over/);
  });

  it('leaves the server’s presence as applying every echo would', () => {
    const { server, reviewer, first } = presenceOfOneReviewer();
    const guard = new MessageGuard(DEFAULT_SYNC_LIMITS);
    const before = JSON.stringify([...server.getStates()]);
    let events = 0;
    server.on('update', () => (events += 1));
    if (guard.checkAwareness(first, server)) awarenessProtocol.applyAwarenessUpdate(server, first, 'peer');
    // What skipping saves: applying the echo would have changed nothing either.
    awarenessProtocol.applyAwarenessUpdate(server, first, 'peer');
    expect(events).toBe(0);
    expect(JSON.stringify([...server.getStates()])).toBe(before);
    expect(reviewer.getLocalState()).toEqual({ user: { name: 'Ayesha' }, cursor: null });
  });
});
