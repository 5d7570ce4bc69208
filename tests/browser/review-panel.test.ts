import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  highlightedText,
  openReviewer,
  selectTextInEditor,
  useBrowserEnvironment,
  openConnected,
} from './browser-fixtures.js';

const ARTICLE = '000_b05564db9c0361cb';
const alice = { id: 'reviewer-alice', name: 'Alice Ahmed' };
const bilal = { id: 'reviewer-bilal', name: 'Bilal Khan' };
const lead = { id: 'reviewer-lena', name: 'Lena Lead' };

const LONG = 'publicly accuse Ali Zafar of repeatedly harassing her sexually';
const SHORT = 'accuse Ali Zafar of repeatedly harassing her';

const environment = useBrowserEnvironment();
const server = () => environment().server;
const browser = () => environment().browser;

function openArticle(page: Page, query = ''): Promise<void> {
  return openConnected(page, `${server().url}/articles/${ARTICLE}${query}`);
}

/** Tags `text` with the label behind `key` (1–3), bringing the page to the front first. */
async function tag(page: Page, text: string, key: string): Promise<void> {
  await page.bringToFront();
  await selectTextInEditor(page, text);
  await page.keyboard.press(key);
}

/** The stored fields of every tag in the page's shared document. */
function storedTags(
  page: Page,
): Promise<{ id: string; label: string; quote: string; adjudicated: boolean }[]> {
  return page.evaluate(() => {
    const ydoc = window.__factcheck!.ydoc;
    const tags: { id: string; label: string; quote: string; adjudicated: boolean }[] = [];
    ydoc.getMap('annotations').forEach((entry, id) => {
      const json = (entry as { toJSON(): Record<string, unknown> }).toJSON();
      tags.push({
        id,
        label: String(json.label),
        // New tags keep their quote in `anchor`; older records under a key of its own.
        quote: String((json.anchor as { quote?: unknown } | undefined)?.quote ?? json.quote),
        adjudicated: json.adjudicated === true,
      });
    });
    return tags;
  });
}

/** The text of the `<mark>`s of an HTML export that carry a given tag id. */
function markedText(html: string, tagId: string): string {
  let text = '';
  for (const match of html.matchAll(/<mark [^>]*data-tag-ids="([^"]*)"[^>]*>([\s\S]*?)<\/mark>/gu)) {
    if (match[1].split(' ').includes(tagId)) text += match[2].replace(/<[^>]+>/gu, '');
  }
  return text;
}

