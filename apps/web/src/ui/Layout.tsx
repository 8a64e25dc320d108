import { Suspense, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { languages, rememberLanguage, type Language } from '../i18n';
import { useMe, useSignOut } from '../people/session';
import { navFor, type Role } from './nav';
import { usePageFocus } from './page-focus';

export function Layout() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const signedIn = !!me.data;
  const main = useRef<HTMLElement>(null);
  usePageFocus(main);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <nav aria-label={t('nav.label')}>
          <ul>
            <li>
              <NavLink to="/" end>
                {t('nav.catalogue')}
              </NavLink>
            </li>
            {me.data &&
              navFor(me.data.role).map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end>
                    {t(item.label)}
                  </NavLink>
                </li>
              ))}
            {!signedIn && !me.isPending && (
              <>
                <li>
                  <NavLink to="/sign-in">{t('nav.signIn')}</NavLink>
                </li>
                <li>
                  <NavLink to="/sign-up">{t('nav.signUp')}</NavLink>
                </li>
              </>
            )}
            {signedIn && (
              <li>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/') })}
                >
                  {t('nav.signOut')}
                </button>
              </li>
            )}
          </ul>
        </nav>
        <div className="language">
          <label htmlFor="language-switch">{t('nav.language')}</label>
          <select id="language-switch" value={i18n.language} onChange={(event) => rememberLanguage(event.target.value as Language)}>
            {languages.map((language) => (
              <option key={language} value={language} lang={language}>
                {t(`languages.${language}`, { lng: language })}
              </option>
            ))}
          </select>
        </div>
      </header>
      <main id="main" tabIndex={-1} ref={main}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="loading">
      {t('common.loading')}
    </p>
  );
}

/** A page that needs someone signed in (of one of `roles`, when given): shows a sign-in link, or whose page it is, otherwise. */
export function RequireSignIn({ roles, children }: { roles?: readonly Role[]; children: React.ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.data && roles && !roles.includes(me.data.role))
    return (
      <section>
        <h1>{t('auth.forbidden.title')}</h1>
        <p>{t('auth.forbidden.body')}</p>
      </section>
    );
  if (!me.data)
    return (
      <section>
        <h1>{t('auth.required.title')}</h1>
        <p>
          <Link to={`/sign-in?next=${encodeURIComponent(location.pathname)}`}>{t('auth.required.link')}</Link>
        </p>
      </section>
    );
  return <>{children}</>;
}
