import { useState } from 'react';
import { App, Button, Popconfirm, type ButtonProps } from 'antd';
import { errorMessage, isStale, staleMessage } from '../api/api-error';

/** A command without input (accept, close, publish): confirm, send, report. */
export function ConfirmAction({
  buttonText,
  buttonProps,
  confirm,
  successText,
  onConfirm,
  onDone,
  testId,
}: {
  buttonText: string;
  buttonProps?: ButtonProps;
  confirm: string;
  successText: string;
  onConfirm: () => Promise<unknown>;
  onDone?: () => void;
  testId?: string;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await onConfirm();
      message.success(successText);
      onDone?.();
    } catch (e) {
      if (isStale(e)) {
        message.error(staleMessage(e));
        onDone?.();
        return;
      }
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Popconfirm title={confirm} okText="确定" cancelText="取消" onConfirm={run}>
      <Button {...buttonProps} loading={busy} data-testid={testId}>
        {buttonText}
      </Button>
    </Popconfirm>
  );
}
