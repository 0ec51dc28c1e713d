import { useMutation } from '@tanstack/react-query';
import { downloadBlob } from '../../../api/client';
import type { ImportKind } from '../../../api/types';
import { dateStamp } from '../../../format';
import { saveBlob } from '../upload';

/** GET /api/export/{kind} as a CSV file download; resolves with the file name. */
export function useExportCsv() {
  return useMutation({
    mutationFn: async (kind: ImportKind) => {
      const { blob, filename } = await downloadBlob(`/api/export/${kind}`, `hopso-${kind}-${dateStamp()}.csv`);
      saveBlob(blob, filename);
      return filename;
    },
  });
}
