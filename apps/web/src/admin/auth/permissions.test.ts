import { describe, expect, it } from 'vitest';
import { canOpen, isStaff, sectionsFor } from './permissions';

describe('permissions', () => {
  it('gives an admin every screen', () => {
    expect(sectionsFor('admin').map((s) => s.id)).toContain('operations');
    expect(canOpen('admin', 'store')).toBe(true);
  });
  it('gives a customer nothing', () => {
    expect(isStaff('customer')).toBe(false);
    expect(sectionsFor('customer')).toEqual([]);
    expect(canOpen('customer', 'board')).toBe(false);
  });
  it('gives nobody anything without a role', () => {
    expect(isStaff(undefined)).toBe(false);
    expect(sectionsFor(null)).toEqual([]);
  });
});
