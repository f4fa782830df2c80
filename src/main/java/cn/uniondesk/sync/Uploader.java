package cn.uniondesk.sync;

import java.nio.file.Path;

/** Sends one package upward and says what became of it. */
@FunctionalInterface
public interface Uploader {
    UploadOutcome upload(Path file, String batchId, String sha256);
}