describe('the review panel', () => {
  it('shows two reviewers’ disagreement, lets a lead merge it, and carries a comment to the other reviewer', async () => {
    const a = await openReviewer(browser(), alice);
    const b = await openReviewer(browser(), bilal);
    const l = await openReviewer(browser(), lead);
    await openArticle(a.page);
    await openArticle(b.page);
    await openArticle(l.page, '?panel=review');

    await tag(a.page, LONG, '1');
    await expect.poll(() => highlightedText(a.page, 'allegation')).toBe(LONG);
    await expect.poll(() => highlightedText(b.page, 'allegation'), { timeout: 10_000 }).toBe(LONG);
    await tag(b.page, SHORT, '3');
    await expect.poll(() => highlightedText(b.page, 'rumour')).toBe(SHORT);

    // Bilal opens the Review tab: one disputed passage, both labels side by side with their reviewers.
    await b.page.locator('[data-testid="review-tab"]').click();
    const passages = b.page.locator('[data-testid="review-panel"] [data-testid="disputed-passage"]');
    await expect.poll(() => passages.count(), { timeout: 10_000 }).toBe(1);
    const passage = passages.first();
    expect(
      await passage
        .locator('[data-testid="passage-label"]')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-label'))),
    ).toEqual(['allegation', 'rumour']);
    const rows = await passage.locator('.passage-tag').allTextContents();
    expect(rows.some((row) => row.includes('Alice Ahmed') && row.includes('Allegation'))).toBe(true);
    expect(rows.some((row) => row.includes('Bilal Khan') && row.includes('Unverified rumour'))).toBe(true);
    expect(await passage.locator('[data-testid="accept-tag"]').count()).toBe(2);
    expect(await passage.locator('.passage__reasons').textContent()).toContain('different labels');
    expect(await b.page.locator('[data-testid="kappa-row"]').count()).toBe(1);
    expect(await b.page.locator('[data-testid="kappa-row"]').textContent()).toContain('Alice Ahmed');
    expect(await b.page.locator('[data-testid="agreement-alpha"]').getAttribute('data-value')).toMatch(
      /^-?\d/u,
    );

    // The lead, opening the article at its review, merges the passage as one allegation over the longest span.
    await l.page.bringToFront();
    const leadPassage = l.page.locator('[data-testid="disputed-passage"]');
    await expect.poll(() => leadPassage.count(), { timeout: 10_000 }).toBe(1);
    await leadPassage.locator('[data-testid="merge-passage"]').click();
    await l.page.locator('[data-testid="merge-label-allegation"]').click();
    await l.page.locator('[data-testid="merge-bounds-longest"]').check();
    await l.page.locator('[data-testid="merge-confirm"]').click();

    // The decided tag is in the shared document, for everyone, and drawn as decided.
    await expect
      .poll(async () => (await storedTags(a.page)).filter((stored) => stored.adjudicated), {
        timeout: 10_000,
      })
      .toEqual([expect.objectContaining({ label: 'allegation', quote: LONG })]);
    const decided = (await storedTags(l.page)).find((stored) => stored.adjudicated)!;
    await expect
      .poll(() =>
        a.page
          .locator('.ProseMirror .fc-tag--decided')
          .allTextContents()
          .then((parts) => parts.join('')),
      )
      .toBe(LONG);
    // Decided passages leave the list unless asked for.
    await expect.poll(() => leadPassage.count()).toBe(0);
    await l.page.locator('[data-testid="show-decided"]').check();
    await expect.poll(() => leadPassage.getAttribute('data-decided')).toBe('true');
    expect(await leadPassage.locator('[data-testid="passage-decision"]').textContent()).toContain(
      'Lena Lead',
    );

    // The export shows the decided tag where the passage was decided, not the reviewers' tags.
    const response = await fetch(`${server().url}/api/articles/${ARTICLE}/export?format=html`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(markedText(html, decided.id)).toBe(LONG);
    const reviewerTags = (await storedTags(l.page)).filter((stored) => !stored.adjudicated);
    for (const reviewerTag of reviewerTags) expect(markedText(html, reviewerTag.id)).toBe('');

    // Alice comments on her tag; Bilal sees the comment in the same tag's details.
    const aliceTag = reviewerTags.find((stored) => stored.label === 'allegation')!;
    await a.page.bringToFront();
    await a.page
      .locator(`[data-testid="tag-item"][data-tag-id="${aliceTag.id}"] [data-testid="tag-item-details"]`)
      .click();
    await a.page.locator('[data-testid="thread-input"]').fill('Shafi said this on Twitter in April 2018.');
    await a.page.locator('[data-testid="thread-submit"]').click();
    await expect.poll(() => a.page.locator('[data-testid="thread-entry"]').count()).toBe(1);
    await expect
      .poll(() => a.page.locator('[data-testid="history-entry"]').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining('commented')]));

    await b.page.bringToFront();
    await b.page.locator('[data-testid="show-decided"]').check();
    await b.page
      .locator(`.passage-tag[data-tag-id="${aliceTag.id}"] [data-testid="passage-tag-details"]`)
      .click();
    await expect
      .poll(() => b.page.locator('[data-testid="thread-entry"]').allTextContents(), { timeout: 10_000 })
      .toEqual([expect.stringContaining('Shafi said this on Twitter in April 2018.')]);
    expect(await b.page.locator('[data-testid="thread-entry"]').textContent()).toContain('Alice Ahmed');

    await a.context.close();
    await b.context.close();
    await l.context.close();
  });

  it('records claimant, verdict and evidence on a tag, and lets only the author edit a comment', async () => {
    const other = '001_3252a6d8875c329f';
    const a = await openReviewer(browser(), alice);
    const b = await openReviewer(browser(), bilal);
    for (const page of [a.page, b.page]) {
      await page.goto(`${server().url}/articles/${other}`);
      await page.locator('.ProseMirror').waitFor();
    }
    const quote = await a.page.evaluate(() =>
      document.querySelector('.ProseMirror p')!.textContent!.slice(0, 40),
    );
    await tag(a.page, quote, '1');
    await a.page.locator('[data-testid="tag-item-details"]').click();

    await a.page.locator('[data-testid="claimant-input"]').fill('Meesha Shafi');
    await a.page.locator('[data-testid="claimant-input"]').press('Enter');
    await a.page.locator('[data-testid="status-select"]').selectOption('resolved');
    await a.page.locator('[data-testid="verdict-input"]').fill('Misleading');
    await a.page.locator('[data-testid="verdict-submit"]').click();
    await a.page.locator('[data-testid="evidence-url"]').fill('https://example.org/court-record');
    await a.page.locator('[data-testid="evidence-note"]').fill('Court record');
    await a.page.locator('[data-testid="evidence-submit"]').click();
    await a.page.locator('[data-testid="thread-input"]').fill('First draft');
    await a.page.locator('[data-testid="thread-submit"]').click();
    await a.page.locator('[data-testid="thread-entry"] .link-button', { hasText: 'Edit' }).click();
    await a.page.locator('[data-testid="thread-entry"] textarea').fill('Checked against the court record');
    await a.page.locator('[data-testid="thread-entry"] button[type="submit"]').click();

    await b.page.bringToFront();
    await expect
      .poll(() => b.page.locator('[data-testid="tag-item"] .review-badge--resolved').textContent(), {
        timeout: 10_000,
      })
      .toBe('Verdict: Misleading');
    await b.page.locator('[data-testid="tag-item-details"]').click();
    expect(await b.page.locator('[data-testid="claimant-input"]').inputValue()).toBe('Meesha Shafi');
    expect(await b.page.locator('[data-testid="verdict"]').textContent()).toContain(
      'Resolved by Alice Ahmed',
    );
    await expect
      .poll(() => b.page.locator('[data-testid="evidence-item"]').textContent())
      .toContain('example.org/court-record');
    await expect
      .poll(() => b.page.locator('[data-testid="thread-entry-text"]').allTextContents())
      .toEqual(['Checked against the court record']);
    // Someone else's comment offers a reply, not an edit.
    expect(await b.page.locator('[data-testid="thread-entry"] .link-button').allTextContents()).toEqual([
      'Reply',
    ]);
    // Who did what, newest first.
    const history = await b.page.locator('[data-testid="history-entry"]').allTextContents();
    expect(history[0]).toContain('Alice Ahmed edited a comment');
    expect(history.join('\n')).toContain('resolved it: Misleading');

    await a.context.close();
    await b.context.close();
  });
});
