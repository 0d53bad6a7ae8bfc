import { useCallback, useEffect, useRef, useState } from 'react';
import type { EventPayload } from '../../../../shared/ipc/contract';
import type { ImportPreview, ImportSummary } from '../../../../shared/import/summary';
import type { AppError } from '../../../../shared/result';
import { api } from '../../api/transport';
import { useRefresh } from '../../api/workshop-data';
import { useNotifier } from '../../ui/notifications';
import { displayBases, type PickedFile } from './paths';
import { isDesktop, pathsForPicked, takeDropped, walkEntries } from './sources';
import { plural } from '../../../../shared/engine/format';

type Progress = EventPayload<'importProgress'>;

/**
 * One import, step by step: files chosen or dropped → preview (nothing written) → run with progress
 * and cancel → summary. Lives in the workshop view, so a drop anywhere on the workshop, or the menu,
 * can start it, and switching tabs during a long import loses nothing.
 */
export type ImportStage =
  | { step: 'idle' }
  /** Uploading (browser) or walking dropped folders. */
  | { step: 'gathering'; message: string }
  | { step: 'previewing'; paths: string[] }
  | { step: 'preview'; paths: string[]; preview: ImportPreview }
  | { step: 'running'; paths: string[]; preview: ImportPreview; progress: Progress | null; cancelling: boolean }
  /** `cancelTooLate`: Cancel was pressed, but the import had already written everything. */
  | { step: 'done'; summary: ImportSummary; cancelTooLate: boolean }
  | { step: 'cancelled' }
  /** `again`: what a failed run imported, to try once more (the workshop was busy elsewhere). */
  | { step: 'failed'; during: 'choose' | 'preview' | 'run'; error: AppError; again?: { paths: string[]; preview: ImportPreview } };

export interface ImportFlow {
  stage: ImportStage;
  /** Folders that shown paths are made relative to. */
  bases: string[];
  fromPicked(picked: PickedFile[]): void;
  /** Call from the drop event itself: the DataTransfer empties once the event returns. */
  fromDrop(data: DataTransfer): void;
  /** Electron's native file dialog; false where there is none (the browser harness). */
  chooseNative(): Promise<boolean>;
  run(): void;
  /** Runs a failed import again, with the same files. */
  retry(): void;
  cancel(): void;
  reset(): void;
}

const CANCEL_RETRY_MS = 150;
const CANCEL_RETRIES = 40;

