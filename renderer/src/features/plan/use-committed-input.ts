import { useState, type ChangeEvent, type KeyboardEvent } from 'react';

/**
 * A field edited as a draft and committed on Enter or when it loses focus (Escape drops the draft), so
 * the plan is not re-saved on every keystroke. `parse` returns undefined for text that is not valid.
 */
export function useCommittedInput<T>(value: string, parse: (text: string) => T | undefined, onCommit: (parsed: T) => void) {
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? value;
  const parsed = parse(text);
  const valid = parsed !== undefined;
  const commit = () => {
    if (draft === null || parsed === undefined) return;
    if (draft !== value) onCommit(parsed);
    setDraft(null);
  };
  return {
    valid,
    inputProps: {
      value: text,
      'aria-invalid': !valid,
      onChange: (e: ChangeEvent<HTMLInputElement>) => setDraft(e.target.value),
      onBlur: commit,
      onKeyDown: (e: KeyboardEvent) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setDraft(null);
      },
    },
  };
}
