package sosik.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** New-word proposals on hand-written text: 솔빛나노텍 is an invented company Nori cuts into pieces. */
class NewWordFinderTest {
  static final List<String> TEXTS = List.of(
      "솔빛나노텍이 대전에 새 공장을 지었다고 밝혔다.",
      "솔빛나노텍의 이차전지 소재가 주목을 받고 있다고 밝혔다.",
      "업계는 솔빛나노텍을 유력한 후보로 꼽았다고 밝혔다.",
      "솔빛나노텍은 내년 양산에 들어간다고 밝혔다.",
      "정부는 지역 산업단지 지원을 늘린다고 밝혔다.");

  static NewWordFinder finder(NewsDictionary d) {
    NewWordFinder f = new NewWordFinder(d, 3);
    for (int i = 0; i < TEXTS.size(); i++) {
      f.add("t" + i, TEXTS.get(i));
    }
    return f;
  }

  @Test
  void aRecurringNounNoriCutsIsProposedWithCountsAndAnExample() {
    List<NewWordFinder.Suggestion> s = finder(NewsDictionary.load(null)).suggestions(10);
    assertThat(s).extracting(NewWordFinder.Suggestion::word).containsExactly("솔빛나노텍");
    NewWordFinder.Suggestion top = s.get(0);
    assertThat(top.texts()).isEqualTo(4);
    assertThat(top.noriPieces()).hasSizeGreaterThan(1);
    assertThat(top.example()).contains("솔빛나노텍");
    assertThat(top.exampleId()).isEqualTo("t0");
  }

  @Test
  void verbFormsAndWordsWithParticlesAreNotProposed() {
    List<String> words = finder(NewsDictionary.load(null)).suggestions(100).stream().map(NewWordFinder.Suggestion::word).toList();
    assertThat(words).doesNotContain("밝혔다", "밝혔", "솔빛나노텍이", "솔빛나노텍의", "솔빛나");
  }

  @Test
  void aWordTheDictionaryHoldsIsNotProposed() throws Exception {
    java.nio.file.Path f = java.nio.file.Files.createTempFile("userdict", ".txt");
    java.nio.file.Files.writeString(f, "솔빛나노텍\n");
    assertThat(finder(NewsDictionary.load(f)).suggestions(10)).isEmpty();
    java.nio.file.Files.delete(f);
  }

  @Test
  void aMinimumCountBelowOneIsRefused() {
    assertThatThrownBy(() -> new NewWordFinder(NewsDictionary.load(null), 0)).hasMessageContaining("minimum count").hasMessageContaining("0");
  }
}
