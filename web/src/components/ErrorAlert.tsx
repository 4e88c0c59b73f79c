/** An API error shown as its code's Chinese words, with the server's message as the detail. */
import { Alert } from 'antd';
import { errorText } from '../lib/errors';

export function ErrorAlert(props: { error: unknown; testId?: string }) {
  if (!props.error) return null;
  const text = errorText(props.error);
  return (
    <Alert
      type="error"
      showIcon
      data-testid={props.testId ?? 'error'}
      data-code={text.code}
      message={text.title}
      description={text.detail}
    />
  );
}