export function useImportFlow(): ImportFlow {
  const notifier = useNotifier();
  const refresh = useRefresh();
  const [stage, setStage] = useState<ImportStage>({ step: 'idle' });
  const [bases, setBases] = useState<string[]>([]);
  /** Bumped by every new start or reset, so answers to an abandoned step are dropped. */
  const generation = useRef(0);
  /** An `import.run` is in flight: nothing else may start until it answers. */
  const running = useRef(false);
  const cancelRequested = useRef(false);

  useEffect(
    () =>
      api.on('importProgress', (progress) => {
        setStage((s) => (s.step === 'running' ? { ...s, progress } : s));
      }),
    [],
  );

  const refuseWhileRunning = useCallback(() => {
    if (!running.current) return false;
    notifier.notify({ kind: 'info', message: 'An import is running; wait for it to finish or cancel it first.' });
    return true;
  }, [notifier]);

  const previewPaths = useCallback(async (paths: string[], gen: number) => {
    if (gen !== generation.current) return;
    setBases(displayBases(paths));
    setStage({ step: 'previewing', paths });
    const result = await api['import.preview']({ paths });
    if (gen !== generation.current) return;
    setStage(result.ok ? { step: 'preview', paths, preview: result.value } : { step: 'failed', during: 'preview', error: result.error });
  }, []);

  const fromPickedAt = useCallback(
    async (picked: PickedFile[], gen: number) => {
      if (!isDesktop) {
        const files = plural(picked.length, 'file', 'files');
        setStage({ step: 'gathering', message: `Uploading ${files} to SyncPlan…` });
      }
      const result = await pathsForPicked(picked);
      if (gen !== generation.current) return;
      if (!result.ok) {
        setBases([]);
        setStage({ step: 'failed', during: 'choose', error: result.error });
        return;
      }
      await previewPaths(result.value, gen);
    },
    [previewPaths],
  );

  const fromPicked = useCallback(
    (picked: PickedFile[]) => {
      if (refuseWhileRunning() || picked.length === 0) return;
      const gen = ++generation.current;
      void fromPickedAt(picked, gen);
    },
    [fromPickedAt, refuseWhileRunning],
  );

  const fromDrop = useCallback(
    (data: DataTransfer) => {
      if (refuseWhileRunning()) return;
      const dropped = takeDropped(data);
      const gen = ++generation.current;
      if (dropped.type === 'paths') {
        if (dropped.paths.length > 0) void previewPaths(dropped.paths, gen);
        return;
      }
      if (dropped.entries.length === 0 && dropped.files.length === 0) return;
      setStage({ step: 'gathering', message: 'Reading the dropped files and folders…' });
      void walkEntries(dropped.entries, dropped.files).then(
        (picked) => fromPickedAt(picked, gen),
        (error: unknown) => {
          if (gen !== generation.current) return;
          setStage({ step: 'failed', during: 'choose', error: { code: 'drop', message: `The dropped items could not be read: ${String(error)}` } });
        },
      );
    },
    [fromPickedAt, previewPaths, refuseWhileRunning],
  );

  const chooseNative = useCallback(async () => {
    if (!isDesktop) return false;
    if (refuseWhileRunning()) return true;
    const result = await api['import.choosePaths']({});
    if (!result.ok) {
      notifier.error(result.error);
      return true;
    }
    if (result.value && result.value.length > 0) void previewPaths(result.value, ++generation.current);
    return true;
  }, [notifier, previewPaths, refuseWhileRunning]);

  const start = useCallback((paths: string[], preview: ImportPreview) => {
    const gen = ++generation.current;
    running.current = true;
    cancelRequested.current = false;
    setStage({ step: 'running', paths, preview, progress: null, cancelling: false });
    void api['import.run']({ paths }).then((result) => {
      running.current = false;
      // Whatever the import wrote makes every cached view of the workshop stale.
      if (result.ok) refresh();
      if (gen !== generation.current) return;
      if (result.ok) setStage({ step: 'done', summary: result.value, cancelTooLate: cancelRequested.current });
      else if (result.error.code === 'cancelled') setStage({ step: 'cancelled' });
      else setStage({ step: 'failed', during: 'run', error: result.error, again: { paths, preview } });
    });
  }, [refresh]);

  const run = useCallback(() => {
    if (stage.step === 'preview' && !running.current) start(stage.paths, stage.preview);
  }, [stage, start]);

  const retry = useCallback(() => {
    if (stage.step === 'failed' && stage.again && !running.current) start(stage.again.paths, stage.again.preview);
  }, [stage, start]);

  const cancel = useCallback(() => {
    if (!running.current) {
      // Before anything runs, cancelling just forgets the chosen files.
      generation.current++;
      setStage({ step: 'idle' });
      return;
    }
    if (cancelRequested.current) return;
    cancelRequested.current = true;
    setStage((s) => (s.step === 'running' ? { ...s, cancelling: true } : s));
    // The cancel can overtake the run on its way to the back end (two requests in the harness); it
    // then finds nothing running, so ask again until the run has started or answered.
    const ask = async (tries: number) => {
      const result = await api['import.cancel']({});
      if (!running.current) return;
      if (!result.ok) {
        notifier.error(result.error);
        return;
      }
      if (!result.value && tries > 0) setTimeout(() => void ask(tries - 1), CANCEL_RETRY_MS);
    };
    void ask(CANCEL_RETRIES);
  }, [notifier]);

  const reset = useCallback(() => {
    if (refuseWhileRunning()) return;
    generation.current++;
    setStage({ step: 'idle' });
  }, [refuseWhileRunning]);

  return { stage, bases, fromPicked, fromDrop, chooseNative, run, retry, cancel, reset };
}
