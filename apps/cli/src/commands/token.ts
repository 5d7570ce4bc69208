import { randomUUID } from 'node:crypto';
import { Command, InvalidArgumentError, Option } from 'commander';
import { issueToken, ROLES, type Role } from '@factcheck/server/auth';
import { CliError } from '../cli-error.js';

/** What `factcheck token` is told. */
interface TokenOptions {
  readonly role: Role;
  readonly name: string;
  readonly id?: string;
  readonly article: string[];
  readonly days: number;
  readonly url: string;
  readonly secret?: string;
}

function positiveDays(value: string): number {
  const days = Number(value);
  if (!(days > 0 && days <= 3650)) throw new InvalidArgumentError('give a number of days from 1 to 3650.');
  return days;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** The invite link the web app accepts: the token rides in the fragment, which browsers never send to servers. */
export function inviteLink(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/u, '')}/#invite=${token}`;
}

/** Runs `factcheck token`: prints a signed token and its invite link. */
export async function runToken(options: TokenOptions): Promise<void> {
  const secret = options.secret ?? process.env.AUTH_SECRET;
  if (!secret) throw new CliError('Set AUTH_SECRET (the same secret the server runs with) to sign tokens.');
  const name = options.name.trim();
  if (!name) throw new CliError('--name must not be empty.');
  const token = await issueToken(secret, {
    id: options.id?.trim() || `r-${randomUUID()}`,
    name,
    role: options.role,
    articles: options.article.length > 0 ? options.article : '*',
    days: options.days,
  }).catch((error: unknown) => {
    throw new CliError((error as Error).message);
  });
  process.stdout.write(`${token}\n`);
  process.stderr.write(`Invite link for ${name} (${options.role}): ${inviteLink(options.url, token)}\n`);
}

/** `factcheck token`: signs an access token for protected mode. */
export function tokenCommand(): Command {
  return new Command('token')
    .description('print a signed access token (and invite link) for a reviewer; needs AUTH_SECRET')
    .addOption(new Option('--role <role>', 'what the reviewer may do').choices(ROLES).makeOptionMandatory())
    .requiredOption('--name <name>', 'the reviewer’s name, shown to others')
    .option('--id <id>', 'reviewer id their tags are written under (default: a new one)')
    .option('--article <id>', 'an article the token covers (repeat; default: every article)', collect, [])
    .option('--days <n>', 'days until the token expires', positiveDays, 30)
    .option('--url <url>', 'base URL of the app, for the invite link', 'http://localhost:8080')
    .action(runToken);
}
