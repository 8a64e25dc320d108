import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../api/client';
import { Confirm } from '../ui/Confirm';
import { Field } from '../ui/Field';
import { Loading } from '../ui/Layout';
import { ProblemMessage } from '../ui/ProblemMessage';
import { problemOf } from '../ui/problem';
import { formatDateTime } from '../ui/time';

/** A program's certificates of completion: issue them for the whole program once it has ended, see them, revoke one. */
export function Certificates({ program, timeZone }: { program: Schemas['ProgramDto']; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const key = ['program-certificates', program.id];
  const certificates = useQuery({
    queryKey: key,
    queryFn: async () => unwrap(await api.GET('/v1/programs/{id}/certificates', { params: { path: { id: program.id } } })).items,
  });
  const issue = useMutation({
    mutationFn: async () => unwrap(await api.POST('/v1/programs/{id}/certificates', { params: { path: { id: program.id } } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: key }),
  });
  const today = new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
  const ended = program.endsOn < today;
  const hours = (n: number) => new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 }).format(n);
  return (
    <section aria-labelledby="certificates-heading">
      <h2 id="certificates-heading">{t('coordinator.certificates.title')}</h2>
      <p>{t('coordinator.certificates.intro')}</p>
      {ended ? (
        <button type="button" className="button" disabled={issue.isPending} onClick={() => issue.mutate()}>
          {t('coordinator.certificates.issue')}
        </button>
      ) : (
        <p className="meta">{t('coordinator.certificates.notEnded')}</p>
      )}
      {issue.isSuccess && (
        <p role="status" className="alert alert--ok">
          {t('coordinator.certificates.issued', { count: issue.data.issued })}{' '}
          {t('coordinator.certificates.already', { count: issue.data.alreadyIssued, notCompleted: issue.data.notCompleted })}
        </p>
      )}
      <ProblemMessage problem={problemOf(issue.error)} />
      {certificates.isPending ? (
        <Loading />
      ) : certificates.isError ? (
        <ProblemMessage problem={problemOf(certificates.error)} />
      ) : certificates.data.length === 0 ? (
        <p>{t('coordinator.certificates.none')}</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="certificates-heading">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('coordinator.certificates.teen')}</th>
                <th scope="col">{t('coordinator.certificates.hours')}</th>
                <th scope="col">{t('coordinator.certificates.issuedAt')}</th>
                <th scope="col">{t('coordinator.certificates.state')}</th>
              </tr>
            </thead>
            <tbody>
              {certificates.data.map((c) => (
                <tr key={c.id}>
                  <td>
                    {c.firstName} {c.lastName}
                  </td>
                  <td>{hours(c.hoursAttended)}</td>
                  <td>{formatDateTime(c.issuedAt, timeZone, i18n.language)}</td>
                  <td>
                    {t(`coordinator.certificates.status.${c.status}`)}{' '}
                    {c.status === 'valid' && (
                      <>
                        <a href={c.verificationUrl}>{t('coordinator.certificates.verify')}</a> <Revoke certificate={c} onDone={() => void client.invalidateQueries({ queryKey: key })} />
                      </>
                    )}
                    {c.revokedReason && <span className="meta"> · {c.revokedReason}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Revoke({ certificate, onDone }: { certificate: Schemas['CertificateDto']; onDone(): void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const name = `${certificate.firstName} ${certificate.lastName}`;
  const revoke = useMutation({
    mutationFn: async () => unwrap(await api.POST('/v1/certificates/{id}/revoke', { params: { path: { id: certificate.id } }, body: { reason } })),
    onSuccess: onDone,
  });
  if (!confirming)
    return (
      <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
        {t('coordinator.certificates.revoke', { name })}
      </button>
    );
  return (
    <Confirm
      question={t('coordinator.certificates.revokeConfirm', { name })}
      yes={t('coordinator.certificates.revokeYes')}
      no={t('coordinator.certificates.revokeNo')}
      busy={revoke.isPending}
      onYes={() => revoke.mutate()}
      onNo={() => setConfirming(false)}
    >
      <Field label={t('coordinator.certificates.reason')} value={reason} required minLength={3} maxLength={500} onChange={(event) => setReason(event.target.value)} />
      <ProblemMessage problem={problemOf(revoke.error)} />
    </Confirm>
  );
}
