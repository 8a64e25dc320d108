import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../api/client';
import { Loading } from '../ui/Layout';
import { problemOf } from '../ui/problem';
import './mentor.css';
import { ProblemMessage } from '../ui/ProblemMessage';

type Status = NonNullable<Schemas['AttendeeDto']['status']>;
type MentorStatus = NonNullable<Schemas['MentorAttendeeDto']['status']>;
/** One tap moves a teen on to the next status; an unrecorded teen starts at present. */
export const CYCLE: readonly Status[] = ['present', 'late', 'absent', 'excused'];
export const nextStatus = (status: Status | null): Status => (status === null ? 'present' : CYCLE[(CYCLE.indexOf(status) + 1) % CYCLE.length]);

export function useAttendanceSheet(sessionId: string, refetchInterval?: number) {
  return useQuery({
    queryKey: ['attendance', sessionId],
    queryFn: async () => unwrap(await api.GET('/v1/sessions/{id}/attendance', { params: { path: { id: sessionId } } })),
    refetchInterval,
  });
}

/**
 * The roll call of one session, made for a phone: a big button per teen whose name says the status, one
 * tap to the next status, "all present" for the ones not marked yet, and one save for the whole sheet.
 * The marks not yet saved are kept apart from the sheet the API gave.
 */
export function RollCall({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const sheet = useAttendanceSheet(sessionId);
  const [marks, setMarks] = useState<Record<string, Status>>({});
  const [mentorMarks, setMentorMarks] = useState<Record<string, MentorStatus>>({});
  const [announcement, setAnnouncement] = useState('');
  const statusOf = (teen: Schemas['AttendeeDto']) => marks[teen.participantId] ?? teen.status;
  const mentorStatusOf = (mentor: Schemas['MentorAttendeeDto']) => mentorMarks[mentor.mentorId] ?? mentor.status ?? 'present';
  const save = useMutation({
    mutationFn: async (data: Schemas['SessionAttendanceDto']) => {
      const records = data.teens.flatMap((teen) => {
        const status = statusOf(teen);
        return status ? [{ participantId: teen.participantId, status }] : [];
      });
      const mentors = data.mentors.map((mentor) => ({ mentorId: mentor.mentorId, status: mentorStatusOf(mentor) }));
      return unwrap(await api.PUT('/v1/sessions/{id}/attendance', { params: { path: { id: sessionId } }, body: { records, mentors } }));
    },
    onSuccess: (saved) => {
      client.setQueryData(['attendance', sessionId], saved);
      void client.invalidateQueries({ queryKey: ['program-attendance'] });
      setMarks({});
      setMentorMarks({});
      setAnnouncement(t('mentor.rollCall.saved'));
    },
  });
  if (sheet.isPending) return <Loading />;
  if (!sheet.data) return <ProblemMessage words="mentor" problem={problemOf(sheet.error)} />;
  const data = sheet.data;
  const name = (teen: Schemas['AttendeeDto']) => `${teen.firstName} ${teen.lastInitial}`.trim();
  const unsaved = Object.keys(marks).length + Object.keys(mentorMarks).length;
  const unmarked = data.teens.filter((teen) => !statusOf(teen));
  const counts = CYCLE.map((status) => ({ status, count: data.teens.filter((teen) => statusOf(teen) === status).length }));

  const tap = (teen: Schemas['AttendeeDto']) => {
    const status = nextStatus(statusOf(teen));
    setMarks((m) => ({ ...m, [teen.participantId]: status }));
    setAnnouncement(t('mentor.rollCall.marked', { name: name(teen), status: t(`mentor.status.${status}`) }));
  };
  const allPresent = () => {
    setMarks((m) => ({ ...m, ...Object.fromEntries(unmarked.map((teen) => [teen.participantId, 'present' as const])) }));
    setAnnouncement(t('mentor.rollCall.allMarked', { count: unmarked.length }));
  };

  return (
    <section aria-labelledby="roll-call" className="roll-call">
      <h2 id="roll-call">{t('mentor.rollCall.title')}</h2>
      {data.teens.length === 0 ? (
        <p>{t('mentor.rollCall.noTeens')}</p>
      ) : (
        <>
          <p className="meta" id="roll-call-hint">
            {t('mentor.rollCall.hint')}
          </p>
          <ul className="roll-call__counts" aria-label={t('mentor.rollCall.counts')}>
            {counts.map(({ status, count }) => (
              <li key={status}>
                {t(`mentor.status.${status}`)}: <strong>{count}</strong>
              </li>
            ))}
            <li>
              {t('mentor.status.unmarked')}: <strong>{unmarked.length}</strong>
            </li>
          </ul>
          <ul className="roll-call__teens">
            {data.teens.map((teen) => {
              const status = statusOf(teen);
              return (
                <li key={teen.participantId}>
                  <button
                    type="button"
                    className={`roll-call__teen roll-call__teen--${status ?? 'unmarked'}`}
                    aria-describedby="roll-call-hint"
                    onClick={() => tap(teen)}
                  >
                    <span className="roll-call__name">{name(teen)}</span>
                    <span className="roll-call__status">
                      <span className="visually-hidden">: </span>
                      {t(`mentor.status.${status ?? 'unmarked'}`)}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
          <button type="button" className="button button--secondary button--big" disabled={unmarked.length === 0} onClick={allPresent}>
            {t('mentor.rollCall.allPresent')}
          </button>
        </>
      )}
      {data.mentors.length > 0 && (
        <fieldset className="roll-call__mentors">
          <legend>{t('mentor.rollCall.mentors')}</legend>
          {data.mentors.map((mentor) => (
            <div className="check" key={mentor.mentorId}>
              <input
                type="checkbox"
                id={`mentor-${mentor.mentorId}`}
                checked={mentorStatusOf(mentor) === 'present'}
                onChange={(event) => setMentorMarks((m) => ({ ...m, [mentor.mentorId]: event.target.checked ? 'present' : 'absent' }))}
              />
              <label htmlFor={`mentor-${mentor.mentorId}`}>{t('mentor.rollCall.mentorCame', { name: mentor.displayName })}</label>
            </div>
          ))}
        </fieldset>
      )}
      <div className="roll-call__save">
        {unsaved > 0 && <p className="meta">{t('mentor.rollCall.unsaved', { count: unsaved })}</p>}
        <button type="button" className="button button--big" disabled={save.isPending || (data.teens.length === 0 && data.mentors.length === 0)} onClick={() => save.mutate(data)}>
          {t('mentor.rollCall.save')}
        </button>
      </div>
      <ProblemMessage words="mentor" problem={problemOf(save.error)} />
      <p role="status" aria-live="polite" className="roll-call__announce">
        {announcement}
      </p>
    </section>
  );
}
