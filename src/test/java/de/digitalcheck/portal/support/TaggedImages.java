package de.digitalcheck.portal.support;

import javax.imageio.ImageIO;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Images as a camera, a phone or an editor writes them: with metadata that names a person ({@link #PERSON}), a place
 * and a camera. A JPEG with Exif (GPS position, camera, serial number, author), IPTC, a comment, a JFIF thumbnail and
 * data after its end; beside them an ICC profile and Adobe's colour marker, which say how its colours are shown. A PNG
 * with text chunks ({@code tEXt}, {@code zTXt}, {@code iTXt}), {@code eXIf}, {@code tIME}, an editor's own chunk and
 * data after {@code IEND}; beside them {@code gAMA} and {@code pHYs}.
 */
public final class TaggedImages {

    /** The name every piece of metadata carries. */
    public static final String PERSON = "Max Mustermann";
    /** The GPS position and the camera the Exif block names. */
    public static final String PLACE = "GPS 51.5136N 7.4653E";
    public static final String CAMERA = "Canon EOS 5D SN 0123456";

    private TaggedImages() {
    }

    /** A plain image as {@code ImageIO} writes it (no metadata but JFIF's header), 40 × 20 pixels in a few colours. */
    public static byte[] plain(String format) {
        BufferedImage img = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 40; x++) {
            for (int y = 0; y < 20; y++) {
                img.setRGB(x, y, x < 20 ? 0x0064a0 : 0xf0c020 + y);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] jpeg() {
        byte[] plain = plain("jpeg");
        // ImageIO writes SOI, then JFIF's APP0 (its length 16 without a thumbnail), then the tables: the segments go
        // between
        int app0Length = ((plain[4] & 0xff) << 8) | (plain[5] & 0xff);
        int afterApp0 = 4 + app0Length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        // JFIF with a 2 × 1 thumbnail (RGB, 3 bytes a pixel, here the bytes of "Max Mu")
        byte[] jfif = new byte[14 + 6];
        System.arraycopy(plain, 6, jfif, 0, 14);
        jfif[12] = 2;
        jfif[13] = 1;
        System.arraycopy(ascii(PERSON), 0, jfif, 14, 6);
        segment(out, 0xe0, jfif);
        segment(out, 0xe1, ascii("Exif\0\0MM\0*\0\0\0\u0008 " + PLACE + " " + CAMERA + " Artist " + PERSON));
        segment(out, 0xe1, ascii("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><dc:creator>" + PERSON
            + "</dc:creator></x:xmpmeta>"));
        segment(out, 0xe2, concat(ascii("ICC_PROFILE\0"), new byte[] {1, 1},
            ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
        segment(out, 0xed, ascii("Photoshop 3.0\u00008BIM\u0004\u0004 By-line " + PERSON));
        segment(out, 0xee, new byte[] {'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 1});
        segment(out, 0xfe, ascii("Foto: " + PERSON));
        out.write(plain, afterApp0, plain.length - afterApp0);
        out.writeBytes(ascii("MPF " + PERSON)); // after the end of the image
        return out.toByteArray();
    }

    public static byte[] png() {
        byte[] plain = plain("png");
        int afterIhdr = 8 + 12 + 13;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, afterIhdr);
        chunk(out, "gAMA", new byte[] {0, 0, (byte) 0xb1, (byte) 0x8f});
        chunk(out, "pHYs", new byte[] {0, 0, 0x0b, 0x13, 0, 0, 0x0b, 0x13, 1});
        chunk(out, "tEXt", ascii("Author\0" + PERSON));
        chunk(out, "zTXt", concat(ascii("Comment\0\0"), deflated(PLACE + " " + PERSON)));
        chunk(out, "iTXt", concat(ascii("Description\0\0\0de\0Beschreibung\0"),
            (CAMERA + " " + PERSON).getBytes(StandardCharsets.UTF_8)));
        chunk(out, "eXIf", ascii("MM\0*\0\0\0\u0008 " + PLACE + " " + PERSON));
        chunk(out, "tIME", new byte[] {0x07, (byte) 0xea, 3, 1, 10, 0, 0});
        chunk(out, "prVt", ascii("Ebene 1 " + PERSON));
        out.write(plain, afterIhdr, plain.length - afterIhdr);
        out.writeBytes(ascii(PERSON)); // after IEND
        return out.toByteArray();
    }

    /** The pixels as ARGB, row by row. */
    public static int[] pixels(byte[] image) {
        try {
            BufferedImage read = ImageIO.read(new java.io.ByteArrayInputStream(image));
            return read.getRGB(0, 0, read.getWidth(), read.getHeight(), null, 0, read.getWidth());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code image} holds {@code text} (as Latin-1 bytes). */
    public static boolean contains(byte[] image, String text) {
        return new String(image, StandardCharsets.ISO_8859_1).contains(text);
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] data) {
        int length = data.length + 2;
        out.write(0xff);
        out.write(marker);
        out.write(length >> 8);
        out.write(length & 0xff);
        out.writeBytes(data);
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = ascii(type);
        out.write(data.length >>> 24);
        out.write(data.length >>> 16 & 0xff);
        out.write(data.length >>> 8 & 0xff);
        out.write(data.length & 0xff);
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        long c = crc.getValue();
        out.write((int) (c >>> 24));
        out.write((int) (c >>> 16 & 0xff));
        out.write((int) (c >>> 8 & 0xff));
        out.write((int) (c & 0xff));
    }

    private static byte[] deflated(String text) {
        Deflater deflater = new Deflater();
        deflater.setInput(text.getBytes(StandardCharsets.ISO_8859_1));
        deflater.finish();
        byte[] buffer = new byte[256];
        int n = deflater.deflate(buffer);
        deflater.end();
        return java.util.Arrays.copyOf(buffer, n);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
