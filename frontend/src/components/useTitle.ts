import { useEffect } from 'react';

/** Sets the browser tab title to "<page> · HopSo". */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · HopSo` : 'HopSo – Họp số';
  }, [title]);
}
