import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap, type Problem, type Schemas } from '../api/client';
import { Field, TextAreaField } from '../ui/Field';
import { Loading, RequireSignIn } from '../ui/Layout';
import { applyProblem, problemOf } from '../ui/problem';
import { ageOn, formatDateTime } from '../ui/time';
import { useBranch } from '../programs/queries';
import './Roster.css';
import { ProblemMessage } from '../ui/ProblemMessage';
import { Confirm } from '../ui/Confirm';

type Entry = Schemas['RosterEntryDto'];

export default function RosterPage() {
  return (
    <RequireSignIn roles={['coordinator', 'admin']}>
      <Roster />
    </RequireSignIn>
  );
}

export function useProgram(id: string) {
  return useQuery({ queryKey: ['program', id], queryFn: async () => unwrap(await api.GET('/v1/programs/{id}', { params: { path: { id } } })) });
}

/** Every page of the roster: a program holds its capacity plus its waitlist, a few pages at most. */
function useRoster(programId: string) {
  return useQuery({
    queryKey: ['roster', programId],
    queryFn: async () => {
      const all: Entry[] = [];
      let cursor: string | undefined;
      do {
        const page = unwrap(await api.GET('/v1/programs/{id}/enrollments', { params: { path: { id: programId }, query: { limit: 200, cursor } } }));
        all.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return all;
    },
  });
}

function useRosterChanged(programId: string) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: ['roster', programId] });
    void client.invalidateQueries({ queryKey: ['program', programId] });
    void client.invalidateQueries({ queryKey: ['programs'] });
  };
}

const fullName = (entry: Entry) => [entry.participant.firstName, entry.participant.lastName ?? entry.participant.lastInitial].filter(Boolean).join(' ');

function Roster() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const program = useProgram(id);
  const roster = useRoster(id);
  const zone = useBranch(program.data?.branchId)?.timezone ?? 'UTC';
  if (program.isPending) return <Loading />;
  if (!program.data) return <ProblemMessage words="mentor" problem={problemOf(program.error)} />;
  const seated = (roster.data ?? []).filter((e) => e.status === 'enrolled' || e.status === 'completed');
  const waitlist = (roster.data ?? []).filter((e) => e.status === 'waitlisted').sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0));
  const withdrawn = (roster.data ?? []).filter((e) => e.status === 'withdrawn');
  const offered = (roster.data ?? []).filter((e) => e.status === 'offered');
  return (
    <section>
      <p>
        <Link to={`/coordinator/programs/${id}`}>{t('coordinator.roster.back', { program: program.data.title })}</Link>
      </p>
      <h1>{t('coordinator.roster.title', { program: program.data.title })}</h1>
      <ul className="stats">
        <li>
          <span className="stat__value">
            {program.data.enrolledCount} / {program.data.capacity}
          </span>
          {offered.length > 0 ? t('coordinator.roster.seatsTakenOffered', { count: offered.length }) : t('coordinator.roster.seatsTaken')}
        </li>
        <li>
          <span className="stat__value">{program.data.waitlistedCount}</span>
          {t('coordinator.roster.waiting')}
        </li>
      </ul>
      <div className="toolbar">
        <a className="button button--secondary" href={`/v1/programs/${id}/enrollments?format=csv`} download>
          {t('coordinator.roster.csv')}
        </a>
        <Link className="button button--secondary" to={`/coordinator/programs/${id}/attendance`}>
          {t('coordinator.roster.attendance')}
        </Link>
      </div>
      <EnrollAtDesk program={program.data} />
      {roster.isPending && <Loading />}
      <ProblemMessage words="mentor" problem={problemOf(roster.error)} />
      {roster.data && (
        <>
          <RosterTable id="enrolled" caption={t('coordinator.roster.enrolled', { count: seated.length })} entries={seated} empty={t('coordinator.roster.noneEnrolled')} />
          {offered.length > 0 && <RosterTable id="offered" caption={t('coordinator.roster.offered', { count: offered.length })} entries={offered} empty="" zone={zone} />}
          <RosterTable id="waitlist" caption={t('coordinator.roster.waitlist', { count: waitlist.length })} entries={waitlist} empty={t('coordinator.roster.noneWaiting')} />
          {withdrawn.length > 0 && <RosterTable id="withdrawn" caption={t('coordinator.roster.withdrawn', { count: withdrawn.length })} entries={withdrawn} empty="" />}
        </>
      )}
    </section>
  );
}

