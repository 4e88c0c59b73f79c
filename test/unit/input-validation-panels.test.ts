/**
 * Input validation, conveneEvaluationPanel, recordEvaluation, recordAttendance and replayHistory: one row per field
 * and bad value, against the real API on a real SQLite file. The harness's Temporal client points nowhere, so a row
 * refused as it should be answers BAD_USER_INPUT (or LIMIT_EXCEEDED) with its field, and a value that gets through
 * answers UNAVAILABLE: that is how the accepted rows show it, and how a refusal that came too late would fail.
 */
import { formatShanghai } from '../../domain/calendar';
import { five } from '../support/input-operations';
import { bad, describeTable, long, ok } from '../support/input-rows';

const DAY = 86_400_000;

describeTable('panels', [
  // conveneEvaluationPanel
  ...bad('convene', 'input.title', ['', long(201), '评议\n会']),
  ...bad('convene', 'input.members', [
    five().slice(0, 4),
    [...five(), ...five().slice(0, 5)],
    five().map((m) => ({ ...m, kind: 'NPC_DEPUTY' })),
  ]),
  ...bad('convene', 'input.members', [[...five().slice(0, 4), five()[0]]]),
  ...bad('convene', 'input.members[1].name', ['', '王\u200b代表', '代\n表']),
  ...bad('convene', 'input.members[0].memberId', ['M 1', '', 'M-1\u202e']),
  ...bad('convene', 'input.members[2].kind', ['JUDGE']),
  ...bad('convene', 'input.quorum', [0, -1, 6]),
  ...bad('convene', 'input.petitionIds', [[], ['XF-NOPE']]),
  ...bad('convene', 'input.petitionIds[0]', [['XF 1']]),
  ...bad('convene', 'input.deadline', [
    formatShanghai(Date.now() - DAY),
    formatShanghai(Date.now() + 400 * DAY),
    '2026-12-01',
  ]),
  ...bad('convene', 'input.requestId', ['p\u0000']),
  ...ok('convene', 'input.quorum', [5, null]),

  // recordEvaluation
  ...bad('evaluate', 'panelId', ['', 'PY 1']),
  ...bad('evaluate', 'petitionId', ['\u200b', 'FX 1']),
  ...bad('evaluate', 'verdict', ['MEH']),
  ...bad('evaluate', 'comment', [long(2_001), '意见\u0000']),
  ...bad('evaluate', 'requestId', ['v\u0000']),
  ...ok('evaluate', 'comment', [null, '第一条\n第二条']),

  // recordAttendance
  ...bad('attendance', 'panelId', ['', 'PY 1']),
  ...bad('attendance', 'memberIds', [[], Array.from({ length: 10 }, (_, i) => `M-${i}`)]),
  ...bad(
    'attendance',
    'memberIds',
    [
      ['M-LAW-1', 'M 2'],
      ['M-LAW-1', ''],
    ],
    'memberIds[1]',
  ),
  ...bad('attendance', 'requestId', ['a\u0000']),
  ...ok('attendance', 'memberIds', [['M-LAW-1'], ['M-LAW-1', 'M-LAW-1']]),

  // replayHistory
  ...bad('replay', 'history', [{ events: 'nope' }, 'not a history', 42]),
]);
