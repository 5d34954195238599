package sosik.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NewsDictionaryEntriesTest {
  @Test
  void entries_given_as_a_list_join_the_bundled_words() {
    NewsDictionary d = NewsDictionary.of("settings", List.of("솔빛나노텍 솔빛 나노텍", "# a comment", "  한울칩  "));
    assertThat(d.userEntries()).containsExactly("솔빛나노텍 솔빛 나노텍", "한울칩");
    assertThat(d.bundledEntries()).isEqualTo(NewsDictionary.load(null).bundledEntries());
    assertThat(d.words()).contains("솔빛나노텍", "한울칩");
  }

  @Test
  void a_bad_entry_is_rejected_naming_the_source_and_its_position() {
    assertThatThrownBy(() -> NewsDictionary.of("index settings", List.of("한울칩", "한울-칩")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("index settings line 2").hasMessageContaining("'한울-칩'");
  }

  @Test
  void the_same_entries_give_the_same_fingerprint_as_a_file() throws Exception {
    java.nio.file.Path f = java.nio.file.Files.createTempFile("userdict", ".txt");
    try {
      java.nio.file.Files.writeString(f, "한울칩\n솔빛나노텍 솔빛 나노텍\n");
      assertThat(NewsDictionary.of("x", List.of("한울칩", "솔빛나노텍 솔빛 나노텍")).fingerprint())
          .isEqualTo(NewsDictionary.load(f).fingerprint());
    } finally {
      java.nio.file.Files.delete(f);
    }
  }
}
