import type { Id } from '../api/types';

/** The numeric id of a `:id` route parameter, or null when it is not one (the page is "not found"). */
export function routeId(param: string | undefined): Id | null {
  if (!param || !/^\d+$/.test(param)) return null;
  const id = Number(param);
  return Number.isSafeInteger(id) ? id : null;
}
