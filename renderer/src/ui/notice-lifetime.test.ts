import { describe, expect, it } from 'vitest';
import { autoDismissAfter, INFO_NOTICE_MS } from './notice-lifetime';

describe('notice lifetime', () => {
  it('keeps errors and notices with an action (Undo) until dismissed; plain information fades', () => {
    expect(autoDismissAfter({ kind: 'error' })).toBeNull();
    expect(autoDismissAfter({ kind: 'info', action: { label: 'Undo', run: () => undefined } })).toBeNull();
    expect(autoDismissAfter({ kind: 'info' })).toBe(INFO_NOTICE_MS);
  });
});
