import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../lib/i18n';
import { type PDFDocumentProxy, isCancelled } from './pdf';

const THUMB_WIDTH = 112;

/** One page in small, drawn when it scrolls into the strip. */
function Thumb({ doc, n, current, onGo, root }: { doc: PDFDocumentProxy; n: number; current: boolean; onGo: (n: number) => void; root: HTMLElement | null }) {
  const { t } = useI18n();
  const ref = useRef<HTMLButtonElement>(null);
  const holder = useRef<HTMLSpanElement>(null);
  const [shown, setShown] = useState(false);

  useEffect(() => {
    const el = ref.current;
    if (!el || shown) return;
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setShown(true), { root, rootMargin: '200px' });
    io.observe(el);
    return () => io.disconnect();
  }, [root, shown]);

  useEffect(() => {
    if (!shown) return;
    let live = true;
    let cancel: (() => void) | null = null;
    void doc.getPage(n).then((page) => {
      if (!live || !holder.current) return;
      const vp1 = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: THUMB_WIDTH / vp1.width });
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      const task = page.render({ canvas, viewport });
      cancel = () => task.cancel();
      task.promise.then(
        () => live && holder.current?.replaceChildren(canvas),
        (e: unknown) => {
          if (!isCancelled(e)) holder.current?.classList.add('is-failed');
        },
      );
    });
    return () => {
      live = false;
      cancel?.();
    };
  }, [doc, n, shown]);

  useEffect(() => {
    if (current) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  return (
    <button ref={ref} type="button" className={`thumb${current ? ' is-current' : ''}`} data-testid={`reader-thumb-${n}`} aria-current={current ? 'page' : undefined} aria-label={t('documents:reader.goPage', { page: n })} onClick={() => onGo(n)}>
      <span ref={holder} className="thumb-img" />
      <span className="thumb-no">{n}</span>
    </button>
  );
}

/** The strip of page thumbnails: a tap goes to the page. */
export function Thumbnails({ doc, current, onGo }: { doc: PDFDocumentProxy; current: number; onGo: (n: number) => void }) {
  const { t } = useI18n();
  const [root, setRoot] = useState<HTMLElement | null>(null);
  return (
    <nav ref={setRoot} className="reader-thumbs" aria-label={t('documents:reader.thumbs')} data-testid="reader-thumbs">
      {Array.from({ length: doc.numPages }, (_, i) => (
        <Thumb key={i + 1} doc={doc} n={i + 1} current={current === i + 1} onGo={onGo} root={root} />
      ))}
    </nav>
  );
}
