/**
 * Subjects (returnee women and children): registration, encrypted identifying fields, blind-index
 * lookup, programme stages, family links.
 */
package org.zhusan.vault.subjects;
