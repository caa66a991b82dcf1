import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HashRouter } from 'react-router-dom';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { AuthProvider } from './auth/auth-context';
import { DirectoryProvider } from './layout/directory-context';
import { LiveProvider } from './live/live-context';
import { AppRoutes } from './app-routes';
import { ErrorBoundary } from './components/error-boundary';
import { APP_THEME } from './components/app-theme';
import './lib/time';
import './styles.css';

// A hash router: deep links and reloads work whatever static server the api uses for dist/.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={APP_THEME}>
      <AntApp>
        <ErrorBoundary>
          <HashRouter>
            <AuthProvider>
              <DirectoryProvider>
                <LiveProvider>
                  <AppRoutes />
                </LiveProvider>
              </DirectoryProvider>
            </AuthProvider>
          </HashRouter>
        </ErrorBoundary>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
