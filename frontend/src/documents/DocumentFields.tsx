import type { DocumentAudience } from '../api/types';
import { useI18n } from '../lib/i18n';
import type { ItemChoice } from './shared';

/**
 * The fields that describe where a document belongs and who reads it, shared by the upload form
 * and the edit dialog (each passes its own names and test ids).
 */
export function ItemSelect({
  id,
  name,
  testId,
  items,
  value,
  onChange,
}: {
  id: string;
  name: string;
  testId?: string;
  items: readonly ItemChoice[];
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useI18n();
  return (
    <select id={id} name={name} data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('documents:list.meetingWide')}</option>
      {items.map((i) => (
        <option key={i.id} value={String(i.id)}>
          {'\u00a0\u00a0'.repeat(i.depth)}
          {i.number ? `${i.number}. ` : ''}
          {i.title}
        </option>
      ))}
    </select>
  );
}

export function AudienceChoice({
  name,
  testIdPrefix,
  value,
  onChange,
}: {
  name: string;
  testIdPrefix: string;
  value: DocumentAudience;
  onChange: (value: DocumentAudience) => void;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="choice-row">
      <legend>{t('documents:audience.label')}</legend>
      {(['PARTICIPANTS', 'NAMED'] as const).map((a) => (
        <label key={a} className="check">
          <input type="radio" name={name} value={a} data-testid={`${testIdPrefix}-${a}`} checked={value === a} onChange={() => onChange(a)} />
          <span>{t(`documents:audience.${a}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function ConfidentialCheck({
  name,
  testId,
  value,
  onChange,
}: {
  name: string;
  testId: string;
  value: boolean;
  onChange: (value: boolean) => void;
}) {
  const { t } = useI18n();
  return (
    <label className="check">
      <input type="checkbox" name={name} data-testid={testId} checked={value} onChange={(e) => onChange(e.target.checked)} />
      <span>
        {t('documents:upload.confidential')}
        <span className="cell-sub">{t('documents:upload.confidentialHint')}</span>
      </span>
    </label>
  );
}
