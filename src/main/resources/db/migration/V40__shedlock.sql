-- Locks of the scheduled jobs (ShedLock, shared.scheduling.ScheduledJobs): one row per job, held by the replica that
-- runs it until lock_until, so that each job runs on one replica per period however many replicas there are.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until DATETIME(3)  NOT NULL,
    locked_at  DATETIME(3)  NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);
