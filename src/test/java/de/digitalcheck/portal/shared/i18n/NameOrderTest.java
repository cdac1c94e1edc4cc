package de.digitalcheck.portal.shared.i18n;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class NameOrderTest {

    @Test
    void namesAreInGermanOrderWhateverTheirCase() {
        List<String> names = List.of("Zentrales Innovationsprogramm", "go-digital", "Ärztehaus Nord", "ERP-Förderkredit",
            "Arztpraxis Süd", "InnoScheck.Ruhr", "Go-Digital", "äbte");
        assertThat(NameOrder.sorted(names, Function.identity())).containsExactly("äbte", "Ärztehaus Nord",
            "Arztpraxis Süd", "ERP-Förderkredit", "Go-Digital", "go-digital", "InnoScheck.Ruhr",
            "Zentrales Innovationsprogramm");
    }

    @Test
    void theOrderIsTotalAndLeavesTheListAlone() {
        List<String> names = List.of("b", "B", "a");
        assertThat(NameOrder.sorted(names, Function.identity())).containsExactly("a", "B", "b");
        assertThat(NameOrder.sorted(List.of("b", "B", "a"), Function.identity()))
            .isEqualTo(NameOrder.sorted(List.of("B", "a", "b"), Function.identity()));
        assertThat(names).containsExactly("b", "B", "a");
    }
}
