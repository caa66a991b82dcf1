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
import './lib/time';
import './styles.css';

// Controls are blue: a red primary colour would make every focused field look like an error
// (the header keeps the congress red).
// A hash router: deep links and reloads work whatever static server the api uses for dist/.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={{
        token: { colorPrimary: '#1f5fbf', borderRadius: 6 },
        components: {
          Menu: { darkItemBg: 'transparent', darkItemSelectedBg: 'rgba(255, 255, 255, 0.18)', darkPopupBg: '#7f1d1d' },
        },
      }}>
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
