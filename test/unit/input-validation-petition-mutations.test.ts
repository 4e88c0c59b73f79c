/**
 * Input validation, the mutations on a petition (its id, then each argument): one row per field and bad value,
 * against the real API on a real SQLite file. The harness's Temporal client points nowhere, so a row refused as
 * it should be answers BAD_USER_INPUT (or LIMIT_EXCEEDED) with its field, and a value that gets through answers
 * UNAVAILABLE: that is how the accepted rows show it, and how a refusal that came too late would fail.
 */
import { formatShanghai } from '../../domain/calendar';
import { bad, describeTable, long, ok } from '../support/input-rows';

const DAY = 86_400_000;

describeTable('petition-mutations', [
  // Petition mutations: the id, then each argument
  ...bad('accept', 'id', ['', '   ', 'XF 1', 'XF-1\u200b', 'XF-1\u0000', '../../etc/passwd', long(65, 'X'), null]),
  ...ok('accept', 'id', [' XF-NOPE00000001 ', 'ＸＦ－ＮＯＰＥ']),
  ...bad('accept', 'unitId', ['U-NOPE', 'U-FT-01 U-FT-02', '\u202eU-FT-01']),
  ...bad('accept', 'note', [long(2_001), '受理\u0000', '受理\u202e']),
  ...ok('accept', 'note', ['第一行\n第二行\t完', null]),
  ...bad('accept', 'requestId', ['r\u0001', long(201, 'r')]),
  ...bad('route', 'unitId', ['', '  ', 'U-NOPE', null]),
  ...bad('route', 'mode', ['SIDEWAYS', null]),
  ...bad('route', 'id', ['XF\n1']),
  ...bad('decline', 'reason', ['BECAUSE', 'litigation_related']),
  ...bad('decline', 'note', [long(2_001)]),
  ...bad('confirmRepeat', 'repeatOf', ['', '   ', 'XF 1', 'XF-1\u202e', long(65, 'X'), null]),
  ...ok('confirmRepeat', 'repeatOf', [' XF-NOPE00000002 ']),
  ...bad('confirmRepeat', 'note', [long(2_001), '同一\u0000']),
  ...bad('dismissRepeat', 'candidateId', ['', 'XF 1', 'XF-1\u200b', null]),
  ...bad('dismissRepeat', 'note', [long(2_001)]),
  ...bad('extension', 'days', [0, -5, 1.5, 2 ** 31, '10', null]),
  ...bad('extension', 'reason', ['', '   ', '理由\u0000', long(2_001)]),
  { op: 'extension', path: 'days', value: 31, expect: { code: 'LIMIT_EXCEEDED', field: 'days' } },
  { op: 'extension', path: 'days', value: 10_000, expect: { code: 'LIMIT_EXCEEDED', field: 'days' } },
  ...ok('extension', 'days', [1, 30]),
  ...bad('decide', 'approve', ['yes', 1, null]),
  ...bad('decide', 'note', ['同意\u202e']),
  ...bad('startHearing', 'note', ['听证\u0007', long(2_001)]),
  ...bad('endHearing', 'note', ['\ud800']),
  ...bad('reply', 'outcome', ['MAYBE']),
  ...bad('reply', 'text', ['', long(20_001), '答复\u0000']),
  ...bad('reply', 'basis', [long(2_001)]),
  ...bad('reply', 'deliveredAt', ['2026-11-31T10:00:00+08:00', '2026-11-01T10:00', '1999-12-31T23:59:59+08:00']),
  // A delivery in the future is refused by the workflow's own validator, on the case's clock (domain checkReply).
  ...ok('reply', 'deliveredAt', [null, formatShanghai(Date.now() + DAY)]),
  ...bad('satisfaction', 'level', ['HAPPY']),
  ...bad('satisfaction', 'target', ['CITY']),
  ...bad('review', 'reviewUnitId', ['O-NOPE', 'o-ft-gov']),
  ...bad('review', 'reason', ['不服\u0000']),
  ...bad('review', 'requestedAt', ['2026-02-30T10:00:00+08:00', '2026-11-01T10:00', '2100-01-01T00:00:00+08:00']),
  // In the future or before the delivery: the workflow's validator says so, on the case's clock (domain requestReview).
  ...ok('review', 'requestedAt', [null, formatShanghai(Date.now() + DAY)]),
  ...bad('review', 'requestedVia', ['POST', 'postmark', 1]),
  ...ok('review', 'requestedVia', ['POSTMARK', 'ONLINE', 'IN_PERSON', 'OTHER', null]),
  ...bad('urge', 'message', ['', long(2_001)]),
  ...bad('urge', 'respondWithinDays', [0, -1, 61, 2.5]),
  ...ok('urge', 'respondWithinDays', [1, 60, null]),
  ...bad('answerUrge', 'urgeId', ['', 'X-1', 'DB-0', 'DB 1', 'DB-1\u200b']),
  ...ok('answerUrge', 'urgeId', ['ＤＢ－１']),
  ...bad('answerUrge', 'text', ['']),
  ...bad('escalate', 'leaderId', ['', 'dev leader', 'dev-leader\u202e', 'dev-leader\u200b', '<script>']),
  ...ok('escalate', 'leaderId', ['王局长', 'zhang.san']),
  ...bad('escalate', 'reason', ['']),
  ...bad('instruct', 'text', ['', '批示\ud800']),
]);
