/** An error meant for the person at the terminal: printed as its message alone, exit code 1. */
export class CliError extends Error {
  override readonly name = 'CliError';
}
