import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seededRandom } from '../bench/seeded-random.js';
import { highlightedText, openConnected, openReviewer, useBrowserEnvironment } from './browser-fixtures.js';

/**
 * Typing inside and around highlights in Chromium. ProseMirror is patched
 * (`patches/prosemirror-view+1.42.9.patch`) to keep a highlighted text node whose DOM already shows
 * the typed text, instead of drawing its highlight again and setting the selection again on every
 * keystroke. After each key the paragraph must look exactly as a fresh drawing of the same document
 * and highlights would, and a key typed inside a highlight must leave that highlight's element and
 * the caret in place. Positions come from a seeded random walk (env SEED; failing seeds are kept in
 * KEPT_SEEDS).
 */

const ARTICLE = '002_7f6c6d7fc6f2c3a9';
const PARAGRAPH_START = 'It’s a known fact';
const TAGS: readonly { text: string; key: string }[] = [
  { text: 'renowned pop singer Ali Zafar', key: '1' },
  { text: 'Ali Zafar has been facing', key: '3' },
  { text: 'sexual harassment allegations', key: '2' },
  { text: 'she accused Ali Zafar', key: '1' },
];
const KEYS_PER_SEED = 24;
/** Seeds that once failed, run on every test run. */
const KEPT_SEEDS: readonly number[] = [3, 9, 47567];

const environment = useBrowserEnvironment();

/** Where the caret goes before a key: at a highlight's edge, inside one, or anywhere in the paragraph. */
type Spot = 'start' | 'end' | 'inside' | 'anywhere';

interface Placed {
  /** The paragraph's text before the key. */
  readonly before: string;
  /** Offset of the caret in that text. */
  readonly offset: number;
  /** Whether the caret is strictly inside one highlight's text node (its element is remembered). */
  readonly insideHighlight: boolean;
}

/** Puts ProseMirror's caret at a spot of the paragraph chosen by `pick` (a number in [0, 1)). */
function placeCaret(page: Page, index: number, spot: Spot, pick: number): Promise<Placed> {
  return page.evaluate(
    ({ index, spot, pick }) => {
      const view = window.__factcheck!.view;
      const { doc } = view.state;
      let paragraphPos = 0;
      for (let i = 0; i < index; i++) paragraphPos += doc.child(i).nodeSize;
      const paragraph = doc.child(index);
      const first = paragraphPos + 1;
      const spans = [...(view.nodeDOM(paragraphPos) as HTMLElement).querySelectorAll('.fc-tag')];
      const span = spans[Math.floor(pick * spans.length)];
      const text = span.firstChild as Text;
      const spanFrom = view.posAtDOM(text, 0);
      const spanTo = view.posAtDOM(text, text.length);
      let pos: number;
      if (spot === 'start') pos = spanFrom;
      else if (spot === 'end') pos = spanTo;
      else if (spot === 'inside')
        pos = spanFrom + 1 + (Math.floor(pick * 997) % Math.max(1, spanTo - spanFrom - 1));
      else pos = first + Math.floor(pick * paragraph.content.size);
      const TextSelection = view.state.selection.constructor as unknown as {
        create(doc: unknown, pos: number): never;
      };
      view.focus();
      view.dispatch(view.state.tr.setSelection(TextSelection.create(doc, pos)));
      const insideHighlight = spot === 'inside' && spanTo - spanFrom > 1;
      (window as unknown as { __probe?: Element | null }).__probe = insideHighlight ? span : null;
      return { before: paragraph.textContent, offset: pos - first, insideHighlight };
    },
    { index, spot, pick },
  );
}

/** Selects the first occurrence of `text` in the document (it may cross highlights). */
async function selectInDocument(page: Page, text: string): Promise<void> {
  await page.evaluate((needle) => {
    const view = window.__factcheck!.view;
    let from = -1;
    view.state.doc.descendants((node, pos) => {
      if (from >= 0 || !node.isTextblock) return from < 0;
      const at = node.textContent.indexOf(needle);
      if (at >= 0) from = pos + 1 + at;
      return false;
    });
    if (from < 0) throw new Error(`"${needle}" is not in the editor`);
    const TextSelection = view.state.selection.constructor as unknown as {
      create(doc: unknown, anchor: number, head: number): never;
    };
    view.focus();
    view.dispatch(
      view.state.tr.setSelection(TextSelection.create(view.state.doc, from, from + needle.length)),
    );
  }, text);
}

