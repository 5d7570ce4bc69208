import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, PLAYWRIGHT_DISABLED_FEATURES, TOP_CHROME_WEBUI_FEATURES } from '../src/index.js';

/** The `disabledFeatures` list in the installed playwright-core's source. */
function playwrightDisabledFeatures(): string[] {
  const require = createRequire(import.meta.url);
  const root = path.dirname(require.resolve('playwright-core/package.json'));
  const bundle = readFileSync(path.join(root, 'lib', 'coreBundle.js'), 'utf8');
  const list = /disabledFeatures = \[([\s\S]*?)\]/u.exec(bundle);
  if (!list)
    throw new Error(
      'playwright-core no longer has `disabledFeatures = [...]` in lib/coreBundle.js: check how it builds --disable-features and update chromium-args.ts',
    );
  return [...list[1].matchAll(/^\s*"([^"]+)"/gmu)].map((match) => match[1]);
}

describe('the command line of headless Chromium', () => {
  const disabled = CHROMIUM_ARGS.filter((arg) => arg.startsWith('--disable-features='));

  it("has the guide's flags", () => {
    for (const flag of [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ])
      expect(CHROMIUM_ARGS).toContain(flag);
  });

  it('disables the browser-window WebUI in the one --disable-features Chromium keeps', () => {
    expect(disabled).toHaveLength(1);
    const features = disabled[0].slice('--disable-features='.length).split(',');
    for (const feature of TOP_CHROME_WEBUI_FEATURES) expect(features).toContain(feature);
  });

  it('still disables every feature the installed playwright-core disables (ours replaces its list)', () => {
    const features = disabled[0].slice('--disable-features='.length).split(',');
    const playwrights = playwrightDisabledFeatures();
    expect(playwrights.length).toBeGreaterThan(5);
    expect(playwrights.filter((feature) => !features.includes(feature))).toEqual([]);
    expect([...PLAYWRIGHT_DISABLED_FEATURES].sort()).toEqual([...playwrights].sort());
  });
});
