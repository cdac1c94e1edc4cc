package de.digitalcheck.portal.routing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * A logo without what a camera, an editor or a phone wrote beside its image: a logo is served to every visitor, and a
 * JPEG's Exif block carries where a photo was taken (GPS), the camera and its serial number, the author and a
 * thumbnail of the uncropped original; a PNG's text chunks carry author, software, comments. Segments and chunks are
 * dropped, nothing is decoded and encoded again: the image data are copied byte for byte, so the pixels stay exactly
 * as uploaded (a JPEG encoded again would lose quality).
 *
 * <p>A JPEG keeps the segments that decode its image (tables, frame, scans) and those that say how to show its
 * colours: the JFIF header (without a thumbnail), the ICC profile ({@code APP2 ICC_PROFILE}) and Adobe's colour
 * transform ({@code APP14 Adobe}, without which a CMYK file shows other colours). Gone: Exif and XMP ({@code APP1},
 * with the Exif orientation: the logo is shown as its pixels are stored, as the report's PDF always showed it),
 * IPTC ({@code APP13}), every other application segment, comments ({@code COM}), and whatever follows the end of the
 * image (more pictures of a phone's file, appended data).
 *
 * <p>A PNG keeps its image chunks ({@code IHDR}, {@code PLTE}, {@code IDAT}, {@code IEND}), transparency
 * ({@code tRNS}) and those that say how its colours and pixels are shown ({@code cHRM}, {@code gAMA}, {@code iCCP},
 * {@code sBIT}, {@code sRGB}, {@code cICP}, {@code mDCV}, {@code cLLI}, {@code bKGD}, {@code pHYs}); any other chunk
 * goes — {@code tEXt}, {@code zTXt}, {@code iTXt}, {@code eXIf}, {@code tIME}, an editor's own chunks, and an animated
 * PNG's further frames (its first image stays) — and so does anything after {@code IEND}.
 */
final class LogoMetadata {

    /** The PNG chunks a logo keeps (PNG 3rd edition's names and the earlier {@code mDCv}, {@code cLLi}). */
    static final Set<String> PNG_CHUNKS = Set.of("IHDR", "PLTE", "IDAT", "IEND", "tRNS", "cHRM", "gAMA", "iCCP", "sBIT",
        "sRGB", "cICP", "mDCV", "mDCv", "cLLI", "cLLi", "bKGD", "pHYs");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a};
    private static final int SOI = 0xd8;
    private static final int EOI = 0xd9;
    private static final int SOS = 0xda;
    private static final int APP0 = 0xe0;
    private static final int APP2 = 0xe2;
    private static final int APP14 = 0xee;
    private static final int COM = 0xfe;

    private LogoMetadata() {
    }

    /**
     * The logo without its metadata; {@code type}: {@code image/png} or {@code image/jpeg}, as its signature says.
     *
     * @throws IllegalArgumentException where its structure cannot be followed to its end (a segment or chunk longer
     *                                  than the file, no end): such a file is refused, not stored with what it carries
     */
    static byte[] stripped(String type, byte[] content) {
        return "image/png".equals(type) ? png(content) : jpeg(content);
    }

    private static byte[] png(byte[] b) {
        if (b.length < PNG_SIGNATURE.length || !Arrays.equals(b, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0,
            PNG_SIGNATURE.length)) {
            throw new IllegalArgumentException("no PNG signature");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(b, 0, PNG_SIGNATURE.length);
        int i = PNG_SIGNATURE.length;
        while (i + 12 <= b.length) {
            long length = ((b[i] & 0xffL) << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
            if (length > b.length - i - 12L) {
                break;
            }
            int size = 12 + (int) length;
            String chunk = new String(b, i + 4, 4, StandardCharsets.ISO_8859_1);
            if (PNG_CHUNKS.contains(chunk)) {
                out.write(b, i, size);
            }
            if (chunk.equals("IEND")) {
                return out.toByteArray();
            }
            i += size;
        }
        throw new IllegalArgumentException("PNG chunks do not reach IEND");
    }

    private static byte[] jpeg(byte[] b) {
        if (b.length < 4 || (b[0] & 0xff) != 0xff || (b[1] & 0xff) != SOI) {
            throw new IllegalArgumentException("no JPEG start of image");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(b, 0, 2);
        int i = 2;
        while (i + 1 < b.length) {
            if ((b[i] & 0xff) != 0xff || (b[i + 1] & 0xff) == 0xff) {
                i++; // fill bytes before a marker, and bytes a decoder skips as extraneous: not copied
                continue;
            }
            int marker = b[i + 1] & 0xff;
            if (marker == EOI) {
                out.write(b, i, 2);
                return out.toByteArray();
            }
            if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
                out.write(b, i, 2); // markers without a segment (TEM, RSTn)
                i += 2;
                continue;
            }
            if (i + 4 > b.length) {
                break;
            }
            int length = ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
            if (length < 2 || i + 2 + length > b.length) {
                break;
            }
            int end = i + 2 + length;
            if (marker == APP0) {
                jfifWithoutThumbnail(b, i, length, out);
            } else if (marker == APP2 && startsWith(b, i + 4, end, "ICC_PROFILE\0")
                || marker == APP14 && startsWith(b, i + 4, end, "Adobe")
                || !(marker >= APP0 && marker <= 0xef) && marker != COM) {
                out.write(b, i, end - i);
            }
            i = end;
            if (marker == SOS) {
                i = copyScan(b, i, out);
            }
        }
        throw new IllegalArgumentException("JPEG segments do not reach the end of the image");
    }

    /** The entropy-coded data after a scan's header up to the next marker: its bytes, stuffed {@code FF 00} and RSTn. */
    private static int copyScan(byte[] b, int from, ByteArrayOutputStream out) {
        int i = from;
        while (i + 1 < b.length) {
            if ((b[i] & 0xff) == 0xff) {
                int next = b[i + 1] & 0xff;
                if (next != 0x00 && !(next >= 0xd0 && next <= 0xd7)) {
                    break;
                }
                i += 2;
            } else {
                i++;
            }
        }
        out.write(b, from, i - from);
        return i;
    }

    /**
     * The JFIF header (version, units, density) without its thumbnail; any other {@code APP0} ({@code JFXX}, which
     * holds a thumbnail too, or a program's own) is left out.
     */
    private static void jfifWithoutThumbnail(byte[] b, int at, int length, ByteArrayOutputStream out) {
        if (length < 16 || !startsWith(b, at + 4, at + 2 + length, "JFIF\0")) {
            return;
        }
        byte[] header = Arrays.copyOfRange(b, at, at + 18);
        header[2] = 0;
        header[3] = 16;
        header[16] = 0; // thumbnail width
        header[17] = 0; // and height
        out.write(header, 0, header.length);
    }

    private static boolean startsWith(byte[] b, int from, int end, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.ISO_8859_1);
        return end - from >= p.length && Arrays.equals(b, from, from + p.length, p, 0, p.length);
    }
}
