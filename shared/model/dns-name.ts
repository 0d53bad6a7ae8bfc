import { z } from 'zod';

/** DNS names (forests, domains) are keys: stored lower-case. */
export const DnsName = z
  .string()
  .trim()
  .min(1, 'a DNS name is required')
  .max(255)
  .regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*\.?$/, 'not a DNS name (letters, digits, "-" and "." only)')
  .transform((s) => s.toLowerCase().replace(/\.$/, ''));
