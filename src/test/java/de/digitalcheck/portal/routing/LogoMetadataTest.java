package de.digitalcheck.portal.routing;

import de.digitalcheck.portal.support.TaggedImages;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A logo loses what a camera, a phone or an editor wrote beside its image (a person's name, a GPS position, a camera,
 * a thumbnail, data after its end) and keeps its pixels exactly and what says how its colours are shown.
 */
class LogoMetadataTest {

    @Test
    void aJpegLosesExifXmpIptcCommentsTheThumbnailAndWhatFollowsItsEndAndKeepsItsPixelsAndColours() {
        byte[] tagged = TaggedImages.jpeg();
        assertThat(TaggedImages.contains(tagged, TaggedImages.PERSON)).as("the test's image carries them").isTrue();

        byte[] stripped = LogoMetadata.stripped("image/jpeg", tagged);

        for (String text : List.of(TaggedImages.PERSON, TaggedImages.PLACE, TaggedImages.CAMERA, "Exif", "xmpmeta",
            "Photoshop", "8BIM", "MPF", "Max Mu")) {
            assertThat(TaggedImages.contains(stripped, text)).as(text).isFalse();
        }
        assertThat(markers(tagged).stream().filter(LogoMetadataTest::metadata))
            .containsExactly(0xe0, 0xe1, 0xe1, 0xe2, 0xed, 0xee, 0xfe);
        assertThat(markers(stripped).stream().filter(LogoMetadataTest::metadata)).as("JFIF, ICC profile, Adobe")
            .containsExactly(0xe0, 0xe2, 0xee);
        assertThat(markers(stripped).stream().filter(m -> !metadata(m)))
            .containsExactlyElementsOf(markers(tagged).stream().filter(m -> !metadata(m)).toList());
        assertThat(Arrays.copyOfRange(stripped, 2, 20)).as("JFIF's header without a thumbnail").containsExactly(
            0xff, 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 2, 0, 0, 1, 0, 1, 0, 0);
        assertThat(TaggedImages.contains(stripped, "ICC_PROFILE")).isTrue();
        assertThat(TaggedImages.contains(stripped, "Adobe")).isTrue();
        assertThat(stripped[stripped.length - 2] & 0xff).isEqualTo(0xff);
        assertThat(stripped[stripped.length - 1] & 0xff).as("it ends with its image").isEqualTo(0xd9);
        assertThat(TaggedImages.pixels(stripped)).isEqualTo(TaggedImages.pixels(tagged));
        assertThat(AgencyAdministration.complete("image/jpeg", stripped)).isTrue();
        assertThat(AgencyAdministration.readableImage(stripped)).isTrue();
    }

    @Test
    void aPngLosesItsTextExifTimeAndOwnChunksAndWhatFollowsIendAndKeepsItsPixelsAndColours() {
        byte[] tagged = TaggedImages.png();

        byte[] stripped = LogoMetadata.stripped("image/png", tagged);

        for (String text : List.of(TaggedImages.PERSON, TaggedImages.PLACE, TaggedImages.CAMERA, "tEXt", "zTXt",
            "iTXt", "eXIf", "tIME", "prVt")) {
            assertThat(TaggedImages.contains(stripped, text)).as(text).isFalse();
        }
        assertThat(chunks(stripped)).containsExactly("IHDR", "gAMA", "pHYs", "IDAT", "IEND");
        assertThat(TaggedImages.pixels(stripped)).isEqualTo(TaggedImages.pixels(tagged));
        assertThat(AgencyAdministration.complete("image/png", stripped)).isTrue();
        assertThat(AgencyAdministration.readableImage(stripped)).isTrue();
    }

    /** What ImageIO writes has no metadata to lose: the same bytes. */
    @Test
    void anImageWithoutMetadataStaysAsItIs() {
        for (String format : List.of("png", "jpeg")) {
            byte[] plain = TaggedImages.plain(format);
            assertThat(LogoMetadata.stripped("image/" + format, plain)).as(format).isEqualTo(plain);
        }
    }

    /** A file whose segments or chunks do not reach its end is refused rather than stored with what it carries. */
    @Test
    void aFileWhoseStructureCannotBeFollowedIsRefused() {
        byte[] png = TaggedImages.png();
        byte[] jpeg = TaggedImages.jpeg();
        for (byte[] cut : List.of(Arrays.copyOf(png, 60), Arrays.copyOf(png, png.length - 40))) {
            assertThatThrownBy(() -> LogoMetadata.stripped("image/png", cut))
                .isInstanceOf(IllegalArgumentException.class);
        }
        for (byte[] cut : List.of(Arrays.copyOf(jpeg, 60), Arrays.copyOf(jpeg, jpeg.length - 40))) {
            assertThatThrownBy(() -> LogoMetadata.stripped("image/jpeg", cut))
                .isInstanceOf(IllegalArgumentException.class);
        }
        byte[] longSegment = jpeg.clone();
        longSegment[4] = (byte) 0xff; // JFIF's length past the file's end
        assertThatThrownBy(() -> LogoMetadata.stripped("image/jpeg", longSegment))
            .isInstanceOf(IllegalArgumentException.class);
    }

    /** An application segment or a comment. */
    private static boolean metadata(int marker) {
        return marker >= 0xe0 && marker <= 0xef || marker == 0xfe;
    }

    /** The JPEG's markers before its first scan, after SOI. */
    private static List<Integer> markers(byte[] b) {
        List<Integer> markers = new ArrayList<>();
        int i = 2;
        while (i + 3 < b.length) {
            int marker = b[i + 1] & 0xff;
            markers.add(marker);
            if (marker == 0xda) {
                break;
            }
            i += 2 + (((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff));
        }
        return markers;
    }

    private static List<String> chunks(byte[] b) {
        List<String> chunks = new ArrayList<>();
        int i = 8;
        while (i + 8 <= b.length) {
            int length = ((b[i] & 0xff) << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
            chunks.add(new String(b, i + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
            i += 12 + length;
        }
        return chunks;
    }
}
