import { describe, expect, it } from 'vitest';
import { cohenKappa, confusionTable, krippendorffAlphaNominal } from '../src/review/agreement.js';

/** Codes per unit from rows of codes per coder ('.' = missing), as Krippendorff's tables print them. */
function unitsFromCoderRows(rows: string[][]): (string | null)[][] {
  return rows[0].map((_, unit) => rows.map((row) => (row[unit] === '.' ? null : row[unit])));
}

describe("Krippendorff's alpha (nominal)", () => {
  it('matches example A of Krippendorff (2011): two observers, binary data, α = 0.095', () => {
    const units = unitsFromCoderRows([
      ['0', '1', '0', '0', '0', '0', '0', '0', '1', '0'],
      ['1', '1', '1', '0', '0', '1', '0', '0', '0', '0'],
    ]);
    expect(krippendorffAlphaNominal(units)).toBeCloseTo(0.095, 3);
  });

  it('matches example C of Krippendorff (2011): four observers, missing data, α = 0.743', () => {
    const units = unitsFromCoderRows([
      ['1', '2', '3', '3', '2', '1', '4', '1', '2', '.', '.', '.'],
      ['1', '2', '3', '3', '2', '2', '4', '1', '2', '5', '.', '3'],
      ['.', '3', '3', '3', '2', '3', '4', '2', '2', '5', '1', '.'],
      ['1', '2', '3', '3', '2', '4', '4', '1', '2', '5', '1', '.'],
    ]);
    expect(krippendorffAlphaNominal(units)).toBeCloseTo(0.743, 3);
  });

  it('is 1 for perfect agreement, undefined when there is only one value, and weights count as repeats', () => {
    expect(
      krippendorffAlphaNominal([
        ['a', 'a'],
        ['b', 'b'],
      ]),
    ).toBe(1);
    expect(
      krippendorffAlphaNominal([
        ['a', 'a'],
        ['a', 'a'],
      ]),
    ).toBeNull();
    const repeated = krippendorffAlphaNominal([
      ['a', 'b'],
      ['a', 'a'],
      ['a', 'a'],
      ['b', 'b'],
    ]);
    const weighted = krippendorffAlphaNominal([
      { codes: ['a', 'b'], weight: 1 },
      { codes: ['a', 'a'], weight: 2 },
      { codes: ['b', 'b'], weight: 1 },
    ]);
    expect(weighted).toBeCloseTo(repeated!, 12);
  });
});

describe("Cohen's kappa", () => {
  it('matches the textbook 2×2 example: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no gives κ = 0.4', () => {
    const table = confusionTable([
      { a: 'yes', b: 'yes', weight: 20 },
      { a: 'yes', b: 'no', weight: 5 },
      { a: 'no', b: 'yes', weight: 10 },
      { a: 'no', b: 'no', weight: 15 },
    ]);
    expect(cohenKappa(table)).toBeCloseTo(0.4, 12);
  });

  it('matches a three-category example worked by hand (κ = 0.23 / 0.34 ≈ 0.676)', () => {
    // p_o = (75 + 4 + 10) / 100 = 0.89; rows 80/10/10, columns 80/5/15:
    // p_e = 0.8·0.8 + 0.1·0.05 + 0.1·0.15 = 0.66; κ = (0.89 − 0.66) / (1 − 0.66).
    const cells: [string, string, number][] = [
      ['psychotic', 'psychotic', 75],
      ['psychotic', 'neurotic', 1],
      ['psychotic', 'organic', 4],
      ['neurotic', 'psychotic', 5],
      ['neurotic', 'neurotic', 4],
      ['neurotic', 'organic', 1],
      ['organic', 'psychotic', 0],
      ['organic', 'neurotic', 0],
      ['organic', 'organic', 10],
    ];
    const table = confusionTable(cells.map(([a, b, weight]) => ({ a, b, weight })));
    expect(cohenKappa(table)).toBeCloseTo(0.23 / 0.34, 12);
  });

  it('is undefined when both coders used one and the same value throughout', () => {
    expect(cohenKappa(confusionTable([{ a: 'none', b: 'none', weight: 10 }]))).toBeNull();
  });
});
