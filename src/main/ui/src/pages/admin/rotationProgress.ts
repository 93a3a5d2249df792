import type { BlindIndexStatus } from '../../api';

/**
 * What the blind-index rotation's bar shows: people re-keyed of those to do, then (documents phase and
 * after) document versions re-indexed of the total of the re-index run the rotation names — its live
 * progress while it is the latest run, the rotation's own figures otherwise. Never the people's figures
 * under the documents' label.
 */
export function rotationProgress(status: BlindIndexStatus | null): { inDocuments: boolean; done: number; total: number } {
  const rotation = status?.rotation ?? null;
  if (!rotation) return { inDocuments: false, done: 0, total: 0 };
  const inDocuments = rotation.phase === 'DOCUMENTS' || (rotation.phase === 'FINISHED' && !!rotation.reindexRunId);
  if (!inDocuments) return { inDocuments, done: rotation.subjectsRekeyed + rotation.subjectsFailed, total: rotation.subjectsToDo };
  const reindex = status?.reindex;
  return reindex && reindex.id === rotation.reindexRunId ? { inDocuments, done: reindex.processed, total: reindex.total }
    : { inDocuments, done: rotation.documentVersions, total: rotation.documentVersionsToDo };
}
