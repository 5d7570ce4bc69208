import { useId } from 'react';

/** One choice of a `FilterSelect`. */
export interface FilterOption<Value extends string> {
  readonly value: Value;
  readonly name: string;
}

/** Props of `FilterSearch`. */
export interface FilterSearchProps {
  /** What is searched, for screen readers. */
  readonly label: string;
  readonly placeholder: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly testId: string;
}

/** The search-as-you-type box that opens a filter bar. */
export function FilterSearch({ label, placeholder, value, onChange, testId }: FilterSearchProps) {
  return (
    <label className="filter-bar__search">
      <span className="visually-hidden">{label}</span>
      <input
        type="search"
        className="filter-bar__search-input"
        placeholder={placeholder}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        data-testid={testId}
        autoComplete="off"
        spellCheck={false}
      />
    </label>
  );
}

/** Props of `FilterSelect`. */
export interface FilterSelectProps<Value extends string> {
  readonly label: string;
  readonly value: Value;
  readonly options: readonly FilterOption<Value>[];
  readonly onChange: (value: Value) => void;
  readonly testId: string;
}

/** A labelled drop-down of a filter bar; its options are the only values it reports. */
export function FilterSelect<Value extends string>({
  label,
  value,
  options,
  onChange,
  testId,
}: FilterSelectProps<Value>) {
  return (
    <label className="filter-bar__control">
      <span className="filter-bar__label">{label}</span>
      <select
        className="filter-bar__select"
        value={value}
        onChange={(event) => onChange(options[event.target.selectedIndex]?.value ?? value)}
        data-testid={testId}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Props of `FilterSuggest`. */
export interface FilterSuggestProps {
  readonly label: string;
  readonly value: string;
  /** Values seen in the results, offered while typing. */
  readonly suggestions: readonly string[];
  readonly placeholder: string;
  readonly onChange: (value: string) => void;
  readonly testId: string;
}

/** A labelled free-text filter with suggestions. */
export function FilterSuggest({
  label,
  value,
  suggestions,
  placeholder,
  onChange,
  testId,
}: FilterSuggestProps) {
  const listId = useId();
  return (
    <label className="filter-bar__control">
      <span className="filter-bar__label">{label}</span>
      <input
        className="filter-bar__text"
        value={value}
        list={listId}
        placeholder={placeholder}
        onChange={(event) => onChange(event.target.value)}
        data-testid={testId}
      />
      <datalist id={listId}>
        {suggestions.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
    </label>
  );
}
