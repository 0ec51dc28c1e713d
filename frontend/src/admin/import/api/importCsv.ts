import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportKind } from '../../../api/types';
import { queryKeys } from '../../../lib/queryKeys';
import { uploadCsv, type UploadCallbacks, type UploadHandle } from '../upload';

export interface ImportVars extends UploadCallbacks {
  kind: ImportKind;
  file: Blob;
  /** receives the running upload (to abort it when the page is left) */
  started: (handle: UploadHandle) => void;
}

/** POST /api/import/{kind} with upload progress; what was imported is refetched where shown. */
export function useImportCsv() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, file, started, ...callbacks }: ImportVars) => {
      const handle = uploadCsv(kind, file, callbacks);
      started(handle);
      return handle.promise;
    },
    onSuccess: (_result, { kind }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys[kind].all() }),
        // unit names and the tree's counts change with any import
        kind !== 'units' ? queryClient.invalidateQueries({ queryKey: queryKeys.units.all() }) : undefined,
      ]),
  });
}
