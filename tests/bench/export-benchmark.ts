import { buildExportModel, EXPORT_FORMATS, closePdfRenderer, exportFormats } from '@factcheck/export';
import { buildBigArticle, type BigArticleSize } from './big-article.js';
import { measure, type Measurement } from './measure.js';

/** Issue 3 and 7: each export format for the big article, under a second each. */
export async function runExportBenchmark(size: BigArticleSize, runs: number): Promise<Measurement[]> {
  const doc = buildBigArticle(size);
  const results: Measurement[] = [];
  const model = () => buildExportModel(doc, { id: 'bench', baseUrl: 'http://localhost:8080' });
  results.push(await measure(`export model (${size.words} words, ${size.tags} tags)`, model, { runs }));
  for (const name of EXPORT_FORMATS) {
    const format = exportFormats[name];
    results.push(
      await measure(`export ${name}`, async () => format.render(model()), { runs, targetMs: 1000 }),
    );
  }
  await closePdfRenderer();
  return results;
}
