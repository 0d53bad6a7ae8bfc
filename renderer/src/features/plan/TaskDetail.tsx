import { useEffect, useId, useRef } from 'react';
import type { IsoDate, PlanTask } from '../../../../shared/plan/plan-schema';
import type { TaskDetails } from '../../../../shared/ipc/contracts/plan';
import { useRead } from '../../api/workshop-data';
import { useNotifier } from '../../ui/notifications';
import { ReadState } from '../workshop/ReadState';
import { copyText } from './copy-text';
import { OWNER_ROLE_LABELS } from '../../../../shared/plan/labels';
import { useCommittedInput } from './use-committed-input';

interface Props {
  today: IsoDate;
  taskId: string;
  onDuration: (days: number | null) => void;
  onSelect: (taskId: string) => void;
  onClose: () => void;
}

function DurationEditor({ task, onDuration }: { task: PlanTask; onDuration: Props['onDuration'] }) {
  const id = useId();
  const parse = (text: string) => {
    const n = Number(text);
    return text.trim() !== '' && Number.isInteger(n) && n >= 0 && n <= 250 ? n : undefined;
  };
  const { valid, inputProps } = useCommittedInput(String(task.duration), parse, onDuration);
  return (
    <div className="row">
      <label htmlFor={id}>Duration (working days)</label>
      <input id={id} type="number" min={0} max={250} className="duration-input" {...inputProps} />
      {task.durationEdited && (
        <button type="button" className="small" onClick={() => onDuration(null)}>
          Back to the default
        </button>
      )}
      {!valid && <p className="field-error">A whole number of working days from 0 to 250.</p>}
    </div>
  );
}

/**
 * One task: when, who, what it needs and proves, how to undo it, and its runbook to copy. Its texts are
 * asked for when it is opened (the timeline has only its outline).
 */
export function TaskDetail({ today, taskId, onDuration, onSelect, onClose }: Props) {
  const read = useRead('plan.task', { today, task: taskId });
  const heading = useRef<HTMLHeadingElement>(null);
  // Keyboard users land on the task they opened, not back at the top of the timeline.
  useEffect(() => heading.current?.focus(), [taskId]);
  const details = read.data;
  return (
    <aside className="panel task-detail" aria-label="Task details" onKeyDown={(e) => e.key === 'Escape' && !(e.target instanceof HTMLInputElement) && onClose()}>
      <div className="task-detail-head">
        <h3 ref={heading} tabIndex={-1}>
          {details ? details.task.title : details === null ? 'Task no longer planned' : 'Task details'}
        </h3>
        <button type="button" className="ghost" aria-label="Close task details" onClick={onClose}>
          ×
        </button>
      </div>
      {details ? (
        <TaskFacts details={details} onDuration={onDuration} onSelect={onSelect} />
      ) : details === null ? (
        <p className="muted">A change to the plan or the estate removed this task. Pick another in the timeline.</p>
      ) : (
        <ReadState read={read} loading="Loading the task…" />
      )}
    </aside>
  );
}

function TaskFacts({ details, onDuration, onSelect }: { details: TaskDetails } & Pick<Props, 'onDuration' | 'onSelect'>) {
  const notifier = useNotifier();
  const { task } = details;
  const copy = async () => {
    if (!task.runbook) return;
    const done = await copyText(task.runbook.script);
    notifier.notify(done ? { kind: 'info', message: 'Runbook copied. Review it before running.' } : { kind: 'error', message: 'Could not copy: select the runbook text and copy it by hand.' });
  };
  return (
    <>
      {task.critical && (
        <p className="critical-note">
          <span aria-hidden="true">◆</span> On the critical path: a day longer here is a day later for the whole plan.
        </p>
      )}
      <dl className="task-facts">
        <dt>Forest</dt>
        <dd>{task.forest ?? 'All'}</dd>
        {task.domain && (
          <>
            <dt>Domain</dt>
            <dd>{task.domain}</dd>
          </>
        )}
        <dt>Phase</dt>
        <dd>{details.phase}</dd>
        <dt>Owner</dt>
        <dd>{OWNER_ROLE_LABELS[task.ownerRole]}</dd>
        <dt>Dates</dt>
        <dd>
          {task.start} to {task.end}
        </dd>
      </dl>
      <DurationEditor key={task.id} task={task} onDuration={onDuration} />
      {details.after.length > 0 && (
        <>
          <h4>After</h4>
          <ul className="task-deps">
            {details.after.map(({ id, title }) => (
              <li key={id}>
                <button type="button" className="link" onClick={() => onSelect(id)}>
                  {title}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <h4>Entry criteria</h4>
      <ul>
        {task.entryCriteria.map((c, i) => (
          <li key={i}>{c}</li>
        ))}
      </ul>
      <h4>Exit criteria</h4>
      <ul>
        {task.exitCriteria.map((c, i) => (
          <li key={i}>{c}</li>
        ))}
      </ul>
      <h4>Rollback</h4>
      <p>{task.rollback ?? 'Nothing to roll back: this task changes nothing in production.'}</p>
      {task.findings.length > 0 && (
        <p className="muted">
          Resolves finding{task.findings.length === 1 ? '' : 's'}: {task.findings.join(', ')}
        </p>
      )}
      {task.runbook && (
        <section className="runbook" aria-label="Runbook">
          <div className="runbook-head">
            <h4>Runbook (PowerShell)</h4>
            <button type="button" className="small" onClick={() => void copy()}>
              Copy runbook
            </button>
          </div>
          <p className="review-warning" role="note">
            <span aria-hidden="true">⚠</span> {task.runbook.heading}
          </p>
          <pre tabIndex={0} aria-label="Runbook script">
            <code>{task.runbook.script}</code>
          </pre>
        </section>
      )}
    </>
  );
}
