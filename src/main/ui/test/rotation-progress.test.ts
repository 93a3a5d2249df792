import { describe, expect, it } from 'vitest';
import type { BlindIndexRotationRun, BlindIndexStatus, ReindexRun } from '../src/api';
import { rotationProgress } from '../src/pages/admin/rotationProgress';

const rotation = (r: Partial<BlindIndexRotationRun>): BlindIndexRotationRun => ({
  id: 'rot', targetVersion: 3, state: 'RUNNING', phase: 'SUBJECTS', subjectsToDo: 107, subjectsRekeyed: 0, subjectsFailed: 0,
  documentVersionsToDo: 0, documentVersions: 0, documentVersionsFailed: 0, startedBy: 'admin', startedAt: '', ...r,
});
const reindex = (r: Partial<ReindexRun>): ReindexRun => ({
  id: 'ri', scope: 'OLD_KEY', state: 'RUNNING', processed: 0, indexed: 0, notIndexed: 0, failed: 0, skipped: 0,
  startedBy: 'admin', startedAt: '', total: 0, ...r,
});
const status = (rot?: BlindIndexRotationRun, ri?: ReindexRun): BlindIndexStatus =>
  ({ primaryVersion: 3, loadedVersions: [3], versions: [], rotation: rot, reindex: ri });

describe('the blind-index rotation bar', () => {
  it('shows nothing without a run', () => {
    expect(rotationProgress(null)).toEqual({ inDocuments: false, done: 0, total: 0 });
  });
  it('counts people re-keyed first', () => {
    expect(rotationProgress(status(rotation({ subjectsRekeyed: 40, subjectsFailed: 2 })))).toEqual({ inDocuments: false, done: 42, total: 107 });
  });
  it('never shows the people under the documents label before the re-index is named', () => {
    const rot = rotation({ phase: 'DOCUMENTS', subjectsRekeyed: 107 });
    expect(rotationProgress(status(rot, reindex({ id: 'earlier', state: 'DONE', processed: 5, total: 5 })))).toEqual({ inDocuments: true, done: 0, total: 0 });
  });
  it('follows the re-index run the rotation names', () => {
    const rot = rotation({ phase: 'DOCUMENTS', subjectsRekeyed: 107, reindexRunId: 'ri', documentVersionsToDo: 9 });
    expect(rotationProgress(status(rot, reindex({ processed: 3, total: 9 })))).toEqual({ inDocuments: true, done: 3, total: 9 });
  });
  it('ends on that run, or on its own figures once a later run replaced it', () => {
    const rot = rotation({ state: 'DONE', phase: 'FINISHED', subjectsRekeyed: 107, reindexRunId: 'ri', documentVersionsToDo: 9, documentVersions: 9 });
    expect(rotationProgress(status(rot, reindex({ state: 'DONE', processed: 9, total: 9 })))).toEqual({ inDocuments: true, done: 9, total: 9 });
    expect(rotationProgress(status(rot, reindex({ id: 'later', scope: 'STALE', processed: 1, total: 4 })))).toEqual({ inDocuments: true, done: 9, total: 9 });
  });
});
