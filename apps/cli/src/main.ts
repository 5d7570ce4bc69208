import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { closePdfRenderer } from '@factcheck/export';
import { CliError } from './cli-error.js';
import { backupCommand } from './commands/backup.js';
import { exportCommand } from './commands/export.js';
import { importCommand } from './commands/import.js';
import { listCommand } from './commands/list.js';
import { restoreCommand } from './commands/restore.js';
import { tokenCommand } from './commands/token.js';

/** The `factcheck` program: its commands, and errors printed as one line with exit code 1. */

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

const program = new Command('factcheck')
  .description('Command line of the fact-check desk: export annotated copies of articles.')
  .version(version)
  .showHelpAfterError('(run with --help for usage)')
  .addCommand(exportCommand())
  .addCommand(importCommand())
  .addCommand(listCommand())
  .addCommand(tokenCommand())
  .addCommand(backupCommand())
  .addCommand(restoreCommand());

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // One line, no stack: a CliError is written for the reader, and so are the export package's errors.
  console.error(`factcheck: ${error instanceof Error ? error.message : String(error)}`);
  if (process.env.FACTCHECK_DEBUG && !(error instanceof CliError)) console.error(error);
  process.exitCode = 1;
} finally {
  // A pdf export keeps its Chromium for later exports; the command is done with it.
  await closePdfRenderer();
}
