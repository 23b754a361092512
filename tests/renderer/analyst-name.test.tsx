/**
 * Your name, from the top bar: shown beside Undo, changed in a small dialog (Enter saves, Escape
 * leaves it as it was), refused with the core's reason when it cannot be used.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../main/core/errors.ts';
import { renderApp } from './fakes/render-app.tsx';

describe('Your name', () => {
  it('shows who you are, renames you with Enter, and keeps the name on Escape', async () => {
    const app = renderApp();
    const bar = await screen.findByRole('banner');
    const button = await within(bar).findByRole('button', { name: 'You are Test Analyst: change your name' });
    await app.user.click(button);
    const dialog = screen.getByRole('dialog', { name: 'Your name' });
    const field = within(dialog).getByRole<HTMLInputElement>('textbox', { name: 'Name' });
    expect(field).toHaveFocus();
    // The name is selected, to be typed over; Tab stays inside the dialog.
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, 'Test Analyst'.length]);
    await app.user.tab();
    expect(within(dialog).getByRole('button', { name: 'Save' })).toHaveFocus();
    await app.user.tab();
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await app.user.tab();
    expect(field).toHaveFocus();
    await app.user.tab({ shift: true });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await app.user.click(field);
    await app.user.clear(field);
    await app.user.type(field, 'Rana Khalil{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Your name' })).toBeNull());
    expect(app.core.analystName).toBe('Rana Khalil');
    expect(await within(bar).findByRole('button', { name: 'You are Rana Khalil: change your name' })).toHaveFocus();

    await app.user.click(within(bar).getByRole('button', { name: /^You are Rana Khalil/ }));
    await app.user.type(screen.getByRole('textbox', { name: 'Name' }), ' (draft){Escape}');
    expect(screen.queryByRole('dialog', { name: 'Your name' })).toBeNull();
    expect(app.core.analystName).toBe('Rana Khalil');
  });

  it('says why a name is refused and keeps the dialog open', async () => {
    const app = renderApp();
    app.core.services['project:setAnalystName'] = async () => {
      throw new DomainError('VALIDATION', 'A name cannot hold control characters.');
    };
    await app.user.click(await screen.findByRole('button', { name: /^You are Test Analyst/ }));
    const dialog = screen.getByRole('dialog', { name: 'Your name' });
    await app.user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'x');
    await app.user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('control characters');
    expect(app.core.analystName).toBe('Test Analyst');
    // Nothing to save once the field is empty.
    await app.user.clear(within(dialog).getByRole('textbox', { name: 'Name' }));
    expect(within(dialog).getByRole('button', { name: 'Save' })).toBeDisabled();
  });
});
