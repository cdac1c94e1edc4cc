package de.digitalcheck.portal.shared.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.multipart.CompletedFileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Uploaded files of multipart forms. */
public final class Uploads {

    private Uploads() {
    }

    /** The bytes of an uploaded file, empty when no file was chosen; its content is for the caller to check. */
    public static byte[] bytes(@Nullable CompletedFileUpload upload) {
        if (upload == null) {
            return new byte[0];
        }
        try {
            return upload.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
