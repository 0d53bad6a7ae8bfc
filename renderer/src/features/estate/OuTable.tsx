import { useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { createColumnHelper, rowSelectionFeature, rowSortingFeature, tableFeatures, useTable, type RowSelectionState, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { OuFilter, OuSelection } from '../../../../shared/edit/edit-schema';
import type { OU_SORT_COLUMNS, OuPageRequest } from '../../../../shared/ipc/contracts/model';
import { ouEntity } from '../../../../shared/model/entities';
import { dnKey } from '../../../../shared/model/distinguished-name';
import type { EstateModel, Ou } from '../../../../shared/model/inventory';
import { useReadMany, useWrite } from '../../api/workshop-data';
import { useNotifier } from '../../ui/notifications';
import { CountValue } from './FieldValue';
import { EntityForm } from './EntityForm';
import { newRow } from './EstatePanel';
import { referencesFor } from './references';
import { useDeleteRow } from './use-delete-row';
import { readFieldText } from './field-text';
import { plural } from '../../../../shared/engine/format';

/** Rows per request: a screenful or two, so scrolling asks for little and never for the whole table. */
const PAGE = 200;
const ROW_HEIGHT = 34;
type SortColumn = (typeof OU_SORT_COLUMNS)[number];
const COUNTS = ['users', 'groups', 'contacts', 'computers'] as const;

const features = tableFeatures({ rowSortingFeature, rowSelectionFeature });
const helper = createColumnHelper<typeof features, Ou>();
const LABELS = Object.fromEntries(Object.entries(ouEntity.fields).map(([k, f]) => [k, f.label])) as Record<keyof Ou, string>;
const columns = helper.columns([
  helper.display({ id: 'select', header: 'Select', enableSorting: false }),
  helper.accessor('distinguishedName', { header: LABELS.distinguishedName }),
  helper.accessor('domain', { header: LABELS.domain }),
  ...COUNTS.map((c) => helper.accessor(c, { header: LABELS[c] })),
  helper.accessor('inConnectScope', { header: 'Connect scope' }),
]);
const TEMPLATE = 'minmax(2.5rem, auto) minmax(18rem, 4fr) minmax(9rem, 1.5fr) repeat(4, minmax(5.5rem, 1fr)) minmax(8rem, 1fr)';

const scopeText = (value: boolean | null) => (value === null ? '' : value ? 'yes' : 'no');

/** One count of one OU, edited where it shows: Enter or a click opens it, Enter saves, Escape leaves it. */
function CountCell({ ou, count, onSave }: { ou: Ou; count: (typeof COUNTS)[number]; onSave(value: number | null): Promise<string | null> }) {
  const [text, setText] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const label = `${LABELS[count]} of ${ou.distinguishedName}`;
  if (text === null) {
    return (
      <span className="ou-count">
        <button type="button" className="cell-button" aria-label={`${label}: ${ou[count] ?? 'unknown'}, edit`} onClick={() => setText(ou[count] === null ? '' : String(ou[count]))}>
          {ou[count] === null && !(count in ou.importedCounts) ? <span className="muted">unknown</span> : <CountValue entity="ou" row={ou} count={count} rowKey={ou.distinguishedName} />}
        </button>
      </span>
    );
  }
  const save = async () => {
    const read = readFieldText(ouEntity.fields[count], text);
    if (!read.ok) return setProblem(read.problem);
    const failed = await onSave(read.value as number | null);
    if (failed) setProblem(failed);
    else setText(null);
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter') void save();
    if (event.key === 'Escape') {
      event.stopPropagation();
      setText(null);
      setProblem(null);
    }
  };
  return (
    <span className="ou-count editing">
      <input
        autoFocus
        aria-label={label}
        inputMode="numeric"
        value={text}
        aria-invalid={problem ? true : undefined}
        title={problem ?? undefined}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKey}
        onBlur={() => {
          if (!problem) setText(null);
        }}
      />
      {problem && (
        <span className="field-error small-print" role="alert">
          {problem}
        </span>
      )}
    </span>
  );
}

/**
 * Every OU of the workshop, 100,000 of them if need be: sorted and filtered by the workshop (SQL), a
 * window of rows at a time, rows drawn only where the screen shows them. Counts and the Connect scope
 * are edited in place; picked OUs (or all that the filter shows) can be put in or out of scope at once.
 */
export function OuTable({ model }: { model: EstateModel }) {
  const notifier = useNotifier();
  const write = useWrite();
  const remove = useDeleteRow();
  const [domain, setDomain] = useState<string | null>(null);
  const [text, setText] = useState('');
  const deferredText = useDeferredValue(text);
  const [sorting, setSorting] = useState<SortingState>([{ id: 'distinguishedName', desc: false }]);
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [allMatching, setAllMatching] = useState(false);
  const [adding, setAdding] = useState(false);
  const scroller = useRef<HTMLDivElement>(null);
  // How many rows match, as the last answer said: the scroll height while other pages load.
  const [total, setTotal] = useState(0);

  const filter: OuFilter = useMemo(() => ({ domain, text: deferredText }), [domain, deferredText]);
  const sort = useMemo(() => ({ column: (sorting[0]?.id ?? 'distinguishedName') as SortColumn, direction: sorting[0]?.desc ? ('desc' as const) : ('asc' as const) }), [sorting]);

  // eslint-disable-next-line react-hooks/incompatible-library -- the table re-renders on every scroll by design; nothing here needs the compiler's memoizing
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const firstPage = Math.floor((items[0]?.index ?? 0) / PAGE);
  const lastPage = Math.floor((items.at(-1)?.index ?? 0) / PAGE);
  const requests = useMemo<OuPageRequest[]>(
    () => Array.from({ length: lastPage - firstPage + 1 }, (_, i) => ({ filter, sort, offset: (firstPage + i) * PAGE, limit: PAGE })),
    [filter, sort, firstPage, lastPage],
  );
  const pages = useReadMany('ous.page', requests);
  const answered = pages.find((p) => p !== undefined)?.total;
  useEffect(() => {
    if (answered !== undefined) setTotal(answered);
  }, [answered]);
  // A new filter or order starts at the top.
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [filter, sort]);

  // The loaded window, contiguous from the first visible page; the table works on these rows.
  const data = useMemo(() => {
    const rows: Ou[] = [];
    for (const page of pages) {
      if (!page) break;
      rows.push(...page.rows);
    }
    return rows;
  }, [pages]);
  const windowStart = firstPage * PAGE;

  const table = useTable({
    features,
    columns,
    data,
    getRowId: (ou) => dnKey(ou.distinguishedName),
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    state: { sorting, rowSelection },
    onSortingChange: setSorting,
    onRowSelectionChange: setRowSelection,
  });
  const rows = table.getRowModel().rows;
  const picked = Object.keys(rowSelection).filter((k) => rowSelection[k]);
  const selectionSize = allMatching ? total : picked.length;

  const saveOu = async (ou: Ou): Promise<string | null> => {
    const result = await write('edit.apply', { edit: { op: 'save', entity: 'ou', value: ou, previous: [ou.distinguishedName] } });
    if (result.ok) return null;
    notifier.error(result.error);
    return result.error.message;
  };

  const setScope = async (inConnectScope: boolean | null) => {
    const ous: OuSelection = allMatching ? { filter } : { keys: picked };
    const result = await write('edit.apply', { edit: { op: 'ou-scope', ous, inConnectScope } });
    if (!result.ok) return notifier.error(result.error);
    notifier.notify({ kind: 'info', message: `${result.value.label}.` });
    setRowSelection({});
    setAllMatching(false);
  };

  const headerCell = (id: string) => {
    const header = table.getHeaderGroups()[0]?.headers.find((h) => h.id === id);
    if (!header) return null;
    if (id === 'select') {
      const all = allMatching || (rows.length > 0 && rows.every((r) => r.getIsSelected()));
      return (
        <div role="columnheader" className="ou-cell" key={id}>
          <input
            type="checkbox"
            aria-label="Select every OU the filter shows"
            checked={all}
            onChange={(e) => {
              setAllMatching(e.target.checked);
              if (!e.target.checked) setRowSelection({});
            }}
          />
        </div>
      );
    }
    const sorted = header.column.getIsSorted();
    return (
      <div role="columnheader" className={`ou-cell${COUNTS.includes(id as never) ? ' num' : ''}`} key={id} aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}>
        <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
          <table.FlexRender header={header} />
          <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
        </button>
      </div>
    );
  };

  return (
    <div className="ou-table">
      <div className="toolbar">
        <h2>OUs</h2>
        <label className="inline-filter">
          Show{' '}
          <select aria-label="Show the OUs of domain" value={domain ?? ''} onChange={(e) => setDomain(e.target.value || null)}>
            <option value="">All domains</option>
            {model.domains.map((d) => (
              <option key={d.domain}>{d.domain}</option>
            ))}
          </select>
        </label>
        <input type="search" className="ou-search" aria-label="Filter OUs by name" placeholder="Filter by name…" value={text} onChange={(e) => setText(e.target.value)} />
        <span className="muted" role="status" data-testid="ou-count">
          {plural(total, 'OU', 'OUs')}
        </span>
        <span className="spacer" />
        <button type="button" className="primary" onClick={() => setAdding(true)}>
          Add OU
        </button>
      </div>
      {adding && (
        <EntityForm
          entity="ou"
          initial={newRow('ou', { domain: domain ?? model.domains[0]?.domain ?? '' })}
          references={referencesFor('ou', model)}
          onCancel={() => setAdding(false)}
          onSaved={() => setAdding(false)}
        />
      )}
      {selectionSize > 0 && (
        <div className="bulk-bar" role="region" aria-label="Selected OUs">
          <strong>
            {selectionSize.toLocaleString('en-US')} selected{allMatching ? ' (every OU the filter shows)' : ''}
          </strong>
          <button type="button" onClick={() => void setScope(true)}>
            In Connect scope
          </button>
          <button type="button" onClick={() => void setScope(false)}>
            Out of Connect scope
          </button>
          <button
            type="button"
            className="ghost"
            onClick={() => {
              setRowSelection({});
              setAllMatching(false);
            }}
          >
            Clear selection
          </button>
        </div>
      )}
      <div className="ou-grid" role="grid" aria-label="OUs" aria-rowcount={total + 1}>
        <div role="row" aria-rowindex={1} className="ou-row ou-head" style={{ gridTemplateColumns: TEMPLATE }}>
          {table.getHeaderGroups()[0]?.headers.map((h) => headerCell(h.id))}
        </div>
        <div ref={scroller} className="ou-scroll" tabIndex={-1}>
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const row = rows[item.index - windowStart];
              const style = { transform: `translateY(${item.start}px)`, height: ROW_HEIGHT, gridTemplateColumns: TEMPLATE };
              if (!row) {
                return (
                  <div role="row" aria-rowindex={item.index + 2} key={`loading-${item.index}`} className="ou-row loading" style={style}>
                    <div role="gridcell" className="ou-cell muted">
                      Loading…
                    </div>
                  </div>
                );
              }
              const ou = row.original;
              const selected = allMatching || row.getIsSelected();
              return (
                <div role="row" aria-rowindex={item.index + 2} aria-selected={selected} key={row.id} className={`ou-row${selected ? ' selected' : ''}`} style={style}>
                  <div role="gridcell" className="ou-cell">
                    <input type="checkbox" aria-label={`Select ${ou.distinguishedName}`} checked={selected} disabled={allMatching} onChange={(e) => row.toggleSelected(e.target.checked)} />
                  </div>
                  <div role="gridcell" className="ou-cell dn" title={ou.distinguishedName}>
                    {ou.distinguishedName}
                  </div>
                  <div role="gridcell" className="ou-cell">
                    {ou.domain}
                  </div>
                  {COUNTS.map((c) => (
                    <div role="gridcell" className="ou-cell num" key={c}>
                      <CountCell ou={ou} count={c} onSave={(value) => saveOu({ ...ou, [c]: value })} />
                    </div>
                  ))}
                  <div role="gridcell" className="ou-cell scope">
                    <select
                      aria-label={`In Connect scope: ${ou.distinguishedName}`}
                      value={scopeText(ou.inConnectScope)}
                      onChange={(e) => void saveOu({ ...ou, inConnectScope: e.target.value === '' ? null : e.target.value === 'yes' })}
                    >
                      <option value="">Unknown</option>
                      <option value="yes">Yes</option>
                      <option value="no">No</option>
                    </select>
                    <button type="button" className="small danger ghost" onClick={() => void remove.request('ou', [ou.distinguishedName])} aria-label={`Delete ${ou.distinguishedName}`}>
                      ×
                    </button>
                  </div>
                </div>
              );
            })}
          </div>
        </div>
      </div>
      {total === 0 && pages.every((p) => p !== undefined) && (
        <p className="muted empty">{domain || text ? 'No OU matches the filter.' : 'No OUs yet. Import Get-ADOrganizationalUnit or the ous template, or add one.'}</p>
      )}
      {remove.confirmation}
    </div>
  );
}
