import type { WebSocket } from 'ws';

/**
 * Pings every watched socket at an interval and terminates those that did not answer the
 * previous ping, so half-open connections do not hold documents in memory forever.
 */
export class Heartbeat {
  private readonly sockets = new Set<WebSocket>();
  private readonly answered = new WeakSet<WebSocket>();
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs: number) {
    this.timer = setInterval(() => this.beat(), intervalMs);
    this.timer.unref();
  }

  /** Starts watching a socket until it closes. */
  watch(socket: WebSocket): void {
    this.sockets.add(socket);
    this.answered.add(socket);
    socket.on('pong', () => this.answered.add(socket));
    socket.on('close', () => this.sockets.delete(socket));
  }

  /** Stops pinging. */
  stop(): void {
    clearInterval(this.timer);
  }

  private beat(): void {
    for (const socket of this.sockets) {
      if (!this.answered.has(socket)) {
        socket.terminate();
        continue;
      }
      this.answered.delete(socket);
      socket.ping();
    }
  }
}
