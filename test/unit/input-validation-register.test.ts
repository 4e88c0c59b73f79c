/**
 * Input validation, registerPetition (the petitioner, then the case): one row per field and bad value,
 * against the real API on a real SQLite file. The harness's Temporal client points nowhere, so a row refused as
 * it should be answers BAD_USER_INPUT (or LIMIT_EXCEEDED) with its field, and a value that gets through answers
 * UNAVAILABLE: that is how the accepted rows show it, and how a refusal that came too late would fail.
 */
import { formatShanghai } from '../../domain/calendar';
import { ABSENT } from '../support/input-operations';
import { bad, BIDI, BROKEN, CONTROLS, describeTable, INVISIBLE, LINE_BREAKS, long, ok } from '../support/input-rows';

const DAY = 86_400_000;

describeTable('register', [
  // registerPetition: the petitioner
  ...bad('register', 'input.petitioner.name', [
    '',
    '   ',
    '\u3000\n',
    ...BROKEN,
    ...CONTROLS,
    ...BIDI,
    ...INVISIBLE,
    ...LINE_BREAKS,
  ]),
  ...bad('register', 'input.petitioner.name', [long(101), long(101, '𠮷'), '12345', '·-·', '张\ufffd三', ABSENT]),
  ...ok('register', 'input.petitioner.name', [
    '买买提·艾力',
    '买买提・艾力',
    '𠮷野家',
    long(100, '𠮷'),
    '张\ue000',
    'Мария Иванова',
    ' 张　三 ',
  ]),
  ...bad('register', 'input.petitioner.idNumber', [
    '110105194912310021', // check character wrong
    '11010519491231002', // 17
    '110105491231002', // 15: first-generation
    '1101051949123100212',
    '11010519491331002X', // month 13
    '110105190002290027', // 1900 was not a leap year
    '110105209901010021', // born in the future
    '01010519491231002X', // no region 0
    '张三的身份证',
    '11010519491231\u200b002X',
  ]),
  ...ok('register', 'input.petitioner.idNumber', [
    '11010519491231002x',
    '１１０１０５１９４９１２３１００２ｘ',
    '1101 0519 4912 3100 2X',
    'E12345678',
    '91440300MA5DXXXX1Q',
    null,
    '',
  ]),
  ...bad('register', 'input.petitioner.phone', [
    '12345',
    '1380013800',
    '138001380001',
    '23800138000',
    '138-0013-800a',
    '+86 12345',
    '075512345',
    '电话',
    '138\u200b00138000',
  ]),
  ...ok('register', 'input.petitioner.phone', [
    '13800138000',
    '138 0013 8000',
    '+86 138-0013-8000',
    '0755-8888 1234',
    '(010)62345678',
    '+86 755 88881234',
    '+852 9123 4567',
    '１３８００１３８０００',
    null,
  ]),
  ...bad('register', 'input.petitioner.address', [long(301), '福田区\u0007', '福田区\n1号', '福田区\u202e']),
  // …the case
  ...bad('register', 'input.channel', ['EMAIL', 'letter', '', 3, null]),
  ...bad('register', 'input.category', ['COMPLAINT', ABSENT]),
  ...bad('register', 'input.summary', ['', ' \t ', long(201), '标题\n第二行', '标题\u202e', ...BROKEN, ABSENT]),
  ...ok('register', 'input.summary', ['𠮷 加装电梯', long(200, '𠮷'), '标题\u200d']),
  ...bad('register', 'input.content', [
    '',
    '\n\t ',
    long(20_001),
    '内容\u0000',
    '内容\u001b[31m',
    '内容\ud83d',
    '内容\u202e反转',
    ABSENT,
  ]),
  ...ok('register', 'input.content', ['第一段\r\n\t第二段', '家人👨‍👩‍👧来访', 'ئۇيغۇرچە\u200c', long(20_000)]),
  ...bad('register', 'input.receivedAt', [
    formatShanghai(Date.now() + DAY),
    '2026-03-01T09:30:00',
    '2026-03-01',
    '2026-03-01 09:30:00+08:00',
    '2026-02-30T09:30:00+08:00',
    '2026-13-01T09:30:00+08:00',
    '2026-03-01T24:00:00+08:00',
    '2026-03-01T09:60:00+08:00',
    '2026-03-01T09:30:00+15:00',
    '1900-01-01T00:00:00+08:00',
    '0001-01-01T00:00:00Z',
    '2206-03-01T09:30:00+08:00',
    '昨天',
    1_767_225_600_000,
  ]),
  ...ok('register', 'input.receivedAt', [new Date(Date.now() - DAY).toISOString().replace(/\.\d+Z$/, 'Z'), null]),
  ...bad('register', 'input.respondentUnitId', [
    'U-NOPE',
    'u-ft-01',
    'U FT 01',
    'U-FT-01\u200b',
    'U—FT—01',
    long(33, 'U'),
  ]),
  ...ok('register', 'input.respondentUnitId', ['Ｕ－ＦＴ－０１', ' U-FT-01 ', null]),
  ...bad('register', 'input.repeatOf', ['XF 1', 'XF-1\u202e', 'XF-NOPE']),
  ...bad('register', 'input.requestId', ['r\u0000', 'r\ud800', long(201, 'r')]),
  ...bad('register', 'input.foo', ['bar']),
  ...bad('register', 'input.petitioner.age', [30]),
]);
