import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Id, RoomState } from '../api/types';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { FormError } from '../components/Field';
import { useNotify } from '../components/Notice';
import { Segmented } from '../components/Segmented';
import { formatNumber, vnTime } from '../format';
import { errorText } from '../lib/errors';
import { useI18n } from '../lib/i18n';
import { useLiveFallback } from '../live/hooks';
import { roomBoardQuery } from './api/roomStatus';
import { useVideoCommand } from './api/videoCommands';
import type { VideoAction } from './videoCommands';
import { groupByUnit, roomTone } from './roomBoard';

type Filter = 'all' | 'notReady';

/**
 * Every room of the meeting at a glance, for the chair and the operators: a tile per room grouped
 * by unit, coloured by its state (green ready, amber connected with a problem, grey offline), what
 * is wrong named on the tile, the counts, and a "not ready" filter. Kept current by the meeting's
 * `rooms.status` events; read again every 20 s only while the live channel is down.
 *
 * With `canCommand` (the chair and the secretaries while the session runs) it is also the
 * conference's console: everyone's microphone off, the lobby, the spotlight, and per room its
 * microphone off, a request to turn it on, the spotlight, removal (each audited).
 */
export function RoomsGrid({ meetingId, canCommand = false }: { meetingId: Id; canCommand?: boolean }) {
  const { t } = useI18n();
  const notify = useNotify();
  const command = useVideoCommand(meetingId);
  const [removing, setRemoving] = useState<RoomState | null>(null);
  const send = (action: VideoAction, room?: RoomState) =>
    command.mutate(
      { action, ...(room?.endpointId != null ? { endpointId: room.endpointId } : {}) },
      { onSuccess: () => notify(t(`live:command.done.${action}`, { room: room?.name ?? '' })) },
    );
  const fallback = useLiveFallback(meetingId);
  const board = useQuery({ ...roomBoardQuery(meetingId), ...fallback });
  const [filter, setFilter] = useState<Filter>('all');
  const b = board.data;
  const c = b?.counts;
  const rooms = (b?.rooms ?? []).filter((r) => filter === 'all' || !r.ready);
  const groups = groupByUnit(rooms);

  return (
    <section className="panel room-board" aria-labelledby="rooms-grid-title" data-testid="rooms-grid">
      <div className="room-board-head">
        <h2 id="rooms-grid-title">{t('live:rooms.title')}</h2>
        <Segmented<Filter>
          label={t('live:rooms.filter')}
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: t('live:rooms.all', { count: c?.total ?? 0 }), testId: 'rooms-filter-all' },
            { value: 'notReady', label: t('live:rooms.notReadyCount', { count: c?.notReady ?? 0 }), testId: 'rooms-filter-not-ready' },
          ]}
        />
      </div>
      <FormError message={board.error ? errorText(board.error, t) : null} />
      <FormError message={command.error ? errorText(command.error, t) : null} />
      {canCommand && (
        <div className="btn-row room-board-commands" data-testid="video-commands">
          <button type="button" className="btn" data-testid="command-mute-all" onClick={() => send('MUTE_ALL')}>
            {t('live:command.MUTE_ALL')}
          </button>
          <button type="button" className="btn" data-testid="command-end-spotlight" onClick={() => send('END_SPOTLIGHT')}>
            {t('live:command.END_SPOTLIGHT')}
          </button>
          <button type="button" className="btn" data-testid="command-lobby-on" onClick={() => send('LOBBY_ON')}>
            {t('live:command.LOBBY_ON')}
          </button>
          <button type="button" className="btn" data-testid="command-lobby-off" onClick={() => send('LOBBY_OFF')}>
            {t('live:command.LOBBY_OFF')}
          </button>
        </div>
      )}
      {c && (
        <dl className="rooms-counts" data-testid="rooms-counts">
          <Count label={t('live:rooms.connected')} value={c.connected} total={c.total} testId="rooms-count-connected" />
          <Count label={t('live:rooms.inConference')} value={c.inConference} total={c.total} testId="rooms-count-conference" />
          <Count label={t('live:rooms.ready')} value={c.ready} total={c.total} testId="rooms-count-ready" />
          <Count label={t('live:rooms.checked')} value={c.checked} total={c.total} testId="rooms-count-checked" />
        </dl>
      )}
      {b && (b.rooms?.length ?? 0) === 0 && <p className="muted">{t('live:rooms.none')}</p>}
      {b && (b.rooms?.length ?? 0) > 0 && rooms.length === 0 && <p className="muted">{t('live:rooms.allReady')}</p>}
      {groups.map((g) => (
        <section key={String(g.unitId)} className="rooms-unit" aria-label={g.unitName}>
          <h3 className="rooms-unit-title">
            {g.unitName} <span className="muted">{t('live:rooms.unitReady', { ready: formatNumber(g.ready), total: formatNumber(g.rooms.length) })}</span>
          </h3>
          <ul className="rooms-tiles">
            {g.rooms.map((r) => (
              <RoomTile key={String(r.endpointId)} room={r} onCommand={canCommand ? (a) => (a === 'REMOVE' ? setRemoving(r) : send(a, r)) : undefined} />
            ))}
          </ul>
        </section>
      ))}
      {removing && (
        <ConfirmDialog
          title={t('live:command.REMOVE')}
          message={t('live:command.confirmRemove', { room: removing.name ?? '' })}
          confirmLabel={t('live:command.REMOVE')}
          danger
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            await command.mutateAsync({ action: 'REMOVE', endpointId: removing.endpointId });
            notify(t('live:command.done.REMOVE', { room: removing.name ?? '' }));
            setRemoving(null);
          }}
        />
      )}
    </section>
  );
}

