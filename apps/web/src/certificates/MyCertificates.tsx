import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { Loading } from '../ui/Layout';
import { ProblemMessage } from '../ui/ProblemMessage';
import { problemOf } from '../ui/problem';

/** The teen's certificates of completion, each a PDF to download in the page's language. */
export function MyCertificates() {
  const { t, i18n } = useTranslation();
  const certificates = useQuery({
    queryKey: ['my-certificates'],
    queryFn: async () => unwrap(await api.GET('/v1/me/certificates')).items,
  });
  const language = i18n.language.startsWith('es') ? 'es' : 'en';
  const day = (iso: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(iso));
  const hours = (n: number) => new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 }).format(n);
  return (
    <section aria-labelledby="my-certificates">
      <h2 id="my-certificates">{t('certificates.title')}</h2>
      {certificates.isPending && <Loading />}
      <ProblemMessage problem={problemOf(certificates.error)} />
      {certificates.isSuccess && certificates.data.length === 0 && <p>{t('certificates.none')}</p>}
      <ul className="list">
        {certificates.data?.map((c) => (
          <li key={c.id}>
            <strong>{c.programTitle}</strong>{' '}
            <span className="meta">
              {t('certificates.hours', { hours: hours(c.hoursAttended) })} · {t('certificates.issued', { date: day(c.issuedAt) })}
            </span>
            <p>
              {c.status === 'valid' ? (
                <a className="button button--secondary" href={`/v1/certificates/${c.id}/pdf?language=${language}`} download>
                  {t('certificates.download', { title: c.programTitle })}
                </a>
              ) : (
                t('certificates.revoked')
              )}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
