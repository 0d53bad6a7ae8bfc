import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/**
 * Large Get-ADUser exports for the import benchmark and the cancel tests: written as they are
 * generated, so a 300 MB file never sits in memory.
 */
const FIRST = ['Anna', 'Ben', 'Chloé', 'David', 'Emma', 'Farid', 'Grace', 'Hiro', 'Inès', 'Jonas', 'Karin', 'Liam', 'María', 'Noah', 'Olga', 'Pavel'];
const LAST = ['Smith', 'Müller', 'García', 'Rossi', 'Dubois', 'Kowalski', 'Nguyen', 'Jensen', 'Silva', 'Novak', 'Tanaka', 'Hansen', 'Moreau', 'Ivanova'];
const COLUMNS = ['DistinguishedName', 'Enabled', 'GivenName', 'Name', 'ObjectClass', 'ObjectGUID', 'SamAccountName', 'SID', 'Surname', 'UserPrincipalName', 'mail', 'proxyAddresses'];

/** PowerShell 7 Export-Csv of Get-ADUser -Properties mail,proxyAddresses with proxyAddresses -join ';': every field quoted, UTF-8. */
export async function writeLargeUserExport(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const hex = (n: number, width: number) => (n >>> 0).toString(16).padStart(width, '0').slice(-width);
  let buffer = `${COLUMNS.map(quote).join(',')}\r\n`;
  for (let i = 0; i < rows; i++) {
    const given = FIRST[i % FIRST.length] as string;
    const surname = LAST[(i >> 4) % LAST.length] as string;
    const sam = `${given.slice(0, 1)}${surname}${i}`.toLowerCase();
    const dn = `CN=${surname}\\, ${given} ${i},OU=Dept${i % 150},OU=Site${i % 7},DC=contoso,DC=com`;
    const guid = `${hex(Math.imul(i, 2654435761), 8)}-${hex(i, 4)}-4${hex(i >> 4, 3)}-a${hex(i * 7, 3)}-${hex(Math.imul(i, 40503), 12)}`;
    const row = [dn, 'True', given, `${surname}, ${given} ${i}`, 'user', guid, sam, `S-1-5-21-1004336348-1177238915-682003330-${1000 + i}`, surname,
      `${sam}@contoso.com`, `${given}.${surname}${i}@contoso.com`, `SMTP:${given}.${surname}${i}@contoso.com;smtp:${sam}@contoso.com`];
    buffer += `${row.map(quote).join(',')}\r\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}
