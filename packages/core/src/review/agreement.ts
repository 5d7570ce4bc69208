/**
 * Inter-annotator agreement: Krippendorff's alpha for nominal data and Cohen's kappa, computed
 * from coded units. A unit's codes come one per coder; `null` marks a missing code.
 */

/** Codes given to one unit, one entry per coder, `null` where a coder gave none. */
export type UnitCodes = readonly (string | null)[];

/** Units with a weight, so identical units (e.g. runs of code points) are counted once. */
export interface WeightedUnit {
  readonly codes: UnitCodes;
  readonly weight: number;
}

/**
 * Krippendorff's alpha for nominal data (Krippendorff 2011, "Computing Krippendorff's
 * Alpha-Reliability"), via the coincidence matrix. Units with fewer than two codes are not
 * pairable and are ignored. Returns null when nothing is pairable or when every pairable code is
 * the same value (expected disagreement 0: alpha is undefined).
 */
export function krippendorffAlphaNominal(units: readonly (UnitCodes | WeightedUnit)[]): number | null {
  const coincidences = new Map<string, Map<string, number>>();
  const add = (c: string, k: string, amount: number) => {
    let row = coincidences.get(c);
    if (!row) coincidences.set(c, (row = new Map()));
    row.set(k, (row.get(k) ?? 0) + amount);
  };
  for (const unit of units) {
    const { codes, weight } = 'codes' in unit ? unit : { codes: unit, weight: 1 };
    const present = codes.filter((code): code is string => code !== null);
    const m = present.length;
    if (m < 2 || weight <= 0) continue;
    // Each ordered pair of values from different coders adds 1 / (m − 1).
    const counts = new Map<string, number>();
    for (const code of present) counts.set(code, (counts.get(code) ?? 0) + 1);
    for (const [c, nc] of counts) {
      for (const [k, nk] of counts) {
        const pairs = c === k ? nc * (nc - 1) : nc * nk;
        if (pairs > 0) add(c, k, (weight * pairs) / (m - 1));
      }
    }
  }
  const marginals = new Map<string, number>();
  let total = 0;
  for (const [c, row] of coincidences) {
    let sum = 0;
    for (const value of row.values()) sum += value;
    marginals.set(c, sum);
    total += sum;
  }
  if (total <= 1) return null;
  let observedDisagreement = 0;
  for (const [c, row] of coincidences) {
    for (const [k, value] of row) if (c !== k) observedDisagreement += value;
  }
  let expectedDisagreement = 0;
  for (const [c, nc] of marginals) {
    for (const [k, nk] of marginals) if (c !== k) expectedDisagreement += nc * nk;
  }
  if (expectedDisagreement === 0) return null;
  return 1 - ((total - 1) * observedDisagreement) / expectedDisagreement;
}

/** A contingency table of two coders' codes: `table[a][b]` = weight of units coded a by the first, b by the second. */
export type ConfusionTable = ReadonlyMap<string, ReadonlyMap<string, number>>;

/** Builds the confusion table of two coders over units where both gave a code. */
export function confusionTable(pairs: readonly { a: string; b: string; weight?: number }[]): ConfusionTable {
  const table = new Map<string, Map<string, number>>();
  for (const { a, b, weight = 1 } of pairs) {
    let row = table.get(a);
    if (!row) table.set(a, (row = new Map()));
    row.set(b, (row.get(b) ?? 0) + weight);
  }
  return table;
}

/**
 * Cohen's kappa (Cohen 1960) from a confusion table: (p_o − p_e) / (1 − p_e). Returns null when
 * the table is empty or chance agreement is already perfect (p_e = 1), where kappa is undefined.
 */
export function cohenKappa(table: ConfusionTable): number | null {
  let total = 0;
  let agreed = 0;
  const rowSums = new Map<string, number>();
  const columnSums = new Map<string, number>();
  for (const [a, row] of table) {
    for (const [b, weight] of row) {
      total += weight;
      if (a === b) agreed += weight;
      rowSums.set(a, (rowSums.get(a) ?? 0) + weight);
      columnSums.set(b, (columnSums.get(b) ?? 0) + weight);
    }
  }
  if (total === 0) return null;
  let chance = 0;
  for (const [code, rowSum] of rowSums) chance += (rowSum / total) * ((columnSums.get(code) ?? 0) / total);
  if (chance >= 1) return null;
  return (agreed / total - chance) / (1 - chance);
}
