-- Mail waits here from the transaction that decided to send it until a dispatcher has handed it to the SMTP server
-- (then the row is deleted): mail goes out only after its transaction committed, and none is lost when the server is
-- away. At most one attachment (the PDF report). One statement.
CREATE TABLE mail_outbox (
    id               CHAR(36)     NOT NULL PRIMARY KEY,
    recipient        VARCHAR(254) NOT NULL,
    subject          VARCHAR(300) NOT NULL,
    body             MEDIUMTEXT   NOT NULL,
    attachment_name  VARCHAR(200),
    attachment_type  VARCHAR(100),
    attachment       LONGBLOB,
    created_at       DATETIME(3)  NOT NULL,
    attempts         INT          NOT NULL,
    next_attempt_at  DATETIME(3)  NOT NULL,
    claimed_until    DATETIME(3),
    last_error       VARCHAR(500)
);
