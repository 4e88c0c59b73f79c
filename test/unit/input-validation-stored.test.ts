/**
 * What the input rules store: names, free text, ID and phone numbers in one form (NFC, half-width, one
 * line-break form) whatever the client's keyboard, and lengths counted in characters.
 */
import { describe, expect, it } from 'vitest';
import {
  halfWidth,
  idNumber,
  optionalText,
  phoneNumber,
  requiredText,
  residentIdCheckChar,
  TEXT,
} from '../../api/input-rules';

describe('what is stored', () => {
  it.each([
    ['买买提・艾力', '买买提·艾力'],
    ['买买提 · 艾力', '买买提·艾力'],
    ['张　三', '张三'],
    [' 张 三 ', '张三'],
    ['John   Smith', 'John Smith'],
    ['Lu\u0308 Xun', 'Lü Xun'],
    ['𠮷野家', '𠮷野家'],
  ])('a name typed %j is stored %j', (typed, stored) => {
    expect(requiredText('name', typed, TEXT.personName)).toBe(stored);
  });

  it('free text keeps its lines and tabs, in one line-break form, composed (NFC)', () => {
    expect(requiredText('content', ' 第一段\r\n\t第二段\r第三段\u2028 ', TEXT.content)).toBe(
      '第一段\n\t第二段\n第三段',
    );
    expect(optionalText('note', 'cafe\u0301', TEXT.note)).toBe('café');
    expect(optionalText('note', ' \n ', TEXT.note)).toBeNull();
  });

  it('ID numbers and phone numbers are stored in one form whatever the keyboard', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(idNumber('id', '１１０１０５１９４９１２３１００２ｘ')).toBe('11010519491231002X');
    expect(idNumber('id', 'e1234 5678')).toBe('E12345678');
    expect(phoneNumber('phone', '+86 138-0013-8000')).toBe('13800138000');
    expect(phoneNumber('phone', '（０７５５）８８８８ １２３４')).toBe('0755-88881234');
    expect(phoneNumber('phone', '+86 10 62345678')).toBe('010-62345678');
    expect(phoneNumber('phone', '+852 9123 4567')).toBe('+85291234567');
    expect(halfWidth('Ｕ－ＦＴ－０１')).toBe('U-FT-01');
  });

  it('lengths count characters, not UTF-16 units: 𠮷 is one', () => {
    expect(requiredText('name', '𠮷'.repeat(100), TEXT.personName)).toHaveLength(200);
    expect(() => requiredText('name', '𠮷'.repeat(101), TEXT.personName)).toThrow(
      /longer than 100 characters \(101 given\)/,
    );
  });
});
