import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { issueToken, type Role } from '@factcheck/server';
import {
  highlightedText,
  openInvitedReviewer,
  selectTextInEditor,
  useBrowserEnvironment,
} from './browser-fixtures.js';

const SECRET = 'browser-blind-review-secret-0123456789abcdef';
const ARTICLE = '000_b05564db9c0361cb';
const ALLEGATION = 'publicly accuse Ali Zafar of repeatedly harassing her sexually';
const RUMOUR = 'confessed to making a false statement';

const environment = useBrowserEnvironment({ authSecret: SECRET });
const server = () => environment().server;
const browser = () => environment().browser;

async function invite(role: Role, id: string, name: string) {
  const token = await issueToken(SECRET, { id, name, role });
  return openInvitedReviewer(browser(), server().url, token, `/articles/${ARTICLE}`);
}

async function waitConnected(page: Page): Promise<void> {
  await page.locator('.ProseMirror').waitFor();
  await expect
    .poll(() => page.locator('[data-testid="connection-status"]').getAttribute('data-status'), {
      timeout: 10_000,
    })
    .toBe('connected');
}

async function tag(page: Page, text: string, key: string): Promise<void> {
  await page.bringToFront();
  await selectTextInEditor(page, text);
  await page.keyboard.press(key);
}

describe('protected mode in the browser', () => {
  it('refuses a visitor without an invite and shows the invited reviewer’s name and role', async () => {
    const context = await browser().newContext();
    const stranger = await context.newPage();
    await stranger.goto(`${server().url}/`);
    await expect
      .poll(() => stranger.getByTestId('access-refused').textContent())
      .toMatch(/token is required/u);
    await context.close();

    const viewer = await invite('viewer', 'vera', 'Vera Viewer');
    await waitConnected(viewer.page);
    expect(await viewer.page.getByTestId('reviewer-badge').textContent()).toContain('Vera Viewer');
    expect(await viewer.page.getByTestId('reviewer-role').textContent()).toBe('viewer');
    expect(await viewer.page.getByTestId('read-only-note').isVisible()).toBe(true);
    expect(await viewer.page.getByTestId('mode-toggle').count()).toBe(0);
    await selectTextInEditor(viewer.page, RUMOUR);
    await viewer.page.keyboard.press('3');
    expect(await viewer.page.locator('.ProseMirror .fc-tag').count()).toBe(0);
    await viewer.context.close();
  });

  it('runs a blind review: reviewers see only their own tags until the lead reveals them', async () => {
    const lead = await invite('lead', 'lena', 'Lena Lead');
    const alice = await invite('reviewer', 'alice', 'Alice Amjad');
    const bilal = await invite('reviewer', 'bilal', 'Bilal Butt');
    for (const { page } of [lead, alice, bilal]) await waitConnected(page);

    await lead.page.bringToFront();
    await lead.page.getByTestId('review-tab').click();
    await lead.page.getByTestId('start-blind-review').click();
    for (const { page } of [alice, bilal]) {
      await page.getByTestId('blind-banner').waitFor({ timeout: 15_000 });
      await waitConnected(page);
    }

    await tag(alice.page, ALLEGATION, '1');
    await expect.poll(() => highlightedText(alice.page, 'allegation')).toBe(ALLEGATION);
    await tag(bilal.page, RUMOUR, '3');
    await expect.poll(() => highlightedText(bilal.page, 'rumour')).toBe(RUMOUR);
    // Bilal's page never receives Alice's tag while the review is blind.
    await bilal.page.reload();
    await waitConnected(bilal.page);
    await expect.poll(() => highlightedText(bilal.page, 'rumour')).toBe(RUMOUR);
    expect(await highlightedText(bilal.page, 'allegation')).toBe('');
    await bilal.page.screenshot({ path: '.tmp/blind-review-reviewer.png' });

    await lead.page.bringToFront();
    await lead.page.getByTestId('reveal-blind-review').click();
    // Every page drops its blind copy and comes back with everyone's tags.
    for (const { page } of [alice, bilal, lead]) {
      await expect.poll(() => highlightedText(page, 'allegation'), { timeout: 15_000 }).toBe(ALLEGATION);
      await expect.poll(() => highlightedText(page, 'rumour'), { timeout: 15_000 }).toBe(RUMOUR);
    }
    expect(await bilal.page.getByTestId('blind-banner').count()).toBe(0);
    await lead.page.screenshot({ path: '.tmp/blind-review-revealed.png' });
    for (const { context } of [lead, alice, bilal]) await context.close();
  });
});
