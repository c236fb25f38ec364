import type { Call } from '../../../api/types';
import type { MessageKey } from '../../../i18n/nb';

/** A call's status in words: a draft, published (and open for applications now), or closed. */
export function callStatusKey(call: Pick<Call, 'status' | 'open'>): MessageKey {
  if (call.status === 'draft') return 'callAdmin.status.draft';
  if (call.status === 'closed') return 'callAdmin.status.closed';
  return call.open ? 'callAdmin.status.open' : 'callAdmin.status.published';
}

export const callStatusColor = (call: Pick<Call, 'status'>) =>
  call.status === 'draft' ? 'warning' : call.status === 'published' ? 'success' : 'neutral';
