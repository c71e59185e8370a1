package io.tlsviz.engine.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.engine.Field;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checker itself must notice each way a parse can go wrong. */
class TilingCheckTest {
    private static final byte[] BYTES = {1, 2, 3, 4};

    private static Field leaf(String path, int offset, int length, String hex) {
        return new Field("x", path, offset, length, hex, "", "m", false, List.of());
    }

    private static Field root(Field... children) {
        return new Field("root", "record", 0, 4, "01020304", "", "m", false, List.of(children));
    }

    @Test
    void exactTilingHasNoProblems() {
        assertThat(TilingCheck.problems(root(leaf("record.a", 0, 1, "01"), leaf("record.b", 1, 3, "020304")), BYTES))
                .isEmpty();
    }

    @Test
    void reportsGapOverlapWrongHexAndBadPaths() {
        assertThat(TilingCheck.problems(root(leaf("record.a", 0, 1, "01"), leaf("record.b", 2, 2, "0304")), BYTES))
                .containsExactly("record.b starts at 2 but the previous leaf ended at 1");
        assertThat(TilingCheck.problems(root(leaf("record.a", 0, 2, "0102"), leaf("record.b", 1, 3, "020304")), BYTES))
                .contains("record.b starts at 1 but the previous leaf ended at 2");
        assertThat(TilingCheck.problems(root(leaf("record.a", 0, 1, "01"), leaf("record.b", 1, 3, "ffffff")), BYTES))
                .containsExactly("record.b hex differs from the bytes at offset 1");
        assertThat(TilingCheck.problems(root(leaf("record.a", 0, 1, "01"), leaf("other.b", 1, 3, "020304")), BYTES))
                .contains("other.b does not extend its parent's path record");
        assertThat(TilingCheck.problems(root(leaf("record.a", 0, 1, "01"), leaf("record.a", 1, 3, "020304")), BYTES))
                .containsExactly("duplicate path record.a");
        assertThat(TilingCheck.problems(root(leaf("record.a", 0, 1, "01")), BYTES))
                .contains("leaves end at 1 but there are 4 bytes");
    }
}
