import cliProgress from 'cli-progress';

/** Reports progress through a batch of articles. */
export interface Progress {
  /** One article done (or failed); `note` says which. */
  tick(note: string): void;
  /** A message that must not be drawn over by the bar. */
  log(message: string): void;
  /** Ends the report (removes nothing: the finished bar stays). */
  stop(): void;
}

/**
 * A progress bar on a terminal, plain numbered lines anywhere else (CI logs, pipes), always on
 * stderr so stdout stays free for data.
 */
export function createProgress(
  total: number,
  stream: NodeJS.WriteStream = process.stderr,
  action = 'Exporting',
): Progress {
  let done = 0;
  if (!stream.isTTY) {
    return {
      tick: (note) => stream.write(`[${++done}/${total}] ${note}\n`),
      log: (message) => stream.write(`${message}\n`),
      stop: () => undefined,
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `${action} {bar} {value}/{total} {note}`,
      barsize: 30,
      hideCursor: true,
      clearOnComplete: false,
      stopOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { note: '' });
  return {
    tick: (note) => bar.increment({ note }),
    log: (message) => {
      // Clears the bar's line, prints the message, then redraws the bar below it.
      stream.write(`\r\x1b[2K${message}\n`);
      bar.render();
    },
    stop: () => bar.stop(),
  };
}
