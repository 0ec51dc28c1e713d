import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type DragEvent } from 'react';
import { FormProblem } from '../components/FormProblem';
import { useTitle } from '../components/useTitle';
import { useI18n } from '../lib/i18n';
import { useApiForm } from '../lib/useApiForm';
import { verifyPdf } from './api/minutes';
import { VerificationView } from './Signatures';

/** A PDF by its type or, when the device gives none, by its name. */
function isPdf(file: File): boolean {
  return file.type === 'application/pdf' || /\.pdf$/i.test(file.name);
}

/**
 * /minutes/verify "Kiểm tra chữ ký biên bản": anyone signed in drops (or picks) a PDF of minutes;
 * the server checks every signature in it and whether the file changed after them, and says which
 * meeting's minutes it is when the person may know.
 */
export function VerifyPage() {
  const { t } = useI18n();
  useTitle(t('minutes:verify.pageTitle'));
  const input = useRef<HTMLInputElement>(null);
  const [name, setName] = useState<string | null>(null);
  const [over, setOver] = useState(false);
  const mutation = useMutation({ mutationFn: (file: File) => verifyPdf(file) });
  const form = useApiForm(mutation);
  const result = form.busy ? undefined : mutation.data;

  function check(file: File | undefined) {
    if (!file) return;
    setName(file.name);
    if (!isPdf(file)) {
      form.invalid({}, t('minutes:verify.notPdf'));
      return;
    }
    form.submit(file);
  }

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setOver(false);
    check(e.dataTransfer.files?.[0]);
  }

  return (
    <div className="page verify-page" data-testid="verify-page">
      <header className="page-head">
        <h1>{t('minutes:verify.pageTitle')}</h1>
      </header>
      <p className="panel narrow-text">{t('minutes:verify.intro')}</p>
      <button
        type="button"
        className={`drop-zone${over ? ' is-over' : ''}`}
        data-testid="verify-drop"
        onClick={() => input.current?.click()}
        onDragOver={(e) => {
          e.preventDefault();
          if (!over) setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        disabled={form.busy}
      >
        {form.busy ? t('minutes:verify.checking') : t('minutes:verify.drop')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".pdf,application/pdf"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="verify-file"
        onChange={(e) => {
          check(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      {name && <p className="muted">{t('minutes:verify.fileName', { name })}</p>}
      <FormProblem form={form} />
      {result && (
        <section className="panel" data-testid="verify-result">
          <VerificationView v={result} showOwner />
        </section>
      )}
    </div>
  );
}
