import { describe, expect, it } from 'vitest';
import { chosenFolderPath, displayBases, groupPicked, importPaths, parentPath, shortPath, topFolder, type PickedFile } from './paths';

const picked = (relativePath: string): PickedFile => ({ file: new File([''], relativePath.split('/').pop() ?? ''), relativePath });

describe('import paths', () => {
  it('finds the folder a file was chosen in, for either separator', () => {
    expect(chosenFolderPath('/x/adrecon/CSV-Files/Users.csv', 'adrecon/CSV-Files/Users.csv')).toBe('/x/adrecon');
    expect(chosenFolderPath('C:\\Exports\\contoso\\Connectors\\c.xml', 'contoso/Connectors/c.xml')).toBe('C:\\Exports\\contoso');
    expect(chosenFolderPath('/x/users.csv', 'users.csv')).toBe('/x/users.csv');
    expect(parentPath('/users.csv')).toBe('/');
    expect(topFolder('users.csv')).toBeNull();
    expect(topFolder('a/b/c.csv')).toBe('a');
  });

  it('imports a chosen folder as the folder itself and loose files as themselves', () => {
    const list = [picked('contoso/Connectors/a.xml'), picked('contoso/GlobalSettings/MV.xml'), picked('forests.csv')];
    const real = ['/up/b1/contoso/Connectors/a.xml', '/up/b1/contoso/GlobalSettings/MV.xml', '/up/b1/forests.csv'];
    expect(importPaths(list, real)).toEqual(['/up/b1/contoso', '/up/b1/forests.csv']);
    const grouped = groupPicked(list);
    expect(grouped.loose.map((p) => p.relativePath)).toEqual(['forests.csv']);
    expect([...grouped.folders.keys()]).toEqual(['contoso']);
  });

  it('shows paths relative to what the user chose', () => {
    const bases = displayBases(['/up/b1/contoso', '/up/b1/forests.csv']);
    expect(bases).toEqual(['/up/b1']);
    expect(shortPath('/up/b1/contoso/Connectors/a.xml', bases)).toBe('contoso/Connectors/a.xml');
    expect(shortPath('/elsewhere/x.csv', bases)).toBe('/elsewhere/x.csv');
    expect(shortPath('/up/b10/x.csv', bases)).toBe('/up/b10/x.csv');
    expect(shortPath('C:\\in\\users.csv', displayBases(['C:\\in\\users.csv']))).toBe('users.csv');
  });
});
