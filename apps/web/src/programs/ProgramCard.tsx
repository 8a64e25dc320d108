import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '../api/client';
import { formatDate, weeklyTime } from '../ui/time';

type Props = { program: Schemas['CatalogueProgramDto']; branch?: Schemas['BranchDto'] };

export function Availability({ program }: { program: Schemas['ProgramDto'] }) {
  const { t } = useTranslation();
  if (program.seatsLeft > 0) return <span className="badge badge--ok">{t('programs.seatsLeft', { count: program.seatsLeft })}</span>;
  if (program.waitlistEnabled) return <span className="badge badge--warn">{t('programs.waitlist', { count: program.waitlistedCount })}</span>;
  return <span className="badge badge--full">{t('programs.full')}</span>;
}

/** When the club meets, from one of its sessions, in the branch's zone. */
export function WeeklyTime({ session, timeZone }: { session?: Schemas['SessionTimesDto'] | null; timeZone?: string }) {
  const { t, i18n } = useTranslation();
  if (!session || !timeZone) return null;
  const weekly = weeklyTime(session.startsAt, session.endsAt, timeZone, i18n.language);
  return <p>{t('programs.weekly', weekly)}</p>;
}

export function ProgramCard({ program, branch }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <article className="card" aria-labelledby={`program-${program.id}`}>
      <h2 id={`program-${program.id}`}>
        <Link to={`/programs/${program.id}`}>{program.title}</Link>
      </h2>
      <p className="meta">
        {branch?.name} · {t(`levels.${program.level}`)} · {t('programs.ages', { min: program.minAge, max: program.maxAge })}
      </p>
      <p>{t('programs.dates', { from: formatDate(program.startsOn, i18n.language), to: formatDate(program.endsOn, i18n.language) })}</p>
      <WeeklyTime session={program.nextSession} timeZone={branch?.timezone} />
      <Availability program={program} />
    </article>
  );
}
