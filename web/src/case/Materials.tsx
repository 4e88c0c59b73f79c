/**
 * 材料: the files kept with the case, listed for whoever reads it, opened by those the API lets (the petitioner's
 * data: the bureau, the unit handling it, its leader); and an upload for the registrar and the unit's handler
 * while the case is open. Refusals are shown in Chinese by their code and field (../lib/errors.ts).
 */
import { Button, Card, Select, Space, Table, Upload, message } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { fetchFile } from '../api/client';
import { upload } from '../api/upload';
import { ErrorAlert } from '../components/ErrorAlert';
import { graphql } from '../gql';
import type { MaterialKind, Role } from '../gql/graphql';
import { saveBlob } from '../lib/download';
import { errorLine } from '../lib/errors';
import { shortTime } from '../lib/labels';
import { newRequestId } from '../lib/request-id';
import type { Petition } from './case-document';

const AttachMaterialDocument = graphql(`
  mutation AttachMaterial($id: ID!, $file: File!, $kind: MaterialKind, $requestId: String) {
    attachMaterial(id: $id, file: $file, kind: $kind, requestId: $requestId) {
      id
    }
  }
`);

export const MATERIAL_KIND_LABELS: Record<MaterialKind, string> = {
  LETTER: '来信原件',
  EVIDENCE: '证据材料',
  PHOTO: '照片',
  IDENTITY: '身份证明',
  OTHER: '其他',
};

const ENDED = ['CONCLUDED', 'CLOSED', 'DECLINED', 'FORWARDED'];
const UPLOADERS: readonly Role[] = ['REGISTRAR', 'UNIT_HANDLER', 'ADMIN'];

type Material = Petition['materials'][number];

function size(bytes: number): string {
  return bytes < 1_048_576 ? `${Math.ceil(bytes / 1_024)} KB` : `${(bytes / 1_048_576).toFixed(1)} MB`;
}

export function Materials(props: { petition: Petition; role: Role; onDone: () => void }) {
  const [kind, setKind] = useState<MaterialKind>('OTHER');
  const [busy, setBusy] = useState(false);
  const [openError, setOpenError] = useState<unknown>(null);
  const { petition } = props;
  const mayUpload = UPLOADERS.includes(props.role) && !ENDED.includes(petition.status);

  const open = async (m: Material) => {
    setOpenError(null);
    // The tab is opened on the click itself (a tab opened after the fetch would be a blocked popup), and shows the
    // file once it has come; where no tab could be opened, the file is saved instead.
    const tab = window.open('', '_blank');
    try {
      const blob = await fetchFile(`./petitions/${encodeURIComponent(petition.id)}/materials/${m.hash}`);
      if (!tab) return saveBlob(blob, m.name);
      const url = URL.createObjectURL(new Blob([blob], { type: m.mediaType }));
      tab.location.href = url;
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (err) {
      tab?.close();
      setOpenError(err);
    }
  };

  return (
    <Card size="small" title="材料" data-testid="materials">
      <Space direction="vertical" style={{ width: '100%' }}>
        {mayUpload && (
          <Space>
            <Select<MaterialKind>
              value={kind}
              onChange={setKind}
              style={{ width: 120 }}
              data-testid="material-kind"
              options={Object.entries(MATERIAL_KIND_LABELS).map(([value, label]) => ({ value, label }))}
            />
            <Upload
              accept=".pdf,.jpg,.jpeg,.png,.tif,.tiff,.heic"
              showUploadList={false}
              disabled={busy}
              customRequest={({ file, onSuccess, onError }) => {
                setBusy(true);
                upload(AttachMaterialDocument, { id: petition.id, file: file as File, kind, requestId: newRequestId() })
                  .then((answer) => {
                    onSuccess?.(answer);
                    void message.success('材料已上传');
                    props.onDone();
                  })
                  .catch((err: unknown) => {
                    onError?.(err as Error);
                    void message.error(errorLine(err));
                  })
                  .finally(() => setBusy(false));
              }}
            >
              <Button data-testid="upload-material" loading={busy}>
                上传材料
              </Button>
            </Upload>
          </Space>
        )}
        <ErrorAlert error={openError} testId="material-error" />
        <Table<Material>
          size="small"
          rowKey="hash"
          pagination={false}
          dataSource={petition.materials}
          locale={{ emptyText: '暂无材料' }}
          onRow={() => ({ 'data-testid': 'material-row' }) as HTMLAttributes<HTMLElement>}
          columns={[
            { title: '文件', dataIndex: 'name' },
            { title: '类别', key: 'kind', render: (_, m) => MATERIAL_KIND_LABELS[m.kind] },
            { title: '大小', key: 'size', render: (_, m) => size(m.size) },
            { title: '上传', key: 'uploaded', render: (_, m) => `${shortTime(m.uploadedAt)} · ${m.uploadedBy.role}` },
            {
              title: '',
              key: 'open',
              render: (_, m) => (
                <Button size="small" data-testid="material-open" onClick={() => void open(m)}>
                  打开
                </Button>
              ),
            },
          ]}
        />
      </Space>
    </Card>
  );
}
