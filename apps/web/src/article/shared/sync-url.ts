/** The y-websocket base URL on this page's own host (`ws(s)://host/sync`); the room is the article id. */
export function syncServerUrl(location: Location = window.location): string {
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${location.host}/sync`;
}
