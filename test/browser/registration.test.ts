/**
 * A registrar signs in with the dev-token picker, registers a petition through the registration form and 交办s
 * it to a unit from the case page; the unit's handler finds it in their to-do list with a green light.
 */
import { describe, expect, it } from 'vitest';
import { devToken, openAction, screenshot, signInWithPicker } from '../support/browser';
import { useConsole } from '../support/console-browser';

const { url, tokens, context } = useConsole();

describe('registration', () => {
  it('a registered and accepted petition shows green in the unit handler’s to-do list', async () => {
    const shot = (page: Parameters<typeof screenshot>[0], step: string) => screenshot(page, 'registration', step);
    const registrar = await context().newPage();
    await signInWithPicker(registrar, url, devToken(tokens, 'dev-registrar'));
    await shot(registrar, '1-signed-in');

    await registrar.getByTestId('nav-register').click();
    const form = registrar.getByTestId('form-registerPetition');
    await form.getByTestId('field-petitioner.name').fill('陈登记');
    await form.getByTestId('field-petitioner.phone').fill('13912345678');
    await form.getByTestId('field-category').click();
    await registrar.locator('.ant-select-item-option', { hasText: '申诉求决' }).click();
    await form.getByTestId('field-summary').fill('小区供暖不达标');
    await form.getByTestId('field-content').fill('冬季室温长期低于十六度，请求督促供热公司整改。');
    await shot(registrar, '2-form-filled');
    await registrar.getByTestId('register-submit').click();

    // The form leaves for the new case's page.
    await registrar.waitForURL(/#\/cases\//);
    const id = decodeURIComponent(registrar.url().split('#/cases/')[1]!);
    await expect.poll(() => registrar.getByTestId('case-status').getAttribute('data-status')).toBe('REGISTERED');
    await shot(registrar, '3-registered');

    const accept = await openAction(registrar, 'acceptPetition');
    await accept.getByTestId('field-unitId').click();
    await registrar.keyboard.type('U-FT-01');
    await registrar.locator('.ant-select-item-option', { hasText: 'U-FT-01' }).click();
    await accept.getByTestId('action-submit').click();
    await expect.poll(() => registrar.getByTestId('case-status').getAttribute('data-status')).toBe('HANDLING');
    await shot(registrar, '4-accepted');

    const handler = await context().newPage();
    await signInWithPicker(handler, url, devToken(tokens, 'dev-unit-handler'));
    const row = handler.locator(`[data-testid="todo-row"][data-id="${id}"]`);
    await expect.poll(() => row.getByTestId('todo-light').getAttribute('data-light')).toBe('green');
    await shot(handler, '5-handler-todo');
  });
});
