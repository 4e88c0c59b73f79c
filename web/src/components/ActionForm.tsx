/**
 * One action on a case: a button that opens its form in a dialog and sends it. A refusal whose
 * `extensions.field` names a field of the form is shown beside that field, any other above the form; success
 * closes the dialog and lets the page read the petition again.
 */
import { App, Button, Form, Modal, type ButtonProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import { placeFieldError } from '../lib/form-errors';
import { withoutBlanks } from '../lib/form-values';
import { newRequestId } from '../lib/request-id';
import { ErrorAlert } from './ErrorAlert';

export interface ActionFormProps<V> {
  /** The mutation's name: the button is `action-<name>`. */
  name: string;
  label: string;
  title?: string;
  danger?: boolean;
  initialValues?: Partial<V>;
  /** The Form.Items, named as the mutation's arguments. */
  children?: ReactNode;
  /** The same requestId until it succeeds, so a retry after TIMEOUT is applied once. */
  submit(values: V, requestId: string): Promise<unknown>;
  onDone(): void;
}

export function ActionForm<V extends object>(props: ActionFormProps<V>) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [requestId, setRequestId] = useState(newRequestId);
  const [form] = Form.useForm<V>();
  const { message } = App.useApp();

  const send = async (values: V) => {
    setBusy(true);
    setError(null);
    try {
      await props.submit(withoutBlanks(values), requestId);
      setOpen(false);
      setRequestId(newRequestId());
      form.resetFields();
      void message.success(`${props.label}：已办理`);
      props.onDone();
    } catch (err) {
      // Only a TIMEOUT may have been applied: its retry must carry the same requestId; a refusal changed nothing.
      if (!(err instanceof ApiError && err.code === 'TIMEOUT')) setRequestId(newRequestId());
      if (!placeFieldError(form, err)) setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button data-testid={`action-${props.name}`} danger={props.danger} onClick={() => setOpen(true)}>
        {props.label}
      </Button>
      <Modal
        open={open}
        title={props.title ?? props.label}
        okText="提交"
        cancelText="取消"
        confirmLoading={busy}
        okButtonProps={
          { 'data-testid': 'action-submit', htmlType: 'submit', form: `form-${props.name}` } as ButtonProps
        }
        onCancel={() => setOpen(false)}
        forceRender
      >
        <ErrorAlert error={error} testId="action-error" />
        <Form<V>
          id={`form-${props.name}`}
          form={form}
          layout="vertical"
          initialValues={props.initialValues}
          onFinish={send}
          data-testid={`form-${props.name}`}
          style={{ marginTop: 12 }}
        >
          {props.children}
        </Form>
      </Modal>
    </>
  );
}
