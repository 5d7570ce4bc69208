/**
 * The limits the sync endpoint enforces on each client, so one hostile or broken client cannot
 * take memory, CPU or storage from the others. Every limit is an option of `startServer`.
 */

/** Limits on connections, messages, updates and presence. */
export interface SyncLimits {
  /** Open sync connections in total; more are closed at once with 1013. */
  readonly maxConnections: number;
  /** Open sync connections from one remote address; more are closed at once with 1013. */
  readonly maxConnectionsPerAddress: number;
  /** Messages a connection may send in a burst (token bucket size). */
  readonly messageBurst: number;
  /** Messages per second a connection may send on average (bucket refill rate). */
  readonly messagesPerSecond: number;
  /** Bytes a connection may send in a burst. */
  readonly byteBurst: number;
  /** Bytes per second a connection may send on average. */
  readonly bytesPerSecond: number;
  /** Structs (items, deletions, gaps) in one Yjs update. */
  readonly maxUpdateStructs: number;
  /** Distinct Yjs client ids in one update (its structs and its delete set). */
  readonly maxUpdateClients: number;
  /** Nesting depth of values inside an update (maps and arrays of "any" content). */
  readonly maxValueDepth: number;
  /** Longest time checking one update may take before it is refused. */
  readonly updateCheckMs: number;
  /** Bytes of updates a document may hold back waiting for changes it has not seen. */
  readonly maxPendingBytes: number;
  /** Root types (top-level names) a document may have. */
  readonly maxRootTypes: number;
  /** Presence client ids one connection may introduce (a stock client introduces one). */
  readonly maxAwarenessClients: number;
  /** Bytes of one presence state (its JSON). */
  readonly maxAwarenessStateBytes: number;
}

/** Limits that let a busy newsroom work and stop what no stock client ever sends. */
export const DEFAULT_SYNC_LIMITS: SyncLimits = {
  maxConnections: 2_000,
  maxConnectionsPerAddress: 200,
  messageBurst: 400,
  messagesPerSecond: 200,
  byteBurst: 16 * 1024 * 1024,
  bytesPerSecond: 4 * 1024 * 1024,
  maxUpdateStructs: 200_000,
  maxUpdateClients: 2_000,
  maxValueDepth: 32,
  updateCheckMs: 2_000,
  maxPendingBytes: 4 * 1024 * 1024,
  maxRootTypes: 32,
  maxAwarenessClients: 8,
  maxAwarenessStateBytes: 64 * 1024,
};

/** The defaults with some limits replaced. */
export function resolveSyncLimits(overrides: Partial<SyncLimits> = {}): SyncLimits {
  const limits = { ...DEFAULT_SYNC_LIMITS };
  for (const [key, value] of Object.entries(overrides) as [keyof SyncLimits, number | undefined][]) {
    if (value === undefined) continue;
    if (!(value > 0)) throw new Error(`sync limit ${key} must be a positive number, got ${value}`);
    limits[key] = value;
  }
  return limits;
}

/**
 * A message that is well-formed but crosses one of the limits (too big, too many, too deep, too
 * slow to check): the connection that sent it is closed.
 */
export class LimitExceeded extends Error {
  override readonly name = 'LimitExceeded';
}
