-- Regional centres. Staff (token claim "centres") and subjects belong to one of them.
CREATE TABLE centre (
    code   VARCHAR(16)  PRIMARY KEY CHECK (code ~ '^[A-Z]{3}-[0-9]{2}$'), -- e.g. AST-01
    name   VARCHAR(200) NOT NULL,
    region VARCHAR(200) NOT NULL
);

-- 17 example centres, one per region of Kazakhstan (14 oblasts and 3 cities of republican status).
INSERT INTO centre (code, name, region) VALUES
    ('AST-01', 'Astana Rehabilitation Centre',           'Astana'),
    ('ALA-01', 'Almaty City Rehabilitation Centre',      'Almaty'),
    ('SHY-01', 'Shymkent Rehabilitation Centre',         'Shymkent'),
    ('AKM-01', 'Kokshetau Rehabilitation Centre',        'Akmola Region'),
    ('AKT-01', 'Aktobe Rehabilitation Centre',           'Aktobe Region'),
    ('ALR-01', 'Konaev Rehabilitation Centre',           'Almaty Region'),
    ('ATY-01', 'Atyrau Rehabilitation Centre',           'Atyrau Region'),
    ('EKZ-01', 'Oskemen Rehabilitation Centre',          'East Kazakhstan Region'),
    ('ZHA-01', 'Taraz Rehabilitation Centre',            'Jambyl Region'),
    ('WKZ-01', 'Oral Rehabilitation Centre',             'West Kazakhstan Region'),
    ('KAR-01', 'Karaganda Rehabilitation Centre',        'Karaganda Region'),
    ('KOS-01', 'Kostanay Rehabilitation Centre',         'Kostanay Region'),
    ('KZO-01', 'Kyzylorda Rehabilitation Centre',        'Kyzylorda Region'),
    ('MAN-01', 'Aktau Rehabilitation Centre',            'Mangystau Region'),
    ('PAV-01', 'Pavlodar Rehabilitation Centre',         'Pavlodar Region'),
    ('NKZ-01', 'Petropavl Rehabilitation Centre',        'North Kazakhstan Region'),
    ('TUR-01', 'Turkistan Rehabilitation Centre',        'Turkistan Region');