/** The index of the paragraph typed in among the document's blocks. */
function paragraphIndex(page: Page): Promise<number> {
  return page.evaluate((start) => {
    let index = -1;
    window.__factcheck!.view.state.doc.forEach((node, _offset, i) => {
      if (index < 0 && node.textContent.startsWith(start)) index = i;
    });
    return index;
  }, PARAGRAPH_START);
}

/** The paragraph's text in the editor's document. */
function paragraphText(page: Page, index: number): Promise<string> {
  return page.evaluate((index) => window.__factcheck!.view.state.doc.child(index).textContent, index);
}

/** The paragraph as the editor shows it, and as a fresh view draws the same document and highlights. */
function shownAndFresh(page: Page, index: number): Promise<{ shown: string; fresh: string }> {
  return page.evaluate((index) => {
    const view = window.__factcheck!.view;
    const { state } = view;
    type Decorations = (this: unknown, state: unknown) => unknown;
    const sets = state.plugins
      .map((plugin) => (plugin.props.decorations as Decorations | undefined)?.call(plugin, state))
      .filter(Boolean);
    const Plugin = state.plugins[0].constructor as new (spec: unknown) => never;
    const State = state.constructor as unknown as { create(config: unknown): never };
    const View = view.constructor as new (
      place: HTMLElement,
      props: unknown,
    ) => {
      dom: HTMLElement;
      destroy(): void;
    };
    const fresh = new View(document.createElement('div'), {
      state: State.create({
        doc: state.doc,
        plugins: sets.map((set) => new Plugin({ props: { decorations: () => set } })),
      }),
      editable: () => false,
    });
    const drawn = fresh.dom.children[index].outerHTML;
    fresh.destroy();
    return { shown: view.dom.children[index].outerHTML, fresh: drawn };
  }, index);
}

/** Whether the highlight element remembered before the key is still drawn and holds the caret. */
function probeKeptWithCaret(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const probe = (window as unknown as { __probe?: Element | null }).__probe;
    const anchor = document.getSelection()?.anchorNode ?? null;
    return !!probe && probe.isConnected && anchor !== null && probe.contains(anchor);
  });
}

async function typeAtRandomSpots(page: Page, index: number, seed: number): Promise<void> {
  const random = seededRandom(seed);
  const spots: Spot[] = ['start', 'end', 'inside', 'inside', 'anywhere'];
  for (let step = 0; step < KEYS_PER_SEED; step++) {
    const spot = spots[Math.floor(random() * spots.length)];
    const placed = await placeCaret(page, index, spot, random());
    const key = String.fromCharCode(97 + Math.floor(random() * 26));
    await page.keyboard.type(key);
    const expected = placed.before.slice(0, placed.offset) + key + placed.before.slice(placed.offset);
    await expect.poll(() => paragraphText(page, index)).toBe(expected);
    const { shown, fresh } = await shownAndFresh(page, index);
    expect(shown, `seed ${seed}, key ${step + 1} (${spot}, offset ${placed.offset})`).toBe(fresh);
    if (placed.insideHighlight)
      expect(await probeKeptWithCaret(page), `seed ${seed}, key ${step + 1} inside a highlight`).toBe(true);
  }
}

describe('typing inside highlights', () => {
  it('draws every key as a fresh view would, and keeps a highlight typed inside', async () => {
    const { context, page } = await openReviewer(environment().browser, {
      id: 'reviewer-hina-typing',
      name: 'Hina Baig',
    });
    await openConnected(page, `${environment().server.url}/articles/${ARTICLE}`);
    for (const { text, key } of TAGS) {
      await selectInDocument(page, text);
      await page.keyboard.press(key);
      await expect
        .poll(() => page.locator('.ProseMirror .fc-tag').allTextContents())
        .toContainEqual(expect.stringContaining(text.split(' ').at(-1)!));
    }
    await expect.poll(() => highlightedText(page, 'allegation')).toContain('she accused Ali Zafar');
    await page.locator('[data-testid="mode-toggle"]').click();
    await expect.poll(() => page.locator('.ProseMirror').getAttribute('data-mode')).toBe('edit');

    const index = await paragraphIndex(page);
    expect(index).toBeGreaterThanOrEqual(0);
    const seeds = process.env.SEED ? [Number(process.env.SEED)] : [...KEPT_SEEDS, Date.now() % 100_000];
    for (const seed of seeds) {
      try {
        await typeAtRandomSpots(page, index, seed);
      } catch (error) {
        console.error(`typing-inside-highlights failed with SEED=${seed}`);
        throw error;
      }
    }
    await context.close();
  });
});
