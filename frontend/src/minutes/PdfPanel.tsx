// The minutes' PDF in the app's own reader (pdf.js, the documents' viewer without annotations): a
// chunk of its own, loaded when the PDF is opened. The file is asked for with the person's token
// and drawn from its bytes, so it never needs a link of its own.

import { useState } from 'react';
import { isApiError } from '../api/problem';
import type { Id } from '../api/types';
import { FormError } from '../components/Field';
import { stepZoom } from '../documents/reader/geometry';
import type { PdfSource } from '../documents/reader/pdf';
import { usePdfDocument } from '../documents/reader/usePdfDocument';
import { Viewer } from '../documents/reader/Viewer';
import type { LocalAnnotation } from '../offline/annotationCache';
import type { PageHit } from '../documents/reader/types';
import { errorText } from '../lib/errors';
import { useI18n } from '../lib/i18n';
import { fetchMinutesPdf } from './api/minutes';

const NO_ANNOTATIONS: ReadonlyMap<number, LocalAnnotation[]> = new Map();
const NO_HITS: ReadonlyMap<number, PageHit[]> = new Map();
const ignore = () => undefined;

export interface PdfPanelProps {
  meetingId: Id;
  /** a document other than the meeting's current minutes (the original a correction corrects) */
  minutesId?: Id;
  /** names the file (its SHA-256): a new one is opened again */
  fileKey: string;
}

export default function PdfPanel({ meetingId, minutesId, fileKey }: PdfPanelProps) {
  const { t } = useI18n();
  const [zoom, setZoom] = useState(1);
  const [viewError, setViewError] = useState<unknown>(null);
  const pdf = usePdfDocument(`${meetingId}:${minutesId ?? ''}:${fileKey}`, async (): Promise<PdfSource> => {
    const { blob } = await fetchMinutesPdf(meetingId, minutesId);
    return { kind: 'data', data: await blob.arrayBuffer() };
  });
  const error = pdf.error ?? viewError;

  return (
    <section className="minutes-pdf" aria-label={t('minutes:pdf.title')} data-testid="minutes-pdf-viewer" data-pages={pdf.doc?.numPages ?? 0}>
      <div className="minutes-pdf-bar">
        <span className="muted">{pdf.doc ? t('minutes:pdf.pages', { count: pdf.doc.numPages }) : t('minutes:pdf.loading')}</span>
        <div className="btn-row">
          <button type="button" className="btn btn-small" aria-label={t('minutes:pdf.zoomOut')} title={t('minutes:pdf.zoomOut')} onClick={() => setZoom((z) => stepZoom(z, -1))}>
            <span aria-hidden="true">−</span>
          </button>
          <span className="minutes-pdf-zoom" aria-live="polite">
            {Math.round(zoom * 100)}%
          </span>
          <button type="button" className="btn btn-small" aria-label={t('minutes:pdf.zoomIn')} title={t('minutes:pdf.zoomIn')} onClick={() => setZoom((z) => stepZoom(z, 1))}>
            <span aria-hidden="true">+</span>
          </button>
        </div>
      </div>
      {error ? (
        <FormError message={isApiError(error) ? errorText(error, t) : t('minutes:pdf.error')} testId="minutes-pdf-error" />
      ) : (
        <div className="minutes-pdf-frame">
          {pdf.doc ? (
            <Viewer
              doc={pdf.doc}
              zoom={zoom}
              onZoom={setZoom}
              tool="read"
              color=""
              annotations={NO_ANNOTATIONS}
              hits={NO_HITS}
              goTo={null}
              onPage={ignore}
              onSeen={ignore}
              onCreate={ignore}
              onNoteAt={ignore}
              onOpen={ignore}
              onError={setViewError}
            />
          ) : (
            <div className="reader-loading" role="status">
              <span className="spinner" aria-hidden="true" />
              {t('minutes:pdf.loading')}
            </div>
          )}
        </div>
      )}
    </section>
  );
}
