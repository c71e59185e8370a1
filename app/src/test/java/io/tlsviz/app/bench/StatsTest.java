package io.tlsviz.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void medianOfAnOddCountIsTheMiddleValue() {
        assertThat(Stats.of(List.of(9.0, 1.0, 5.0)).median()).isEqualTo(5.0);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(Stats.of(List.of(4.0, 1.0, 3.0, 10.0)).median()).isEqualTo(3.5);
    }

    @Test
    void percentileIsNearestRank() {
        double[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(Stats.percentile(sorted, 90)).isEqualTo(9);
        assertThat(Stats.percentile(sorted, 91)).isEqualTo(10);
        assertThat(Stats.percentile(sorted, 100)).isEqualTo(10);
        assertThat(Stats.percentile(new double[] {7}, 90)).isEqualTo(7);
    }

    @Test
    void extremesAndCount() {
        Stats s = Stats.of(List.of(3.0, -1.0, 8.0));
        assertThat(s.min()).isEqualTo(-1.0);
        assertThat(s.max()).isEqualTo(8.0);
        assertThat(s.count()).isEqualTo(3);
    }

    @Test
    void anEmptySampleHasNoStatistics() {
        assertThatThrownBy(() -> Stats.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
