import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

/**
 * On every in-app navigation, moves focus to the new page's h1 (else to main) and names the tab after it, so
 * a screen reader announces the page the way a full page load would. Pages render their h1 once their data
 * has come, so it watches `main` until one appears, and keeps the title in step when the h1's text changes.
 * The first page of a visit keeps the browser's own focus (the top of the document).
 */
export function usePageFocus(main: React.RefObject<HTMLElement | null>) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const first = useRef(true);
  // Read through a ref: switching the language must not count as a navigation and pull focus to the h1.
  const appName = useRef(t('app.name'));
  appName.current = t('app.name');
  useEffect(() => {
    const root = main.current;
    if (!root) return;
    const moveFocus = !first.current;
    first.current = false;
    let focused = false;
    const settle = () => {
      const heading = root.querySelector('h1');
      document.title = heading?.textContent ? `${heading.textContent} · ${appName.current}` : appName.current;
      if (!heading || focused || !moveFocus) return;
      focused = true;
      heading.tabIndex = -1;
      heading.focus();
    };
    settle();
    const observer = new MutationObserver(settle);
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    // A page that never shows an h1 (an error alone) still takes focus away from the link that was used.
    const fallback = window.setTimeout(() => {
      if (moveFocus && !focused) {
        focused = true;
        root.focus();
      }
    }, 3000);
    return () => {
      observer.disconnect();
      window.clearTimeout(fallback);
    };
  }, [pathname, main]);
}
