import { Command } from 'commander';
import { addSourceOptions, openSource, type SourceOptions } from '../source-options.js';

/** Runs `factcheck list`: one `id<TAB>title` line per article on stdout. */
export async function runList(options: SourceOptions): Promise<void> {
  const source = await openSource(options);
  try {
    for (const article of await source.list()) process.stdout.write(`${article.id}\t${article.title}\n`);
  } finally {
    await source.close();
  }
}

/** `factcheck list`: the ids and titles of the stored articles, for picking one to export. */
export function listCommand(): Command {
  return addSourceOptions(
    new Command('list').description('list the articles (id and title) of the data directory or a server'),
  ).action(runList);
}
