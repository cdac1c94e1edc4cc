-- A coach's calendar settings (issue 14): weekly hours, date overrides and absences as normalised text (one line per
-- weekday, date or absence; parsed by booking.CalendarText), buffers, minimum notice, booking window, daily limit and
-- slot interval. No row: the coach offers no times yet. One statement.
CREATE TABLE coach_calendar (
    coach_id              CHAR(36)      NOT NULL PRIMARY KEY,
    weekly_hours          VARCHAR(1000) NOT NULL,
    overrides             VARCHAR(4000) NOT NULL,
    absences              VARCHAR(2000) NOT NULL,
    buffer_before_minutes INT           NOT NULL,
    buffer_after_minutes  INT           NOT NULL,
    min_notice_minutes    INT           NOT NULL,
    window_days           INT           NOT NULL,
    max_per_day           INT           NOT NULL,
    slot_interval_minutes INT           NOT NULL,
    updated_at            DATETIME(3)   NOT NULL,
    CONSTRAINT fk_coach_calendar_coach FOREIGN KEY (coach_id) REFERENCES coach (account_id) ON DELETE CASCADE
);
