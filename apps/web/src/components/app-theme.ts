import type { ThemeConfig } from 'antd';

/**
 * The app's Ant Design theme. Controls are blue: a red primary colour would make every focused
 * field look like an error (the header keeps the congress red).
 *
 * Every text colour reaches 4.5:1 on white (WCAG AA): antd's defaults put secondary text at 45 %
 * black (3.36:1), links and info at #1677ff (4.1:1) and error text at #ff4d4f (3.3:1), below
 * what a reader with low vision can make out.
 */
export const APP_THEME: ThemeConfig = {
  token: {
    colorPrimary: '#1f5fbf',
    colorInfo: '#1f5fbf',
    colorLink: '#1f5fbf',
    colorError: '#cf1322',
    // 60 % black on white is 5.74:1; on the grey page background #f5f5f5, 5.3:1.
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
    borderRadius: 6,
  },
  components: {
    Menu: { darkItemBg: 'transparent', darkItemSelectedBg: 'rgba(255, 255, 255, 0.18)', darkPopupBg: '#7f1d1d' },
  },
};
