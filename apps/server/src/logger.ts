import { pino, type DestinationStream, type Logger } from 'pino';

/** The server's logger type: pino, one JSON line per event. */
export type ServerLogger = Logger;

/** A JSON logger at the given level (`info` by default), to stdout or to `destination`. */
export function createLogger(level = 'info', destination?: DestinationStream): ServerLogger {
  const options = { name: 'factcheck-server', level, timestamp: pino.stdTimeFunctions.isoTime };
  return destination ? pino(options, destination) : pino(options);
}
