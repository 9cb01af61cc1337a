/** `asChild`: the kit's props on the caller's element, composed with the child's as Radix composes them. */
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { mergeSlotProps, Slot } from './slot.js';

describe('Slot', () => {
  it('renders its own element without asChild', () => {
    render(<Slot as="button" type="submit" className="kit">Go</Slot>);
    expect(screen.getByRole('button', { name: 'Go' })).toHaveAttribute('type', 'submit');
  });

  it("keeps the kit's href and type over the child's, and runs both click handlers, the child's first", () => {
    const order: string[] = [];
    render(
      <Slot as="a" asChild href="/callback?screen_hint=sign-in" className="kit" onClick={() => order.push('kit')} style={{ color: 'red', margin: 1 }}>
        <a href="/elsewhere" className="mine" onClick={() => order.push('child')} style={{ color: 'blue' }}>Sign in</a>
      </Slot>,
    );
    const link = screen.getByRole('link', { name: 'Sign in' });
    expect(link).toHaveAttribute('href', '/callback?screen_hint=sign-in');
    expect(link.className).toBe('kit mine');
    expect(link.style.color).toBe('blue');
    expect(link.style.margin).toBe('1px');
    fireEvent.click(link);
    expect(order).toEqual(['child', 'kit']);
  });

  it('keeps a lone handler or class name from either side', () => {
    const kit = vi.fn();
    expect(mergeSlotProps({ onClick: kit }, { className: 'mine' })).toEqual({ onClick: kit, className: 'mine' });
    const child = vi.fn();
    expect(mergeSlotProps({ type: 'submit' }, { onClick: child, type: 'button' })).toEqual({ onClick: child, type: 'submit' });
  });
});
