package cn.uniondesk.service;

/** Progress of an import: rows done of rows in total (total is -1 while unknown). */
@FunctionalInterface
public interface ImportProgress {
    ImportProgress NONE = (done, total) -> { };

    void update(long rowsDone, long rowsTotal);
}
