import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import type { Id, Page, Unit } from '../types';
import { LevelBadge } from './Badges';
import { useAsync, useDebouncedValue } from './hooks';

/** The part of a unit a picker needs to show the current choice. */
export interface UnitRef {
  id: Id;
  name: string;
  code?: string;
}

interface UnitPickerProps {
  label: string;
  /** name of the text input (browser tests locate it by label or by this name) */
  name: string;
  value: UnitRef | null;
  onChange: (unit: UnitRef | null) => void;
  error?: string;
  hint?: string;
  required?: boolean;
  /** shows a clear button; `emptyLabel` is what an empty choice means ("Tất cả đơn vị") */
  allowClear?: boolean;
  emptyLabel?: string;
  /** ids never offered (e.g. the unit itself as its own parent) */
  excludeIds?: readonly Id[];
  /** only active units (default true) */
  activeOnly?: boolean;
  testId?: string;
}

function display(u: UnitRef | null): string {
  if (!u) return '';
  return u.code ? `${u.name} (${u.code})` : u.name;
}

/**
 * A searchable unit choice (ARIA combobox). Typing searches the server (`q`, diacritics
 * optional); a tap or Enter picks a unit.
 */
export function UnitPicker({
  label,
  name,
  value,
  onChange,
  error,
  hint,
  required,
  allowClear,
  emptyLabel,
  excludeIds,
  activeOnly = true,
  testId,
}: UnitPickerProps) {
  const { t } = useI18n();
  const baseId = useId();
  const inputId = `${name}-${baseId}`;
  const listId = `${inputId}-list`;
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const q = useDebouncedValue(query.trim(), 250);

  const { data, loading } = useAsync<Page<Unit>>(open ? `${q}|${activeOnly}` : null, (signal) =>
    api.get<Page<Unit>>('/api/units', { q, size: 20, active: activeOnly ? true : undefined }, signal),
  );
  const excluded = new Set((excludeIds ?? []).map(String));
  const options = (data?.items ?? []).filter((u) => !excluded.has(String(u.id)));

  function choose(u: Unit) {
    onChange({ id: u.id, name: u.name, code: u.code });
    setOpen(false);
    setQuery('');
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open) setOpen(true);
      setActive((i) => Math.min(i + 1, Math.max(options.length - 1, 0)));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (e.key === 'Enter') {
      if (open && options[active]) {
        e.preventDefault();
        choose(options[active]);
      }
    } else if (e.key === 'Escape') {
      if (open) {
        e.preventDefault();
        e.stopPropagation();
        setOpen(false);
        setQuery('');
      }
    }
  }

  const describedBy = [hint ? `${inputId}-hint` : '', error ? `${inputId}-error` : ''].filter(Boolean).join(' ');
  const activeOptionId = open && options[active] ? `${listId}-${active}` : undefined;

  return (
    <div className={`field unit-picker${error ? ' has-error' : ''}`} data-testid={testId}>
      <label htmlFor={inputId}>
        {label}
        {required && (
          <span className="req" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      <div className="picker-row">
        <input
          ref={inputRef}
          id={inputId}
          name={name}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={activeOptionId}
          aria-invalid={error ? true : undefined}
          aria-required={required || undefined}
          aria-describedby={describedBy || undefined}
          placeholder={value ? display(value) : emptyLabel ?? t('picker.placeholder')}
          value={open ? query : display(value)}
          onFocus={() => {
            setOpen(true);
            setQuery('');
            setActive(0);
          }}
          onBlur={() => {
            setOpen(false);
            setQuery('');
          }}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        {allowClear && value && (
          <button
            type="button"
            className="btn"
            onClick={() => {
              onChange(null);
              setQuery('');
            }}
          >
            {t('common.clear')}
          </button>
        )}
      </div>
      {open && (
        <ul
          id={listId}
          role="listbox"
          aria-label={t('picker.results')}
          className="picker-list"
          // keep focus in the input so a tap picks instead of closing the list first
          onMouseDown={(e) => e.preventDefault()}
        >
          {options.map((u, i) => (
            <li
              key={String(u.id)}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={`picker-option${i === active ? ' is-active' : ''}`}
              data-unit-code={u.code}
              onClick={() => choose(u)}
              onMouseEnter={() => setActive(i)}
            >
              <span className="picker-name">{u.name}</span>
              <span className="picker-meta">
                <code>{u.code}</code> <LevelBadge level={u.level} />
                {u.parentName && <span className="muted"> · {u.parentName}</span>}
              </span>
            </li>
          ))}
          {!loading && options.length === 0 && (
            <li className="picker-empty" role="presentation">
              {t('picker.noMatch')}
            </li>
          )}
          {loading && options.length === 0 && (
            <li className="picker-empty" role="presentation">
              {t('app.loading')}
            </li>
          )}
        </ul>
      )}
      {hint && (
        <p id={`${inputId}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${inputId}-error`} className="field-error" data-testid="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