/** A room's own commands, on its tile (only while its screen is connected). */
const ROOM_ACTIONS: readonly VideoAction[] = ['MUTE', 'ASK_UNMUTE', 'SPOTLIGHT', 'REMOVE'];

function Count({ label, value, total, testId }: { label: string; value: number | undefined; total: number | undefined; testId: string }) {
  return (
    <div className="rooms-count" data-testid={testId} data-value={value ?? 0}>
      <dt>{label}</dt>
      <dd>
        {formatNumber(value ?? 0)}/{formatNumber(total ?? 0)}
      </dd>
    </div>
  );
}

function RoomTile({ room, onCommand }: { room: RoomState; onCommand?: (action: VideoAction) => void }) {
  const { t } = useI18n();
  const tone = roomTone(room);
  const problems = room.problems ?? [];
  return (
    <li
      className={`room-tile is-${tone}`}
      data-testid="room-tile"
      data-endpoint-id={String(room.endpointId)}
      data-tone={tone}
      data-ready={room.ready ? 'true' : 'false'}
      data-problems={problems.join(' ')}
    >
      <span className="room-tile-name">
        {room.name}
        {room.host && <span className="badge badge-info room-tile-host">{t('live:rooms.host')}</span>}
      </span>
      <span className="room-tile-state">{t(`live:rooms.tone.${tone}`)}</span>
      {room.connected && (
        <span className="room-tile-media">
          <span data-testid="room-camera" data-state={room.camera}>
            {t('live:rooms.camera')}: {t(`live:rooms.media.${room.camera ?? 'UNKNOWN'}`)}
          </span>
          <span data-testid="room-microphone" data-state={room.microphone}>
            {t('live:rooms.microphone')}: {t(`live:rooms.media.${room.microphone ?? 'UNKNOWN'}`)}
          </span>
          {room.quality && room.quality !== 'UNKNOWN' && (
            <span data-testid="room-quality" data-state={room.quality}>
              {t('live:rooms.quality')}: {t(`live:rooms.qualityLevel.${room.quality}`)}
            </span>
          )}
        </span>
      )}
      {problems.length > 0 && (
        <ul className="room-tile-problems">
          {problems.map((p) => (
            <li key={p}>{t(`live:rooms.problem.${p}`)}</li>
          ))}
        </ul>
      )}
      {room.seenAt && <span className="room-tile-seen muted">{t('live:rooms.seen', { time: vnTime(room.seenAt) })}</span>}
      {onCommand && room.connected && (
        <span className="btn-row room-tile-actions">
          {ROOM_ACTIONS.map((a) => (
            <button key={a} type="button" className={`btn btn-small${a === 'REMOVE' ? ' btn-danger-outline' : ''}`} data-testid={`room-${a.toLowerCase()}`} onClick={() => onCommand(a)}>
              {t(`live:command.${a}`)}
            </button>
          ))}
        </span>
      )}
    </li>
  );
}
