/** Path of the service worker that keeps the app's page and files for offline reloads (`public/`). */
export const OFFLINE_WORKER_PATH = '/offline-sw.js';

/**
 * Registers the service worker that lets a reload work without a connection (the article itself
 * comes from the browser's local copy). Does nothing where service workers are unavailable
 * (plain http on another host than localhost, some private windows).
 */
export function registerOfflineShell(): void {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register(OFFLINE_WORKER_PATH).catch((error: unknown) => {
    console.warn('Offline reloads are unavailable:', error);
  });
}
