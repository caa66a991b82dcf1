import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button, Result } from 'antd';

interface Props {
  children: ReactNode;
  /** When this changes (the page's path), a failure shown so far is forgotten and the children render again. */
  resetKey?: string;
}

interface State {
  failed: boolean;
  failedAt: string | undefined;
}

/**
 * A rendering bug must leave the user a message and a way back, never a blank page. With a
 * `resetKey` the message belongs to one page: going to another page from the menu renders it
 * afresh, instead of every later page showing the same failure until a reload.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false, failedAt: undefined };

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (!state.failed) return state.failedAt === props.resetKey ? null : { failedAt: props.resetKey };
    return state.failedAt === props.resetKey ? null : { failed: false, failedAt: props.resetKey };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('page failed to render', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <Result
        status="error"
        title="页面出错了"
        subTitle="页面显示时发生错误，请刷新后重试；如仍有问题请联系管理员。"
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            刷新页面
          </Button>
        }
      />
    );
  }
}
