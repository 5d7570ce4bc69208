import { LABEL_NAMES, LABELS, NO_LABEL, type ConfusionTable as Table } from '@factcheck/core';
import { LabelSwatch } from '../../labels/LabelSwatch.js';

/** The values a reviewer can give a character: no tag, or one of the labels. */
const VALUES = [NO_LABEL, ...LABELS] as const;

const SHORT: Record<(typeof VALUES)[number], string> = {
  none: 'None',
  allegation: 'Alleg.',
  denial: 'Denial',
  rumour: 'Rumour',
};

function ValueName({ value }: { readonly value: (typeof VALUES)[number] }) {
  if (value === NO_LABEL) return <abbr title="No tag">{SHORT[value]}</abbr>;
  return (
    <>
      <LabelSwatch label={value} /> <abbr title={LABEL_NAMES[value]}>{SHORT[value]}</abbr>
    </>
  );
}

const numberFormat = new Intl.NumberFormat();

/** Characters by the label one reviewer (rows) and another (columns) gave them; agreement on the diagonal. */
export function ConfusionTable({
  table,
  rowName,
  columnName,
}: {
  readonly table: Table;
  readonly rowName: string;
  readonly columnName: string;
}) {
  return (
    <table className="confusion-table" data-testid="confusion-table">
      <caption>
        Characters labelled by {rowName} (rows) and {columnName} (columns)
      </caption>
      <thead>
        <tr>
          <td />
          {VALUES.map((value) => (
            <th key={value} scope="col">
              <ValueName value={value} />
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {VALUES.map((row) => (
          <tr key={row}>
            <th scope="row">
              <ValueName value={row} />
            </th>
            {VALUES.map((column) => {
              const count = table.get(row)?.get(column) ?? 0;
              const classes = ['confusion-table__cell'];
              if (row === column) classes.push('confusion-table__cell--agree');
              if (count === 0) classes.push('confusion-table__cell--zero');
              return (
                <td key={column} className={classes.join(' ')} data-row={row} data-column={column}>
                  {numberFormat.format(count)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
