import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { registerCleanup } from './cleanup.js';
import type { LogRecord } from './start-test-server.js';
import { waitFor } from './wait-for.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The server running as `npm start` runs it, in a child process of its own. */
export interface ServerProcess {
  readonly child: ChildProcess;
  readonly url: string;
  readonly syncUrl: string;
  /** Parsed JSON log lines from its stdout. */
  readonly logs: LogRecord[];
  /** Resolves when the process has exited. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `apps/server/src/main.ts` on a free port with `dataDir`; killed when the test ends. */
export async function spawnServer(dataDir: string): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      WEB_DIST: path.join(dataDir, 'no-web-build'),
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const logs: LogRecord[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    try {
      logs.push(JSON.parse(line) as LogRecord);
    } catch {
      // Not a log line (e.g. a warning printed by a dependency).
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  registerCleanup(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  });
  const listening = await waitFor(() => logs.find((record) => record.msg === 'server listening'), {
    timeout: 20_000,
    message: 'server process listening',
  });
  const url = listening.url as string;
  return { child, url, syncUrl: `${url.replace('http', 'ws')}/sync`, logs, exited };
}
