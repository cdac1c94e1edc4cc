-- Which configured questionnaire version new checks start with, as network admins chose it: the latest row counts
-- (no row: the last configured version); the earlier rows are the choice's history, shown on the admin page.
CREATE TABLE questionnaire_choice (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    version        VARCHAR(20)  NOT NULL,
    chosen_by      CHAR(36)     NOT NULL,
    chosen_by_name VARCHAR(200) NOT NULL,
    chosen_at      DATETIME(3)  NOT NULL
);
