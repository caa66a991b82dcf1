import { useId, useState, type ReactNode } from 'react';
import { Alert, App, Button, Form, Modal, type ButtonProps, type FormInstance } from 'antd';
import { ApiError, errorMessage, isStale, staleMessage } from '../api/api-error';

interface ActionModalProps<V> {
  buttonText: string;
  buttonProps?: ButtonProps;
  title: string;
  okText?: string;
  successText: string;
  initialValues?: Partial<V>;
  /** Sends the command; a rejection is shown in the dialog and the dialog stays open. */
  onSubmit: (values: V) => Promise<unknown>;
  onDone?: () => void;
  children: ReactNode | ((form: FormInstance<V>) => ReactNode);
  width?: number;
  /** For browser tests: marks the button and the dialog. */
  testId?: string;
}

function fieldPath(name: string): (string | number)[] {
  return name.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * A button that opens a form in a dialog and sends one command. A refusal keeps the dialog open
 * with the api's message in it (and as a toast), so the user can correct and retry.
 */
export function ActionModal<V extends object>({
  buttonText,
  buttonProps,
  title,
  okText = '提交',
  successText,
  initialValues,
  onSubmit,
  onDone,
  children,
  width,
  testId,
}: ActionModalProps<V>) {
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  // Every dialog is rendered up front (forceRender): a form name keeps their field ids apart, so
  // a label never points at another dialog's field with the same name ("content", "reason").
  const reactId = useId();
  const formName = `action-${testId ?? reactId.replace(/[^a-zA-Z0-9]/g, '')}`;
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async () => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit(values);
      message.success(successText);
      setOpen(false);
      form.resetFields();
      onDone?.();
    } catch (e) {
      // A stale screen: refresh the page under the open dialog (what was typed stays) and say so.
      const stale = isStale(e);
      const text = stale ? staleMessage(e) : errorMessage(e);
      setError(text);
      message.error(text);
      if (stale) onDone?.();
      if (e instanceof ApiError) {
        // `commitments.0.dueAt` is the field at ['commitments', 0, 'dueAt']: the error goes under its own row.
        const fields = Object.entries(e.fieldErrors)
          .map(([name, msg]) => [fieldPath(name), msg] as const)
          .filter(([path]) => form.getFieldInstance(path as never) !== undefined || form.getFieldValue(path as never) !== undefined);
        form.setFields(fields.map(([path, msg]) => ({ name: path as never, errors: [msg] })));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button {...buttonProps} onClick={() => setOpen(true)} data-testid={testId}>
        {buttonText}
      </Button>
      <Modal
        open={open}
        title={title}
        okText={okText}
        cancelText="取消"
        confirmLoading={busy}
        onOk={submit}
        onCancel={() => {
          setOpen(false);
          setError(undefined);
        }}
        forceRender
        width={width}
        wrapClassName={testId ? `dialog-${testId}` : undefined}
      >
        {error && <Alert type="error" showIcon title={error} className="gap-bottom" data-testid="action-error" />}
        <Form<V> form={form} name={formName} layout="vertical" initialValues={initialValues} requiredMark>
          {typeof children === 'function' ? children(form) : children}
        </Form>
      </Modal>
    </>
  );
}
