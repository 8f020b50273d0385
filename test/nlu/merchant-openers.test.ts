import { describe, expect, it } from 'vitest';
import { detectIntents } from '../../src/nlu/intents';

// A merchant who opens with "merchant here." and describes the terminal resending one sale.
describe('merchant openers and terminal duplicates', () => {
  it('reads "<role> here." at the start of a message as a self-introduction', () => {
    expect(detectIntents('Merchant here. the terminal ran the same sale twice').role).toBe('merchant');
    expect(detectIntents('cashier here, I rang up $12 instead of $120').role).toBe('merchant');
    expect(detectIntents('Customer speaking: I got billed twice').role).toBe('cardholder');
  });

  it('does not treat a plural noun followed by "here" as an introduction', () => {
    expect(detectIntents('customers here always pay by card').role).not.toBe('merchant');
  });

  it('counts "put the same sale through twice" as a duplicate charge', () => {
    expect(detectIntents('our terminal put the same sale through twice').category).toBe('duplicate_charge');
    expect(detectIntents('the POS put it through twice, $89.50 each').category).toBe('duplicate_charge');
  });
});
