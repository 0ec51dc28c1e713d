import { useQuery, type QueryKey, type UseQueryOptions } from '@tanstack/react-query';
import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { endpointsQuery } from '../admin/endpoints/api/getEndpoints';
import { peopleQuery } from '../admin/people/api/getPeople';
import type { Endpoint, EndpointPage, Id, Person, PersonPage } from '../api/types';
import { useI18n } from '../lib/i18n';
import { RoleBadges } from './Badges';
import { useDebouncedValue } from './hooks';

/** What a picker shows for the current choice. */
export interface PickRef {
  id: Id;
  name: string;
  sub?: string | null;
}

/** The list query a picker searches with (`q` may be empty); its page is turned into items. */
export type SearchQuery<P, K extends QueryKey = QueryKey> = (q: string) => UseQueryOptions<P, Error, P, K>;

interface SearchPickerProps<T, P, K extends QueryKey> {
  label: string;
  /** name of the text input (browser tests locate it by label or by this name) */
  name: string;
  value: PickRef | null;
  onChange: (value: PickRef | null, item: T | null) => void;
  /** server search (a list query of the resource, shared with its list pages' cache) */
  query: SearchQuery<P, K>;
  /** the items of one answer */
  items: (page: P) => T[];
  /** what the picker shows and returns for an item; null when it cannot be picked (no id) */
  toRef: (item: T) => PickRef | null;
  renderOption?: (item: T) => ReactNode;
  /** extra data-* attributes of an option (e.g. `data-unit-code`, used by browser tests) */
  optionData?: (item: T) => Record<`data-${string}`, string | undefined>;
  error?: string;
  hint?: string;
  required?: boolean;
  optional?: boolean;
  allowClear?: boolean;
  placeholder?: string;
  noMatch?: string;
  excludeIds?: readonly Id[];
  testId?: string;
  /** clear the text after a choice (for "add another" pickers) */
  autoFocus?: boolean;
}

/**
 * A searchable choice (ARIA combobox) over any list endpoint: people, endpoints… Typing searches
 * the server (`q`, diacritics optional); a tap or Enter picks. Results are `role="option"` with
 * `data-id`.
 */
export function SearchPicker<T, P, K extends QueryKey>({
  label,
  name,
  value,
  onChange,
  query: searchQuery,
  items,
  toRef,
  renderOption,
  optionData,
  error,
  hint,
  required,
  optional,
  allowClear,
  placeholder,
  noMatch,
  excludeIds,
  testId,
  autoFocus,
}: SearchPickerProps<T, P, K>) {
  const { t } = useI18n();
  const baseId = useId();
  const inputId = `${name}-${baseId}`;
  const listId = `${inputId}-list`;
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const q = useDebouncedValue(query.trim(), 250);
  const { data, isFetching: loading } = useQuery({ ...searchQuery(q), enabled: open, select: items });
  const excluded = new Set((excludeIds ?? []).map(String));
  const options = (data ?? []).flatMap((item) => {
    const ref = toRef(item);
    return ref && !excluded.has(String(ref.id)) ? [{ item, ref }] : [];
  });

  function choose({ item, ref }: { item: T; ref: PickRef }) {
    onChange(ref, item);
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

  const display = value ? (value.sub ? `${value.name} (${value.sub})` : value.name) : '';
  const describedBy = [hint ? `${inputId}-hint` : '', error ? `${inputId}-error` : ''].filter(Boolean).join(' ');
  const activeOptionId = open && options[active] ? `${listId}-${active}` : undefined;

  return (
    <div className={`field unit-picker search-picker${error ? ' has-error' : ''}`} data-testid={testId}>
      <label htmlFor={inputId}>
        {label}
        {required && (
          <span className="req" aria-hidden="true">
            {' '}
            *
          </span>
        )}
        {optional && <span className="optional"> ({t('common.optional')})</span>}
      </label>
      <div className="picker-row">
        <input
          id={inputId}
          name={name}
          type="text"
          role="combobox"
          autoComplete="off"
          autoFocus={autoFocus}
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={activeOptionId}
          aria-invalid={error ? true : undefined}
          aria-required={required || undefined}
          aria-describedby={describedBy || undefined}
          placeholder={display || placeholder || t('picker.placeholder')}
          value={open ? query : display}
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
          <button type="button" className="btn" onClick={() => onChange(null, null)}>
            {t('common.clear')}
          </button>
        )}
      </div>
      {open && (
        <ul
          id={listId}
          role="listbox"
          aria-label={label}
          className="picker-list"
          onMouseDown={(e) => e.preventDefault()}
        >
          {options.map(({ item, ref }, i) => {
            return (
              <li
                key={String(ref.id)}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={`picker-option${i === active ? ' is-active' : ''}`}
                data-id={String(ref.id)}
                {...optionData?.(item)}
                onClick={() => choose({ item, ref })}
                onMouseEnter={() => setActive(i)}
              >
                {renderOption ? (
                  renderOption(item)
                ) : (
                  <>
                    <span className="picker-name">{ref.name}</span>
                    {ref.sub && <span className="picker-meta">{ref.sub}</span>}
                  </>
                )}
              </li>
            );
          })}
          {!loading && options.length === 0 && (
            <li className="picker-empty" role="presentation">
              {noMatch ?? t('common.noResults')}
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
        <p id={`${inputId}-error`} className="field-error" data-testid="field-error" data-field={name}>
          {error}
        </p>
      )}
    </div>
  );
}

// ---- ready-made pickers ----

type PickerProps = Omit<
  SearchPickerProps<never, never, QueryKey>,
  'query' | 'items' | 'toRef' | 'renderOption' | 'optionData' | 'onChange'
>;

function personSub(p: Person): string {
  return [p.position, p.unitName].filter(Boolean).join(' · ');
}

const personItems = (page: PersonPage): Person[] => page.items ?? [];
const endpointItems = (page: EndpointPage): Endpoint[] => page.items ?? [];
const activePeople = (q: string) => peopleQuery({ q, active: true, size: 20 });
const activeEndpoints = (q: string) => endpointsQuery({ q, active: true, size: 20 });

/** A person from GET /api/people?q= (active people only). */
export function PersonPicker(props: PickerProps & { onChange: (value: PickRef | null, person: Person | null) => void }) {
  const { t } = useI18n();
  return (
    <SearchPicker
      {...props}
      noMatch={props.noMatch ?? t('picker.noPerson')}
      query={activePeople}
      items={personItems}
      toRef={(p) => (p.id != null ? { id: p.id, name: p.fullName ?? '', sub: personSub(p) || null } : null)}
      renderOption={(p) => (
        <>
          <span className="picker-name">{p.fullName}</span>
          <span className="picker-meta">
            {personSub(p)} <RoleBadges roles={p.roles ?? []} />
          </span>
        </>
      )}
    />
  );
}

/** An endpoint (meeting room) from GET /api/endpoints?q= (active ones only). */
export function EndpointPicker(props: PickerProps & { onChange: (value: PickRef | null, endpoint: Endpoint | null) => void }) {
  const { t } = useI18n();
  return (
    <SearchPicker
      {...props}
      noMatch={props.noMatch ?? t('picker.noEndpoint')}
      query={activeEndpoints}
      items={endpointItems}
      toRef={(e) => (e.id != null ? { id: e.id, name: e.name ?? '', sub: e.code } : null)}
      renderOption={(e) => (
        <>
          <span className="picker-name">{e.name}</span>
          <span className="picker-meta">
            <code>{e.code}</code>
            {e.unitName && <span> · {e.unitName}</span>}
            {e.room && <span> · {e.room}</span>}
          </span>
        </>
      )}
    />
  );
}
