-- One schema for MySQL 8 / MariaDB 10.11+ and H2 (MySQL mode). Instants are stored in UTC.

CREATE TABLE agency (
    id          VARCHAR(40)  NOT NULL PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    short_name  VARCHAR(80)  NOT NULL,
    email       VARCHAR(254) NOT NULL,
    phone       VARCHAR(50),
    website     VARCHAR(500),
    address     VARCHAR(300),
    created_at  DATETIME(3)  NOT NULL
);

CREATE TABLE territory (
    ags_prefix  VARCHAR(8)   NOT NULL PRIMARY KEY,
    agency_id   VARCHAR(40)  NOT NULL,
    CONSTRAINT fk_territory_agency FOREIGN KEY (agency_id) REFERENCES agency (id)
);
CREATE INDEX ix_territory_agency ON territory (agency_id);

CREATE TABLE funding_programme (
    id          VARCHAR(64)   NOT NULL PRIMARY KEY,
    name_de     VARCHAR(200)  NOT NULL,
    name_en     VARCHAR(200)  NOT NULL,
    provider    VARCHAR(200)  NOT NULL,
    summary_de  VARCHAR(1000) NOT NULL,
    summary_en  VARCHAR(1000) NOT NULL,
    url         VARCHAR(500)  NOT NULL,
    region_ags  VARCHAR(8)    NOT NULL,
    dimensions  VARCHAR(200)  NOT NULL,
    max_level   INT           NOT NULL,
    sme_only    BOOLEAN       NOT NULL,
    valid_from  DATE          NOT NULL,
    valid_until DATE
);

CREATE TABLE assessment (
    id                    CHAR(36)     NOT NULL PRIMARY KEY,
    token_hash            CHAR(64)     NOT NULL,
    questionnaire_version VARCHAR(20)  NOT NULL,
    status                VARCHAR(20)  NOT NULL,
    language              CHAR(2)      NOT NULL,
    company_name          VARCHAR(200) NOT NULL,
    postal_code           CHAR(5)      NOT NULL,
    ags                   CHAR(8)      NOT NULL,
    municipality          VARCHAR(200) NOT NULL,
    sector                CHAR(1)      NOT NULL,
    employees             INT          NOT NULL,
    size_class            VARCHAR(10)  NOT NULL,
    company_type          VARCHAR(30)  NOT NULL,
    contact_name          VARCHAR(200),
    contact_email         VARCHAR(254),
    contact_phone         VARCHAR(50),
    answers               TEXT         NOT NULL,
    score                 DOUBLE,
    overall_level         INT,
    level_strategy        INT,
    level_factory         INT,
    level_operations      INT,
    level_products        INT,
    level_services        INT,
    level_employees       INT,
    agency_id             VARCHAR(40),
    previous_id           CHAR(36),
    created_at            DATETIME(3)  NOT NULL,
    updated_at            DATETIME(3)  NOT NULL,
    completed_at          DATETIME(3),
    CONSTRAINT uq_assessment_token UNIQUE (token_hash),
    CONSTRAINT fk_assessment_agency FOREIGN KEY (agency_id) REFERENCES agency (id)
);
CREATE INDEX ix_assessment_peers ON assessment (status, sector, size_class);
