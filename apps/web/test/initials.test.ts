import { describe, expect, it } from 'vitest';
import { initials } from '../src/article/presence/initials.js';

describe('avatar initials', () => {
  it('takes the first letters of the first and last words', () => {
    expect(initials('Alice Khan')).toBe('AK');
    expect(initials('  maria de la cruz ')).toBe('MC');
    expect(initials('Bilal')).toBe('B');
  });

  it('skips brackets, quotes and other marks, and keeps letters of any script', () => {
    expect(initials('Sana (desk)')).toBe('SD');
    expect(initials('"Zara" — legal')).toBe('ZL');
    expect(initials('میشا شفیع')).toBe('مش');
  });

  it('shows a question mark for a name without letters', () => {
    expect(initials('')).toBe('?');
    expect(initials('— !')).toBe('?');
  });
});
