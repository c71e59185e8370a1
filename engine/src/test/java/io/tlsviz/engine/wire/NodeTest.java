package io.tlsviz.engine.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.engine.Field;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeTest {
    @Test
    void repeatedSegmentsGetNumberedPathsAlsoPastTheFirstFewChildren() {
        byte[] data = new byte[20];
        Node root = Node.root(data, false, "record", "Record");
        root.run(n -> {
            for (int i = 0; i < 12; i++) {
                n.u8("entry", "Entry", Long::toString, "one of many");
            }
            // A literal segment that looks like a numbered one must not take a numbered one's path twice.
            n.u8("entry_3", "Entry", Long::toString, "named like the third");
            n.u8("other", "Other", Long::toString, "a different name");
        });
        List<String> paths = root.build().children().stream().map(Field::path).toList();

        assertThat(paths).startsWith("record.entry", "record.entry_2", "record.entry_3", "record.entry_4")
                .contains("record.entry_12", "record.other").doesNotHaveDuplicates().hasSize(15);
        assertThat(paths.get(12)).isEqualTo("record.entry_3_2");
        assertThat(paths.get(14)).isEqualTo("record.unparsed");
    }
}
