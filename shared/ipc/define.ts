import { z } from 'zod';

export function channel<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

/** The input of a channel that takes nothing. Strict, so stray fields are refused rather than ignored. */
export const none = z.object({}).strict();
