import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** What a page that broke shows instead of a stack trace. */
export function ErrorPage() {
  const { t } = useTranslation();
  return (
    <main id="main" style={{ padding: '1rem' }}>
      <h1>{t('error.title')}</h1>
      <p>{t('error.body')}</p>
      <p>
        <Link to="/">{t('notFound.back')}</Link>
      </p>
    </main>
  );
}
