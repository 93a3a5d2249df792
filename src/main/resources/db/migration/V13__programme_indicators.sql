-- Programme outcomes (docs/reports.md): dated indicator observations per person. The kind of
-- observation is plain (reports select by it); its value is sealed under the subject's data key, bound
-- to this row and column, so a dump does not reveal a person's assessment, and shredding the person
-- makes every value unreadable. History is kept: a row is never changed or deleted; a correction is a
-- new row naming the one it corrects (each row is corrected at most once).
CREATE TABLE indicator_observation (
    id           UUID        PRIMARY KEY,
    subject_id   UUID        NOT NULL REFERENCES subject (id),
    kind         TEXT        NOT NULL CHECK (kind IN ('EDUCATION', 'ACTIVITY', 'EMPLOYMENT', 'HOUSING',
                                                      'HEALTH_FOLLOW_UP', 'LEGAL_CASE', 'IDEOLOGY_ASSESSMENT')),
    value_ct     BYTEA       NOT NULL,
    observed_on  DATE        NOT NULL,
    document_id  UUID        REFERENCES document (id),
    corrects     UUID        UNIQUE REFERENCES indicator_observation (id),
    recorded_at  TIMESTAMPTZ NOT NULL,
    recorded_by  TEXT        NOT NULL
);
CREATE INDEX indicator_observation_subject_idx ON indicator_observation (subject_id, kind, observed_on);
CREATE INDEX indicator_observation_kind_idx ON indicator_observation (kind, observed_on);

CREATE TRIGGER indicator_observation_immutable BEFORE UPDATE OR DELETE ON indicator_observation
    FOR EACH ROW EXECUTE FUNCTION reject_change_immutable();
CREATE TRIGGER indicator_observation_no_truncate BEFORE TRUNCATE ON indicator_observation
    FOR EACH STATEMENT EXECUTE FUNCTION reject_change_immutable();
