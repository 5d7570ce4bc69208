import { describe, expect, it } from 'vitest';
import { exportFileName, slugifyTitle, unicodeExportFileName, uniqueFileNames } from '../src/file-name.js';

const txt = { extension: 'txt' };

describe('export file names', () => {
  it('slugs a title to lowercase ASCII, folding accents and collapsing the rest', () => {
    expect(exportFileName('Iffat Omar, Ali Zafar Get Into Twitter Spat', txt)).toBe(
      'iffat-omar-ali-zafar-get-into-twitter-spat.txt',
    );
    expect(slugifyTitle('Café Déjà Vu — “quoted”')).toBe('cafe-deja-vu-quoted');
    expect(slugifyTitle('../../etc/passwd')).toBe('etc-passwd');
    expect(slugifyTitle('<img src=x onerror=alert(1)>')).toBe('img-src-x-onerror-alert-1');
  });

  it('is never empty and never too long', () => {
    for (const title of ['', '   ', '😀😀', 'قانونی', '...'])
      expect(exportFileName(title, txt)).toBe('article.txt');
    const long = slugifyTitle('word '.repeat(100));
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long).not.toMatch(/^-|-$/u);
  });

  it('keeps the whole title for filename*, without separators, controls or a leading dot', () => {
    expect(unicodeExportFileName('قانونی 😀: a/b\\c "d"', txt)).toBe('قانونی 😀 a b c d.txt');
    expect(unicodeExportFileName('..hidden', txt)).toBe('hidden.txt');
    expect(unicodeExportFileName('evil\u202Etxt.exe', txt)).toBe('evil txt.exe.txt');
    expect(unicodeExportFileName('/', txt)).toBe('article.txt');
    expect([...unicodeExportFileName('😀'.repeat(200), txt)].length).toBe(154);
  });

  it('makes names unique within a set', () => {
    expect(uniqueFileNames(['a.txt', 'a.txt', 'b.txt', 'a.txt', 'a-2.txt'])).toEqual([
      'a.txt',
      'a-2.txt',
      'b.txt',
      'a-3.txt',
      'a-2-2.txt',
    ]);
  });
});
