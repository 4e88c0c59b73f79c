/**
 * Input validation, the queries: one row per field and bad value,
 * against the real API on a real SQLite file. The harness's Temporal client points nowhere, so a row refused as
 * it should be answers BAD_USER_INPUT (or LIMIT_EXCEEDED) with its field, and a value that gets through answers
 * UNAVAILABLE: that is how the accepted rows show it, and how a refusal that came too late would fail.
 */
import { encodeCursor } from '../../api/petition-reads';
import { ABSENT } from '../support/input-operations';
import { bad, base64, describeTable, long, ok } from '../support/input-rows';

describeTable('queries', [
  // Queries
  ...bad('petition', 'id', ['', 'XF 1', 'XF-1\u200b']),
  ...ok('petition', 'id', [' XF-NOPE00000001 '], 'UNAVAILABLE'),
  ...bad('petitions', 'first', [0, -1, 101, 1.5, 2 ** 31]),
  ...bad('petitions', 'after', [
    'garbage',
    base64('{"k":"key","v":"x","n":1}'),
    base64('null'),
    encodeCursor({ k: 'off', o: 20 }),
    long(300, 'A'),
  ]),
  ...bad('petitions', 'sort', ['SIDEWAYS']),
  ...bad('petitions', 'filter.status[0]', ['NOPE']),
  ...bad('petitions', 'filter.unitId', ['U-NOPE', 'u-ft-01', 'U-FT-01\u0000']),
  ...bad('petitions', 'filter.category', ['X']),
  ...bad('petitions', 'filter.overdue', ['yes']),
  ...bad('petitions', 'filter.dueBefore', ['2026-03-01', '2026-02-29T00:00:00+08:00']),
  ...bad('petitions', 'filter.receivedFrom', ['1970-01-01T00:00:00Z']),
  ...bad('petitions', 'filter.receivedTo', ['2025-12-31T00:00:00+08:00']),
  ...bad('petitions', 'filter.text', ['电梯\u0000', long(101), '电梯\u202e', '电\ud800梯', '!!!', '电梯\n加装']),
  ...ok('petitions', 'filter.text', ['𠮷', '加装电梯', '  ']),
  ...ok('petitions', 'filter.unitId', ['Ｕ－ＦＴ－０１', null]),
  ...ok('petitions', 'first', [1, 100, null]),
  ...bad('statistics', 'filter.from', ['2026-02-29T00:00:00+08:00', '2026-10-01', ABSENT]),
  ...bad('statistics', 'filter.to', ['2026-09-01T00:00:00+08:00']),
  ...bad('statistics', 'filter.unitId', ['U-NOPE', 'U FT']),
  ...bad('statistics', 'filter.repeatWindowDays', [-1, 3651]),
  ...bad('statistics', 'filter.rounding', ['UP']),
  ...bad('history', 'id', ['XF 1', '']),
  ...bad('panel', 'id', ['', 'PY 1']),
  ...bad('panels', 'first', [0, 101]),
  ...bad('panels', 'filter.status', ['MAYBE', 'open']),
  ...ok('panels', 'filter.status', ['CLOSED', null]),
  ...bad('statute', 'profile', ['nope']),
]);
