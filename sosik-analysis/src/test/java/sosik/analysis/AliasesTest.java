package sosik.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trust, manual override, removal and the file of {@link Aliases}. */
class AliasesTest {
  static final String DEFINES = "과학기술정보통신부(과기부)는 오늘 발표했다.";

  @Test
  void aPairSeenOnceIsOnlyACandidate() {
    Aliases a = new Aliases();
    a.observe("a1", "한빛일보", DEFINES);
    assertThat(a.entries()).hasSize(1);
    assertThat(a.inUse()).isEmpty();
    assertThat(a.variants("과기부")).isEmpty();
  }

  @Test
  void twoArticlesFromTwoPressesOrThreeArticlesMakeItTrusted() {
    Aliases two = new Aliases();
    two.observe("a1", "한빛일보", DEFINES);
    two.observe("a2", "새날경제", DEFINES);
    assertThat(two.variants("과기부")).containsExactly("과학기술정보통신부");
    assertThat(two.variants("과학기술정보통신부")).containsExactly("과기부");

    Aliases samePress = new Aliases();
    samePress.observe("a1", "한빛일보", DEFINES);
    samePress.observe("a2", "한빛일보", DEFINES);
    assertThat(samePress.inUse()).isEmpty();
    samePress.observe("a3", "한빛일보", DEFINES);
    assertThat(samePress.variants("과기부")).containsExactly("과학기술정보통신부");
  }

  @Test
  void theSameArticleAgainCountsOnce() {
    Aliases a = new Aliases();
    for (int i = 0; i < 5; i++) {
      a.observe("a1", "한빛일보", DEFINES);
    }
    assertThat(a.entries().get(0).articles()).isEqualTo(1);
    assertThat(a.inUse()).isEmpty();
  }

  @Test
  void theMostSeenLongFormOfAShortFormWinsAndManualOverrides() {
    Aliases a = new Aliases();
    for (int i = 0; i < 4; i++) {
      a.observe("m" + i, "p" + i, "마이크로소프트(MS) 발표");
    }
    for (int i = 0; i < 3; i++) {
      a.observe("n" + i, "p" + i, "모건스탠리(MS) 보고서");
    }
    assertThat(a.variants("MS")).containsExactly("마이크로소프트");
    assertThat(a.variants("모건스탠리")).isEmpty();
    a.add("MS", "모건스탠리");
    assertThat(a.variants("ms")).containsExactly("모건스탠리");
  }

  @Test
  void aRemovedLearnedPairIsNotLearnedAgain() {
    Aliases a = new Aliases();
    a.observe("a1", "한빛일보", DEFINES);
    a.observe("a2", "새날경제", DEFINES);
    assertThat(a.remove("과기부", "과학기술정보통신부")).isTrue();
    a.observe("a3", "솔섬일보", DEFINES);
    assertThat(a.variants("과기부")).isEmpty();
    assertThat(a.remove("없는말", "아무것")).isFalse();
  }

  @Test
  void badPairsAreRefusedNamingThem() {
    Aliases a = new Aliases();
    assertThatThrownBy(() -> a.add("", "과학기술정보통신부")).hasMessageContaining("short form is empty");
    assertThatThrownBy(() -> a.add("과기부", " ")).hasMessageContaining("long form is empty");
    assertThatThrownBy(() -> a.add("AI", "ai")).hasMessageContaining("'AI' = 'ai'").hasMessageContaining("the same");
    assertThatThrownBy(() -> a.add("…", "과학")).hasMessageContaining("no letter or digit");
  }

  @Test
  void savedAndLoadedAsItWas(@TempDir Path dir) throws Exception {
    Aliases a = new Aliases();
    a.observe("a1", "한빛일보", DEFINES);
    a.observe("a2", "새날경제", DEFINES);
    a.add("국힘", "국민의힘");
    Path f = dir.resolve(Aliases.FILE);
    a.save(f);
    Aliases b = Aliases.load(f);
    assertThat(b.variants("과기부")).containsExactly("과학기술정보통신부");
    assertThat(b.variants("국민의힘")).containsExactly("국힘");
    assertThat(b.entries()).hasSize(2);
    assertThat(b.entries().get(0).presses()).containsExactlyInAnyOrder("한빛일보", "새날경제");

    Files.writeString(f, "과기부\t과학기술정보통신부\tmaybe\t1\n");
    assertThatThrownBy(() -> Aliases.load(f)).hasMessageContaining("line 1").hasMessageContaining("unknown state 'maybe'");
  }

  @Test
  void fromSettingsReadsShortEqualsLongLines() {
    Aliases a = Aliases.fromSettings(List.of("# pairs", "과기부=과학기술정보통신부", "", "MS = 마이크로소프트"));
    assertThat(a.variants("MS")).containsExactly("마이크로소프트");
    assertThat(a.variants("과학기술정보통신부")).containsExactly("과기부");
    assertThatThrownBy(() -> Aliases.fromSettings(List.of("과기부 과학기술정보통신부")))
        .hasMessageContaining("alias setting 1").hasMessageContaining("SHORT=LONG");
  }
}