function RosterTable({ id, caption, entries, empty, zone }: { id: string; caption: string; entries: Entry[]; empty: string; zone?: string }) {
  const { t, i18n } = useTranslation();
  const waitlist = id === 'waitlist';
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{caption}</h2>
      {entries.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <div className="table-wrap roster">
          <table className="table">
            <thead>
              <tr>
                {waitlist && (
                  <th scope="col" className="num">
                    {t('coordinator.roster.place')}
                  </th>
                )}
                <th scope="col">{t('coordinator.roster.name')}</th>
                {zone && <th scope="col">{t('coordinator.roster.answerBy')}</th>}
                <th scope="col">{t('coordinator.roster.age')}</th>
                <th scope="col">{t('coordinator.roster.guardian')}</th>
                <th scope="col">{t('coordinator.roster.consent')}</th>
                <th scope="col">{t('coordinator.roster.source')}</th>
                {id !== 'withdrawn' && <th scope="col">{t('coordinator.roster.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  {waitlist && <td className="num">{entry.waitlistPosition}</td>}
                  <th scope="row">{fullName(entry)}</th>
                  {zone && <td>{entry.offerExpiresAt ? formatDateTime(entry.offerExpiresAt, zone, i18n.language) : '—'}</td>}
                  <td>{entry.participant.birthDate ? ageOn(entry.participant.birthDate) : '—'}</td>
                  <td>
                    {entry.participant.guardianName ?? '—'}
                    {entry.participant.guardianEmail && (
                      <>
                        <br />
                        <a href={`mailto:${entry.participant.guardianEmail}`}>{entry.participant.guardianEmail}</a>
                      </>
                    )}
                    {entry.participant.guardianPhone && (
                      <>
                        <br />
                        {entry.participant.guardianPhone}
                      </>
                    )}
                  </td>
                  <td>{entry.participant.consentStatus ? t(`coordinator.roster.consentStatus.${entry.participant.consentStatus}`) : '—'}</td>
                  <td>{t(`coordinator.roster.sourceOf.${entry.source}`)}</td>
                  {id !== 'withdrawn' && (
                    <td>
                      <div className="actions">
                        {waitlist && <Override entry={entry} />}
                        <Withdraw entry={entry} />
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

interface SearchValues {
  q: string;
}

/** At the desk: find a teen of the branch by name and give them a seat, or a place in line. */
function EnrollAtDesk({ program }: { program: Schemas['ProgramDto'] }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const { register, handleSubmit } = useForm<SearchValues>({ defaultValues: { q: '' } });
  const results = useQuery({
    queryKey: ['participants', q],
    queryFn: async () => unwrap(await api.GET('/v1/participants', { params: { query: { q, limit: 10 } } })).items,
    enabled: q.length > 0,
  });
  const changed = useRosterChanged(program.id);
  const enroll = useMutation({
    mutationFn: async (teen: Schemas['ParticipantDto']) => ({
      teen,
      enrollment: unwrap(await api.POST('/v1/programs/{id}/enrollments', { params: { path: { id: program.id } }, body: { participantId: teen.id } })),
    }),
    onSuccess: changed,
  });
  const done = enroll.data;
  return (
    <section aria-labelledby="enroll-desk" className="card">
      <h2 id="enroll-desk">{t('coordinator.roster.desk.title')}</h2>
      <form role="search" className="toolbar" onSubmit={handleSubmit((values) => setQ(values.q.trim()))}>
        <Field label={t('coordinator.roster.desk.search')} hint={t('coordinator.roster.desk.searchHint')} type="search" {...register('q')} />
        <button type="submit" className="button">
          {t('coordinator.roster.desk.find')}
        </button>
      </form>
      {results.isFetching && <Loading />}
      <ProblemMessage words="mentor" problem={problemOf(results.error)} />
      {results.isSuccess && results.data.length === 0 && <p role="status">{t('coordinator.roster.desk.noMatch', { q })}</p>}
      {results.data && results.data.length > 0 && (
        <ul className="list" aria-label={t('coordinator.roster.desk.results')}>
          {results.data.map((teen) => (
            <li key={teen.id}>
              <strong>
                {teen.firstName} {teen.lastName}
              </strong>{' '}
              <span className="meta">
                {t('coordinator.roster.desk.ageConsent', { age: ageOn(teen.birthDate), consent: t(`coordinator.roster.consentStatus.${teen.consentStatus}`) })}
              </span>
              <br />
              <button type="button" className="button button--secondary" disabled={enroll.isPending} onClick={() => enroll.mutate(teen)}>
                {t('coordinator.roster.desk.enroll', { name: `${teen.firstName} ${teen.lastName}` })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {done && (
        <p role="status" className="alert alert--ok">
          {done.enrollment.status === 'waitlisted'
            ? t('coordinator.roster.desk.waitlisted', { name: done.teen.firstName, place: done.enrollment.waitlistPosition })
            : t('coordinator.roster.desk.enrolled', { name: done.teen.firstName })}
        </p>
      )}
      <ProblemMessage words="mentor" problem={problemOf(enroll.error)} />
    </section>
  );
}

interface OverrideValues {
  reason: string;
}

/** Move a waitlisted teen to the front of the line: the next seat that frees is theirs. The reason is kept in the audit trail. */
function Override({ entry }: { entry: Entry }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const { register, handleSubmit, setError, formState, reset } = useForm<OverrideValues>({ defaultValues: { reason: '' } });
  const changed = useRosterChanged(entry.programId);
  const move = useMutation({
    mutationFn: async (values: OverrideValues) => unwrap(await api.POST('/v1/enrollments/{id}/prioritize', { params: { path: { id: entry.id } }, body: values })),
    onSuccess: () => {
      setOpen(false);
      reset();
      changed();
    },
    onError: (error) => setProblem(applyProblem(error, ['reason'], setError)),
  });
  const name = fullName(entry);
  if (!open)
    return (
      <button
        type="button"
        className="button button--secondary"
        aria-label={t('coordinator.roster.override.open', { name })}
        onClick={() => setOpen(true)}
        disabled={entry.waitlistPosition === 1}
      >
        {t('coordinator.roster.override.short')}
      </button>
    );
  return (
    <form
      noValidate
      className="confirm"
      aria-label={t('coordinator.roster.override.open', { name })}
      onSubmit={handleSubmit((values) => {
        setProblem(undefined);
        move.mutate(values);
      })}
    >
      <p>{t('coordinator.roster.override.explain', { name })}</p>
      <TextAreaField
        label={t('coordinator.roster.override.reason')}
        hint={t('coordinator.roster.override.reasonHint')}
        error={formState.errors.reason?.message}
        rows={2}
        {...register('reason', { validate: (v) => v.trim().length >= 3 || t('coordinator.roster.override.reasonRequired') })}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={move.isPending}>
          {t('coordinator.roster.override.confirm')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
      <ProblemMessage words="mentor" problem={problem} />
    </form>
  );
}

function Withdraw({ entry }: { entry: Entry }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const changed = useRosterChanged(entry.programId);
  const withdraw = useMutation({
    mutationFn: async () => unwrap(await api.POST('/v1/enrollments/{id}/withdraw', { params: { path: { id: entry.id } } })),
    onSuccess: changed,
  });
  const name = fullName(entry);
  if (!confirming)
    return (
      <button type="button" className="button button--secondary" aria-label={t('coordinator.roster.withdraw.open', { name })} onClick={() => setConfirming(true)}>
        {t('coordinator.roster.withdraw.short')}
      </button>
    );
  return (
    <Confirm
      question={entry.status !== 'waitlisted' ? t('coordinator.roster.withdraw.confirmSeat', { name }) : t('coordinator.roster.withdraw.confirmPlace', { name })}
      yes={t('coordinator.roster.withdraw.yes')}
      no={t('coordinator.roster.withdraw.no')}
      busy={withdraw.isPending}
      onYes={() => withdraw.mutate()}
      onNo={() => setConfirming(false)}
    >
      <ProblemMessage words="mentor" problem={problemOf(withdraw.error)} />
    </Confirm>
  );
}
