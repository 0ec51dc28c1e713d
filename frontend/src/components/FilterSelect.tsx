import { useI18n } from '../lib/i18n';

/**
 * A list filter in a toolbar: a labelled select whose first choice ("Tất cả", value "") leaves the
 * filter off, then one choice per value.
 */
export function FilterSelect({
  label,
  name,
  testId,
  value,
  onChange,
  options,
  allLabel,
}: {
  label: string;
  name: string;
  testId?: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
  /** the text of the "no filter" choice ("Tất cả" when not given) */
  allLabel?: string;
}) {
  const { t } = useI18n();
  return (
    <label className="field field-inline">
      <span className="label-text">{label}</span>
      <select name={name} data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{allLabel ?? t('common.all')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
