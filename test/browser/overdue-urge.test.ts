/**
 * A petition received 30 days ago and never accepted has run past its 15-day registration clock: the supervisor
 * sees it red on the 超期督办 board. A 督办 is addressed to the unit that owes the next step, so none is offered
 * while the item is still the bureau's; once it is 交办'd, the supervisor urges the unit from the case page.
 */
import { describe, expect, it } from 'vitest';
import { devToken, openAction, screenshot, signInWithPicker } from '../support/browser';
import { useConsole } from '../support/console-browser';

const { url, tokens, api, context } = useConsole();

describe('an overdue petition', () => {
  it('shows red for the supervisor, who urges it (督办)', async () => {
    // 15 days end at 24:00 (Beijing) of a working day, so a Golden Week can push the end 8 days on: 30 days back is
    // overdue on any day of the year.
    const id = await api.register('赵超期', '拖欠工程款', 30);
    await api.untilOverdue(id);
    const page = await context().newPage();
    await signInWithPicker(page, url, devToken(tokens, 'dev-supervisor'));
    await page.getByTestId('nav-boards-overdue').click();
    const row = page.locator(`[data-testid="board-row"][data-id="${id}"]`);
    await expect.poll(() => row.getByTestId('board-light').getAttribute('data-light')).toBe('red');
    await screenshot(page, 'overdue-urge', '1-board-red');

    await row.getByRole('link', { name: id }).click();
    await expect.poll(() => page.getByTestId('case-status').getAttribute('data-status')).toBe('REGISTERED');
    await page.getByTestId('action-escalate').waitFor();
    expect(await page.getByTestId('action-urge').count()).toBe(0);
    await screenshot(page, 'overdue-urge', '2-registered-no-urge');

    await api.accept(id);
    await page.reload();
    await expect.poll(() => page.getByTestId('case-status').getAttribute('data-status')).toBe('HANDLING');
    const urge = await openAction(page, 'urge');
    await urge.getByTestId('field-message').fill('请于五日内报告受理情况');
    await urge.getByTestId('action-submit').click();
    await urge.waitFor({ state: 'hidden' });
    await page.locator('.ant-list-item', { hasText: '请于五日内报告受理情况' }).waitFor();
    await screenshot(page, 'overdue-urge', '3-urged');

    const { petition } = await api.gql('dev-supervisor', `{ petition(id: "${id}") { urges { kind message unitId } } }`);
    expect(petition.urges).toEqual([
      expect.objectContaining({ kind: 'MANUAL', message: '请于五日内报告受理情况', unitId: 'U-FT-01' }),
    ]);
  });

  it('the unit handler is told of a 督办 live: the bell counts it and a toast names the case, without a reload', async () => {
    const id = await api.register('钱通知', '物业维修基金使用争议');
    await api.accept(id);
    const unreadIds = async () =>
      (
        await api.gql(
          'dev-unit-handler',
          '{ notifications(unread: true, first: 100) { edges { node { petitionId } } } }',
        )
      ).notifications.edges.map((e: { node: { petitionId: string } }) => e.node.petitionId);
    const handler = await context().newPage();
    await signInWithPicker(handler, url, devToken(tokens, 'dev-unit-handler'));
    const bell = handler.getByTestId('notification-bell');
    const count = async () => Number(await bell.getAttribute('data-count'));
    // The stream is open and the bell has read the unread count (other files' cases notify this unit too, so the
    // count is compared with itself, not with a number).
    await expect.poll(() => bell.getAttribute('data-live')).toBe('on');
    await expect.poll(() => bell.getAttribute('data-loaded')).toBe('true');
    const before = await count();

    await api.urge(id, '请于三日内报告办理进展');
    const toast = handler.getByTestId('notification-toast').filter({ hasText: id });
    await toast.waitFor();
    expect(await toast.textContent()).toContain('督办');
    await expect.poll(count).toBeGreaterThanOrEqual(before + 1);
    expect(await unreadIds()).toContain(id);
    await screenshot(handler, 'overdue-urge', '4-handler-told-live');

    // Read from the bell's list, the newest first: the API no longer counts it unread.
    await bell.click();
    await handler.getByTestId('notification-item').filter({ hasText: id }).waitFor();
    await handler.getByTestId('notification-mark-read').click();
    await expect.poll(unreadIds).not.toContain(id);
  });
});
