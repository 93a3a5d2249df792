/**
 * Programme outcomes on a person: dated indicator observations (education, activities, employment,
 * housing, health follow-up, legal case status, the rehabilitation assessment), recorded and read
 * by the roles {@code config/outcomes.yaml} names, values sealed under the person's data key,
 * history never overwritten. The reports on them are in {@code reports}.
 */
package org.zhusan.vault.outcomes;
