// Small shared state: the public config and the break-glass sessions opened in this page.
import { createContext, useContext } from 'react';
import type { UiConfig } from './config';
import type { Locale } from './i18n';

export interface BreakGlassOpen {
  documentId: string;
  title: string;
  expiresAt: string;
}

export interface AppState {
  config: UiConfig;
  locale: Locale;
  setLocale: (l: Locale) => void;
  breakGlass: BreakGlassOpen[];
  addBreakGlass: (b: BreakGlassOpen) => void;
  signOut: () => void;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const s = useContext(AppContext);
  if (!s) throw new Error('AppContext missing');
  return s;
}

/** Purposes of use each role may state (mirrors the default access policy; the server decides). */
export const PURPOSES_BY_ROLE: Record<string, string[]> = {
  LAWYER: ['LEGAL_PROCEEDING', 'SOCIAL_SUPPORT', 'EMERGENCY'],
  PSYCHOLOGIST: ['TREATMENT', 'ASSESSMENT', 'LEGAL_PROCEEDING', 'EMERGENCY'],
  PSYCHIATRIST: ['TREATMENT', 'ASSESSMENT', 'LEGAL_PROCEEDING', 'EMERGENCY'],
  DOCTOR: ['TREATMENT', 'ASSESSMENT', 'EMERGENCY'],
  SOCIAL_WORKER: ['SOCIAL_SUPPORT', 'ASSESSMENT', 'LEGAL_PROCEEDING', 'EDUCATION', 'EMERGENCY'],
  TEACHER: ['EDUCATION', 'ASSESSMENT'],
  THEOLOGIAN: ['PASTORAL'],
  NGO_PARTNER: ['EDUCATION', 'SOCIAL_SUPPORT'],
  AUDITOR: ['AUDIT'],
  ADMIN: [],
  ANALYST: [],
};

export const ALL_PURPOSES = ['TREATMENT', 'LEGAL_PROCEEDING', 'ASSESSMENT', 'AUDIT', 'EMERGENCY', 'SOCIAL_SUPPORT', 'EDUCATION', 'PASTORAL'];

export function purposesFor(roles: string[]): string[] {
  const set = new Set<string>();
  roles.forEach((r) => (PURPOSES_BY_ROLE[r] ?? []).forEach((p) => set.add(p)));
  return ALL_PURPOSES.filter((p) => set.has(p));
}

/** Document types each role may file (mirrors the default access policy; the server decides). */
export const WRITABLE_BY_ROLE: Record<string, string[]> = {
  LAWYER: ['IDENTITY', 'COURT', 'CONSENT', 'CORRESPONDENCE'],
  PSYCHOLOGIST: ['PSYCH_EVALUATION'],
  PSYCHIATRIST: ['PSYCH_EVALUATION'],
  DOCTOR: ['MEDICAL', 'CONSENT'],
  SOCIAL_WORKER: ['IDENTITY', 'SOCIAL', 'CONSENT', 'CORRESPONDENCE'],
  TEACHER: ['EDUCATION'],
  THEOLOGIAN: ['THEOLOGICAL'],
  NGO_PARTNER: [],
};

export const DOC_TYPES = ['IDENTITY', 'COURT', 'PSYCH_EVALUATION', 'MEDICAL', 'SOCIAL', 'EDUCATION', 'THEOLOGICAL', 'CONSENT', 'CORRESPONDENCE'];

export function writableTypes(roles: string[]): string[] {
  const set = new Set<string>();
  roles.forEach((r) => (WRITABLE_BY_ROLE[r] ?? []).forEach((t) => set.add(t)));
  return DOC_TYPES.filter((t) => set.has(t));
}

export const STAGES = ['ADAPTATION', 'REHABILITATION', 'REINTEGRATION', 'CLOSED'];
export const ROLES = ['LAWYER', 'PSYCHOLOGIST', 'PSYCHIATRIST', 'DOCTOR', 'SOCIAL_WORKER', 'TEACHER', 'THEOLOGIAN', 'NGO_PARTNER', 'AUDITOR', 'ADMIN', 'ANALYST'];
export const LEGAL_STATUSES = ['NONE', 'UNDER_INVESTIGATION', 'CHARGED', 'CONVICTED', 'ACQUITTED', 'AMNESTIED'];
