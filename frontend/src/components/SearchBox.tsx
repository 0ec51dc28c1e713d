import { useEffect, useEffectEvent, useId, useRef, useState } from 'react';
import { useI18n } from '../lib/i18n';
import { useDebouncedValue } from './hooks';

interface SearchBoxProps {
  label: string;
  /** the search currently applied (from the address bar) */
  value: string;
  onSearch: (q: string) => void;
  delay?: number;
}

/** Debounced server-side search box (data-testid="search", name="q"). */
export function SearchBox({ label, value, onSearch, delay = 300 }: SearchBoxProps) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState(value);
  const debounced = useDebouncedValue(text.trim(), delay);
  /** the last search this box asked for; another value means the address bar changed it */
  const requested = useRef(value);

  useEffect(() => {
    if (value !== requested.current) {
      requested.current = value;
      setText(value);
    }
  }, [value]);

  // reads the current `value` without re-running when it changes (that would undo a change made
  // in the address bar with the text still waiting to be debounced)
  const searchTyped = useEffectEvent((q: string) => {
    if (q !== value) {
      requested.current = q;
      onSearch(q);
    }
  });
  useEffect(() => searchTyped(debounced), [debounced]);

  return (
    <div className="field field-inline field-search">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name="q"
        type="search"
        data-testid="search"
        autoComplete="off"
        placeholder={t('common.searchPlaceholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            requested.current = text.trim();
            onSearch(text.trim());
          }
        }}
      />
    </div>
  );
}
