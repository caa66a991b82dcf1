import { useEffect, type ReactNode } from 'react';
import { Typography } from 'antd';

const APP_NAME = '代表建议督办';

/**
 * Names the page in the window title ("登记交办 - 代表建议督办"): screen readers announce it on every
 * route change and a tab or a history entry tells one page from another.
 */
export function usePageTitle(name: string | undefined): void {
  useEffect(() => {
    if (!name) return;
    document.title = `${name} - ${APP_NAME}`;
  }, [name]);
}

/**
 * The page's one h1, which also names the window. It keeps the size of the section titles it
 * replaced (h1 is the document's outline, not a bigger font).
 */
export function PageTitle({ children, title, className, testId }: { children: ReactNode; title?: string; className?: string; testId?: string }) {
  usePageTitle(title ?? (typeof children === 'string' ? children : undefined));
  return (
    <Typography.Title level={1} className={['page-title', className].filter(Boolean).join(' ')} data-testid={testId}>
      {children}
    </Typography.Title>
  );
}
