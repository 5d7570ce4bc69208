/**
 * The command line of every headless Chromium the project starts: the pdf export's, the browser
 * tests' and the editor benchmark's.
 *
 * Chromium 156's headless mode is a full browser: each new page gets a browser window, and each
 * window loads its omnibox popup as a WebUI page in a renderer of its own ("top chrome"). That
 * renderer took about 1.5 s of CPU per page opened here. On a two-core machine it competed with
 * the page being measured or printed, and an article's open measured 2.5–3.2 s instead of 1.6–2.0.
 * Nothing headless ever shows that popup, so its features are switched off.
 *
 * Chromium keeps only the last `--disable-features` on its command line, and playwright-core puts
 * its own list before ours. So ours repeats playwright's list (from playwright-core 1.65.1,
 * `chromiumSwitches.ts`; a unit test fails if playwright's list gains a feature this one lacks).
 */

/** The features playwright-core disables in every Chromium it launches (its `disabledFeatures`). */
export const PLAYWRIGHT_DISABLED_FEATURES: readonly string[] = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/** The browser-window WebUI a headless page never shows: the omnibox popups and their preloading. */
export const TOP_CHROME_WEBUI_FEATURES: readonly string[] = [
  'WebUIOmniboxPopup',
  'WebUIOmniboxFullPopup',
  'WebUIOmniboxAimPopup',
  'PreloadTopChromeWebUI',
];

/** Flags for a headless Chromium that never reaches for the network on its own. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...TOP_CHROME_WEBUI_FEATURES].join(',')}`,
];
