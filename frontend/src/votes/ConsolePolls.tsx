import { Link } from 'react-router';
import type { Id, MeetingDetail, RunItem } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { useI18n } from '../lib/i18n';
import { meetingUrl } from '../meetings/shared';
import { PollCard } from './PollCard';
import { RESULT_SHOWN_MS, lastPublished } from './results';
import { usePolls } from './usePolls';

/**
 * The console's "Biểu quyết" panel: the polls the chair may act on now (drafts to open, the open
 * one with its live count and who has not voted, a closed one to publish) and the last result for
 * a while; creating and everything else is on the "Biểu quyết" tab.
 */
export function ConsolePolls({ meeting, meetingId, now, items }: { meeting: MeetingDetail; meetingId: Id; now: number; items: readonly RunItem[] }) {
  const { t } = useI18n();
  const userId = useAuth().user?.id;
  const polls = usePolls(meetingId);
  const all = polls.data ?? [];
  // the last result, for a while
  const last = lastPublished(all, now, RESULT_SHOWN_MS);
  const order: Record<string, number> = { OPEN: 0, CLOSED: 1, DRAFT: 2, PUBLISHED: 3 };
  const list = all
    .filter((p) => p.state === 'OPEN' || p.state === 'CLOSED' || (p.state === 'DRAFT' && !!p.can?.open) || p === last)
    // what is under way first (the list is newest first, and the sort keeps that order within a state)
    .sort((a, b) => (order[a.state ?? 'DRAFT'] ?? 9) - (order[b.state ?? 'DRAFT'] ?? 9));
  return (
    <section className="panel console-polls" aria-labelledby="console-polls-title" data-testid="console-polls">
      <h2 id="console-polls-title">{t('votes:console.title')}</h2>
      {polls.data && list.length === 0 && <p className="muted">{t('votes:console.none')}</p>}
      {list.map((p) => (
        <PollCard key={String(p.id)} meeting={meeting} meetingId={meetingId} poll={p} now={now} view="runner" casterId={userId} items={items} />
      ))}
      <Link to={meetingUrl(meetingId, 'votes')} className="btn btn-small" data-testid="console-polls-manage">
        {t('votes:console.manage')}
      </Link>
    </section>
  );
}
