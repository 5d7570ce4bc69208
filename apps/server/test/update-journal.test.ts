import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UpdateJournal, type JournalRecord } from '../src/storage/update-journal.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function journalDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'factcheck-journal-'));
  dirs.push(dir);
  return dir;
}

const segmentFiles = async (dir: string) =>
  (await readdir(dir)).filter((file) => file.startsWith('factcheck-journal-'));
const append = (name: string, size: number, fill: number): JournalRecord => ({
  kind: 'append',
  name,
  update: new Uint8Array(size).fill(fill),
});

describe('the update journal', () => {
  it('gives back, in order, every record a run left behind (it crashed), appends and deletions', async () => {
    const dir = await journalDir();
    const { journal, records } = UpdateJournal.open(dir);
    expect(records).toEqual([]);
    journal.write([append('a', 3, 1), append('b', 2, 2)]);
    journal.write([{ kind: 'delete', name: 'a' }]);
    journal.write([append('a', 1, 3)]);
    // No close: the process died.

    const reopened = UpdateJournal.open(dir);
    expect(reopened.records).toEqual([
      append('a', 3, 1),
      append('b', 2, 2),
      { kind: 'delete', name: 'a' },
      append('a', 1, 3),
    ]);
    reopened.journal.dropLeftover();
    reopened.journal.close();
    expect(await segmentFiles(dir)).toEqual([]);
    expect(UpdateJournal.open(dir).records).toEqual([]);
  });

  it('starts a new file past a few megabytes and deletes an old one once every record in it is applied', async () => {
    const dir = await journalDir();
    const { journal } = UpdateJournal.open(dir);
    const first = journal.write([append('big', 3 << 20, 7)]);
    const stillFirst = journal.write([append('big', 2 << 20, 8)]);
    expect(stillFirst).toBe(first);
    const second = journal.write([append('small', 10, 9)]);
    expect(second).not.toBe(first);
    expect(await segmentFiles(dir)).toHaveLength(2);

    journal.applied(first);
    expect(await segmentFiles(dir)).toHaveLength(2);
    journal.applied(first);
    expect(await segmentFiles(dir)).toHaveLength(1);

    // Not applied yet: closing keeps it for the next open.
    journal.close();
    const reopened = UpdateJournal.open(dir);
    expect(reopened.records).toEqual([append('small', 10, 9)]);
    reopened.journal.close();
  });
});
