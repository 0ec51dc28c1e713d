/** One choice of a {@link Segmented} group. */
export interface SegmentedOption<V extends string> {
  value: V;
  label: string;
  testId?: string;
}

/**
 * A row of toggle buttons of which one is on (`aria-pressed`): views, sub-tabs, modes. Each button
 * keeps its own `data-testid`.
 */
export function Segmented<V extends string>({
  label,
  options,
  value,
  onChange,
  className = '',
}: {
  /** what the group chooses (its accessible name) */
  label: string;
  options: readonly SegmentedOption<V>[];
  value: V;
  onChange: (value: V) => void;
  className?: string;
}) {
  return (
    <div className={`segmented${className ? ` ${className}` : ''}`} role="group" aria-label={label}>
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          className={`btn btn-toggle${value === o.value ? ' is-on' : ''}`}
          aria-pressed={value === o.value}
          data-testid={o.testId}
          onClick={() => onChange(o.value)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
