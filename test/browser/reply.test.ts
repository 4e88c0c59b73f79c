/**
 * The unit handler answers a case from its page: a refusal naming a field (`extensions.field`) is shown under
 * that field of the form, and the corrected answer is taken, the case moving on to 已办结.
 */
import { describe, expect, it } from 'vitest';
import { devToken, openAction, screenshot, signInWithPicker } from '../support/browser';
import { useConsole } from '../support/console-browser';

const { url, tokens, api, context } = useConsole();

describe('replying to a case', () => {
  it('shows the API’s refusal beside its field, then the corrected reply changes the status', async () => {
    const id = await api.register('刘答复', '道路积水影响出行');
    await api.accept(id);
    const page = await context().newPage();
    await signInWithPicker(page, url, devToken(tokens, 'dev-unit-handler'));
    await page.goto(`${url}#/cases/${id}`);
    await expect.poll(() => page.getByTestId('case-status').getAttribute('data-status')).toBe('HANDLING');

    const reply = await openAction(page, 'replyPetition');
    await reply.getByTestId('field-outcome').getByText('支持', { exact: true }).click();
    await reply.getByTestId('field-text').fill('经现场核查，已安排排水改造。');
    // A right-to-left override: the API refuses it in a record (it would make the text read otherwise than stored).
    await reply.getByTestId('field-basis').fill('《城镇排水与污水处理条例》\u202e第十九条');
    await reply.getByTestId('action-submit').click();
    const basisItem = reply.locator('.ant-form-item').filter({ has: page.getByTestId('field-basis') });
    const basisError = basisItem.locator('.ant-form-item-explain-error');
    await expect.poll(() => basisError.textContent()).toContain('basis contains the direction control U+202E');
    // Beside its field only: not above the form, and the text field has no error.
    expect(await reply.getByTestId('action-error').count()).toBe(0);
    const textItem = reply.locator('.ant-form-item').filter({ has: page.getByTestId('field-text') });
    expect(await textItem.locator('.ant-form-item-explain-error').count()).toBe(0);
    expect(await page.getByTestId('case-status').getAttribute('data-status')).toBe('HANDLING');
    await screenshot(page, 'reply', '1-refused-beside-basis');

    await reply.getByTestId('field-basis').fill('《城镇排水与污水处理条例》第十九条');
    await reply.getByTestId('action-submit').click();
    await expect.poll(() => page.getByTestId('case-status').getAttribute('data-status')).toBe('DELIVERED');
    await reply.waitFor({ state: 'hidden' });
    await screenshot(page, 'reply', '2-delivered');
  });
});
