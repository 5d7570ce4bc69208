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
  // Values are numbered as they come, so the coincidence matrix is a flat array, not maps of maps.
  const valueIndex = new Map<string, number>();
  const pairable: { values: number[]; weight: number }[] = [];
  for (const unit of units) {
    const { codes, weight } = 'codes' in unit ? unit : { codes: unit, weight: 1 };
    if (weight <= 0) continue;
    const values: number[] = [];
    for (const code of codes) {
      if (code === null) continue;
      let index = valueIndex.get(code);
      if (index === undefined) valueIndex.set(code, (index = valueIndex.size));
      values.push(index);
    }
    if (values.length >= 2) pairable.push({ values, weight });
  }
  const size = valueIndex.size;
  const coincidences = new Float64Array(size * size);
  const counts = new Int32Array(size);
  const distinct: number[] = [];
  for (const { values, weight } of pairable) {
    distinct.length = 0;
    for (const value of values) if (counts[value]++ === 0) distinct.push(value);
    // Each ordered pair of values from different coders adds 1 / (m − 1).
    const share = weight / (values.length - 1);
    for (const c of distinct) {
      const nc = counts[c];
      for (const k of distinct) {
        const pairs = c === k ? nc * (nc - 1) : nc * counts[k];
        if (pairs > 0) coincidences[c * size + k] += share * pairs;
      }
    }
    for (const value of distinct) counts[value] = 0;
  }
  const marginals = new Float64Array(size);
  let total = 0;
  let observedDisagreement = 0;
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) {
      const value = coincidences[c * size + k];
      marginals[c] += value;
      if (c !== k) observedDisagreement += value;
    }
    total += marginals[c];
  }
  if (total <= 1) return null;
  let expectedDisagreement = 0;
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) if (c !== k) expectedDisagreement += marginals[c] * marginals[k];
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
