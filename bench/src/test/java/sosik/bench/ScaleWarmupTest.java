package sosik.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScaleWarmupTest {

  @Test
  void warmupTakesPassesOrAuto() {
    assertThat(ScaleBench.warmup("8")).isEqualTo(8);
    assertThat(ScaleBench.warmup("0")).isZero();
    assertThat(ScaleBench.warmup("auto")).isEqualTo(ScaleBench.WARMUP_AUTO);
    assertThatThrownBy(() -> ScaleBench.warmup("-1")).hasMessageContaining("--warmup -1").hasMessageContaining("negative");
    assertThatThrownBy(() -> ScaleBench.warmup("lots")).hasMessageContaining("--warmup lots").hasMessageContaining("auto");
  }

  @Test
  void theCompilerHasSettledAfterThreeQuietPasses() {
    // {wall ms, compiling ms}
    assertThat(ScaleBench.settled(List.of())).isFalse();
    assertThat(ScaleBench.settled(List.of(new long[] {600, 0}, new long[] {600, 0}))).as("two passes are not enough").isFalse();
    assertThat(ScaleBench.settled(List.of(new long[] {900, 500}, new long[] {600, 6}, new long[] {600, 6}, new long[] {600, 0})))
        .isTrue();
    assertThat(ScaleBench.settled(List.of(new long[] {600, 0}, new long[] {600, 0}, new long[] {600, 7})))
        .as("7 of 600 ms is over 1%").isFalse();
    assertThat(ScaleBench.settled(List.of(new long[] {600, 200}, new long[] {600, 0}, new long[] {600, 0}))).isFalse();
  }
}
