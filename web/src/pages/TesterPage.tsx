/**
 * 测试: a petition's workflow history downloaded (GET /petitions/{id}/history.json with the Bearer token, which
 * the API takes in the header only), and a history file replayed against the current workflow code
 * (replayHistory): ok, or NONDETERMINISM / WORKFLOW_TASK_FAILED / HISTORY_INVALID in Chinese with the detail.
 */
import { Alert, Button, Card, Input, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { fetchFile, request } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { graphql } from '../gql';
import type { ReplayHistoryMutation } from '../gql/graphql';
import { saveBlob } from '../lib/download';

const ReplayDocument = graphql(`
  mutation ReplayHistory($history: JSON!) {
    replayHistory(history: $history) {
      ok
      runId
      events
    }
  }
`);

export default function TesterPage() {
  const [id, setId] = useState('');
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const [replayError, setReplayError] = useState<unknown>(null);
  const [result, setResult] = useState<ReplayHistoryMutation['replayHistory'] | null>(null);
  const [busy, setBusy] = useState(false);

  const download = async () => {
    setDownloadError(null);
    try {
      const trimmed = id.trim();
      saveBlob(
        await fetchFile(`./petitions/${encodeURIComponent(trimmed)}/history.json`),
        `petition-${trimmed}.history.json`,
      );
    } catch (err) {
      setDownloadError(err);
    }
  };

  const replay = async (file: File) => {
    setBusy(true);
    setResult(null);
    setReplayError(null);
    try {
      const history: unknown = JSON.parse(await file.text());
      setResult((await request(ReplayDocument, { history })).replayHistory);
    } catch (err) {
      setReplayError(err instanceof SyntaxError ? new Error(`不是 JSON 文件：${err.message}`) : err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 720 }}>
      <Typography.Title level={3}>历史与回放</Typography.Title>
      <Card size="small" title="下载工作流历史">
        <Space.Compact style={{ width: '100%' }}>
          <Input
            data-testid="history-id"
            placeholder="信访事项编号 XF-…"
            value={id}
            onChange={(e) => setId(e.target.value)}
          />
          <Button type="primary" data-testid="history-download" disabled={!id.trim()} onClick={download}>
            下载 history.json
          </Button>
        </Space.Compact>
        <div style={{ marginTop: 8 }}>
          <ErrorAlert error={downloadError} testId="history-error" />
        </div>
      </Card>
      <Card size="small" title="回放历史（当前工作流代码）">
        <Upload
          accept=".json,application/json"
          showUploadList={false}
          beforeUpload={(file) => {
            void replay(file);
            // The file is read here and sent as GraphQL JSON; nothing is uploaded by the component itself.
            return false;
          }}
        >
          <Button data-testid="replay-upload" loading={busy}>
            选择 history.json 并回放
          </Button>
        </Upload>
        <div style={{ marginTop: 8 }} data-testid="replay-result">
          {result && (
            <Alert
              type={result.ok ? 'success' : 'warning'}
              showIcon
              message={result.ok ? '回放通过' : '回放未通过'}
              description={`运行 ${result.runId} · 事件 ${result.events} 个`}
            />
          )}
          <ErrorAlert error={replayError} testId="replay-error" />
        </div>
      </Card>
    </Space>
  );
}
