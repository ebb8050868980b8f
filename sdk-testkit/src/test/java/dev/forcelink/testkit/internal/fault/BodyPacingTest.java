package dev.forcelink.testkit.internal.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BodyPacingTest {

    @Test
    void dribbleCutsTheBodyIntoEvenPiecesSpreadOverTheTotal() {
        List<BodyPacing.Slice> slices = BodyPacing.dribble(4, Duration.ofSeconds(2)).slices(10);

        assertThat(slices).containsExactly(
                new BodyPacing.Slice(0, 2, Duration.ofMillis(500)),
                new BodyPacing.Slice(2, 5, Duration.ofSeconds(1)),
                new BodyPacing.Slice(5, 7, Duration.ofMillis(1500)),
                new BodyPacing.Slice(7, 10, Duration.ofSeconds(2)));
        assertThat(BodyPacing.dribble(4, Duration.ofSeconds(2)).end()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aBodyShorterThanTheChunksGoesOneByteAPieceAndStillEndsAtTheTotal() {
        List<BodyPacing.Slice> slices = BodyPacing.dribble(10, Duration.ofSeconds(1)).slices(3);

        assertThat(slices).hasSize(3).allMatch(slice -> slice.to() - slice.from() == 1);
        assertThat(slices.get(2).at()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void stallSendsAFewBytesAtOnceThenTheRestAfterTheStall() {
        BodyPacing stall = BodyPacing.stall(Duration.ofSeconds(3), false);

        assertThat(stall.slices(100)).containsExactly(new BodyPacing.Slice(0, 8, Duration.ZERO),
                new BodyPacing.Slice(8, 100, Duration.ofSeconds(3)));
        assertThat(stall.slices(5)).containsExactly(new BodyPacing.Slice(0, 2, Duration.ZERO),
                new BodyPacing.Slice(2, 5, Duration.ofSeconds(3)));
        assertThat(stall.slices(1)).containsExactly(new BodyPacing.Slice(0, 1, Duration.ofSeconds(3)));
        assertThat(stall.dropsConnection()).isFalse();
    }

    @Test
    void stallThenDropNeverSendsTheRest() {
        BodyPacing drop = BodyPacing.stall(Duration.ofSeconds(3), true);

        assertThat(drop.slices(100)).containsExactly(new BodyPacing.Slice(0, 8, Duration.ZERO));
        assertThat(drop.dropsConnection()).isTrue();
        assertThat(drop.end()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void describesItselfForTheJournal() {
        assertThat(BodyPacing.dribble(4, Duration.ofSeconds(2))).hasToString("dribble body in 4 chunks over PT2S");
        assertThat(BodyPacing.dribble(1, Duration.ofSeconds(2))).hasToString("dribble body in 1 chunk over PT2S");
        assertThat(BodyPacing.stall(Duration.ofMillis(300), false)).hasToString("stall body PT0.3S");
        assertThat(BodyPacing.stall(Duration.ofMillis(300), true))
                .hasToString("stall body PT0.3S then drop connection");
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> BodyPacing.dribble(0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 chunk");
        assertThatThrownBy(() -> BodyPacing.dribble(2, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dribble time");
        assertThatThrownBy(() -> BodyPacing.stall(Duration.ofMillis(-1), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stall");
        assertThatThrownBy(() -> BodyPacing.stall(null, false)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> BodyPacing.dribble(2, Duration.ZERO).slices(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
