package de.digitalcheck.portal.accounts.web;

import io.micronaut.http.multipart.CompletedFileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The bytes of an uploaded logo file (empty when no file was chosen); the content is checked by the administration. */
final class LogoUpload {

    private LogoUpload() {
    }

    static byte[] bytes(CompletedFileUpload upload) {
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
