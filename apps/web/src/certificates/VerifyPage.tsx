import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, ApiProblem, unwrap } from '../api/client';
import { Loading } from '../ui/Layout';
import { ProblemMessage } from '../ui/ProblemMessage';
import { problemOf } from '../ui/problem';
import { formatDate } from '../ui/time';

/** The public page a certificate's QR code opens: genuine (first name, last initial, program, day), revoked, withdrawn, or not genuine. */
export default function VerifyPage() {
  const { code = '' } = useParams();
  const { t, i18n } = useTranslation();
  const answer = useQuery({
    queryKey: ['certificate-verification', code],
    queryFn: async () => unwrap(await api.GET('/v1/certificates/verify/{code}', { params: { path: { code } } })),
    retry: false,
  });
  const notGenuine = answer.error instanceof ApiProblem && answer.error.problem.status === 404;
  return (
    <section aria-labelledby="verify-title">
      <h1 id="verify-title">{t('certificates.verify.title')}</h1>
      {answer.isPending && <Loading />}
      {notGenuine && (
        <div role="alert" className="alert alert--warn">
          <h2>{t('certificates.verify.notGenuine')}</h2>
          <p>{t('certificates.verify.notGenuineBody')}</p>
        </div>
      )}
      {answer.isError && !notGenuine && <ProblemMessage problem={problemOf(answer.error)} />}
      {answer.data?.genuine && (
        <div role="status" className="alert alert--ok">
          <h2>{t('certificates.verify.genuine')}</h2>
          <p>
            {t('certificates.verify.genuineBody', {
              name: `${answer.data.firstName} ${answer.data.lastInitial}`,
              program: answer.data.programTitle,
              date: formatDate(answer.data.issuedOn!, i18n.language),
            })}
          </p>
        </div>
      )}
      {answer.data && !answer.data.genuine && (
        <div role="alert" className="alert alert--warn">
          <h2>{t(answer.data.status === 'erased' ? 'certificates.verify.erased' : 'certificates.verify.revoked')}</h2>
          <p>
            {answer.data.status === 'erased'
              ? t('certificates.verify.erasedBody')
              : t('certificates.verify.revokedBody', { date: formatDate(answer.data.revokedOn!, i18n.language) })}
          </p>
        </div>
      )}
    </section>
  );
}
