package vn.hopso.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Plain unit tests of the Vietnamese search and sort keys (no application needed). */
class VietnameseTextTest {

  // ---------------------------------------------------------------- cutting to a column

  private static final String EMOJI = "\uD83D\uDE00"; // 😀, two UTF-16 chars

  @Test
  void aCutNeverSplitsASurrogatePair() {
    String text = "ab" + EMOJI + "cd";
    assertEquals("ab", Texts.cut(text, 3), "the pair across the boundary goes whole");
    assertEquals("ab" + EMOJI, Texts.cut(text, 4));
    assertEquals("ab" + EMOJI + "c", Texts.cut(text, 5));
    assertEquals(text, Texts.cut(text, 6));
    assertEquals("", Texts.cut(EMOJI, 1));
    assertEquals(null, Texts.cut(null, 3));
    assertEquals("ab…", Texts.fit(text, 4), "an ellipsis after the cut, within the limit");
    assertEquals("ab" + EMOJI + "…", Texts.fit(text, 5));
  }

  @Test
  void aLongSearchKeyIsCutWithoutALoneSurrogate() {
    String key = VietnameseText.searchKey("a".repeat(Limits.SEARCH_KEY - 1) + EMOJI);
    assertEquals(Limits.SEARCH_KEY - 1, key.length());
    assertTrue(Character.isLetter(key.charAt(key.length() - 1)), "ends with a, not half an emoji");
  }

  // ---------------------------------------------------------------- fold

  @Test
  void foldDropsCaseAndDiacritics() {
    assertEquals("thieu hoa", VietnameseText.fold("Thiệu Hóa"));
    assertEquals("huyen thieu hoa", VietnameseText.fold("HUYỆN THIỆU HÓA"));
    assertEquals("nguyen thi bich ngoc", VietnameseText.fold("Nguyễn Thị Bích Ngọc"));
    assertEquals("a a a e e i o o o u u y", VietnameseText.fold("ă â á ê ế í ơ ờ ộ ư ữ ỷ"));
  }

  @Test
  void foldTurnsDStrokeIntoD() {
    assertEquals("dong", VietnameseText.fold("Đông"));
    assertEquals("dak lak", VietnameseText.fold("Đắk Lắk"));
    assertEquals("dd", VietnameseText.fold("đĐ"));
  }

  @Test
  void foldTreatsComposedAndDecomposedTextAlike() {
    String composed = "Hòa"; // U+00F2
    String decomposed = "Hoa\u0300"; // o + combining grave
    assertEquals(VietnameseText.fold(composed), VietnameseText.fold(decomposed));
    assertEquals("hoa", VietnameseText.fold(decomposed));
  }

  @Test
  void foldCollapsesWhitespaceAndIsNullSafe() {
    assertEquals("xa anh", VietnameseText.fold("  Xã \t  Ánh \n"));
    assertEquals("", VietnameseText.fold(null));
    assertEquals("", VietnameseText.fold("   "));
  }

  @Test
  void searchKeyJoinsFoldedParts() {
    assertEquals("hn-01 ha noi", VietnameseText.searchKey("HN-01", "Hà Nội", null, ""));
    assertEquals("", VietnameseText.searchKey());
  }

  // ---------------------------------------------------------------- searchWords

  @Test
  void searchWordsAreFoldedWords() {
    assertEquals(List.of("thieu", "hoa"), VietnameseText.searchWords("  Thiệu   HÓA "));
    assertEquals(List.of("dong"), VietnameseText.searchWords("Đông"));
    assertEquals(List.of("nguyen", "an"), VietnameseText.searchWords("nguyen an"));
  }

  @Test
  void emptyQueryHasNoWords() {
    assertEquals(List.of(), VietnameseText.searchWords(null));
    assertEquals(List.of(), VietnameseText.searchWords(""));
    assertEquals(List.of(), VietnameseText.searchWords("   "));
  }

  @Test
  void everyWordOfAFoldedQueryOccursInTheFoldedText() {
    String key = VietnameseText.searchKey("Huyện Thiệu Hóa");
    List<String> words = VietnameseText.searchWords("thieu hoa");
    // the loop below must have something to check
    assertEquals(List.of("thieu", "hoa"), words);
    for (String word : words) {
      assertTrue(key.contains(word), word + " in " + key);
    }
  }

  @Test
  void likePatternEscapesWildcards() {
    assertEquals("%abc%", VietnameseText.likePattern("abc"));
    assertEquals("%50!%!_x!!%", VietnameseText.likePattern("50%_x!"));
  }

  // ---------------------------------------------------------------- sortKey

  @Test
  void sortKeyGivesVietnameseAlphabeticalOrder() {
    assertEquals(
        List.of("Xã Anh", "Xã Ánh", "Xã Dương", "Xã Đông"),
        sorted(List.of("Xã Đông", "Xã Dương", "Xã Ánh", "Xã Anh"), VietnameseText::sortKey));
  }

  @Test
  void sortKeyPutsABreveAndACircumflexAfterA() {
    // Vietnamese alphabet: a ă â b c d đ e ê … o ô ơ … u ư
    assertEquals(
        List.of(
            "An", "Ăn", "Ân", "Bắc", "Dũng", "Đức", "Em", "Êm", "Ong", "Ông", "Ơn", "Út", "Ưng"),
        sorted(
            List.of(
                "Ưng", "Út", "Ơn", "Ông", "Ong", "Êm", "Em", "Đức", "Dũng", "Bắc", "Ân", "Ăn",
                "An"),
            VietnameseText::sortKey));
  }

  @Test
  void sortKeyPutsTonesAfterTheBaseLetter() {
    List<String> names = List.of("Ánh", "Anh", "Ba", "Bà", "Bá");
    List<String> result = sorted(names, VietnameseText::sortKey);
    assertEquals("Anh", result.get(0));
    assertEquals("Ánh", result.get(1));
    assertEquals("Ba", result.get(2));
  }

  @Test
  void sortKeyIgnoresExtraWhitespaceAndIsHex() {
    assertEquals(VietnameseText.sortKey("Xã Anh"), VietnameseText.sortKey("  Xã   Anh "));
    assertTrue(VietnameseText.sortKey("Đông").matches("[0-9a-f]+"));
    assertEquals(VietnameseText.sortKey(""), VietnameseText.sortKey(null));
  }

  // ---------------------------------------------------------------- personSortKey

  @Test
  void peopleSortByGivenNameFirst() {
    assertEquals(
        List.of("Trần Văn An", "Nguyễn Thị Bình", "Lê Văn Cường"),
        sorted(
            List.of("Lê Văn Cường", "Nguyễn Thị Bình", "Trần Văn An"),
            VietnameseText::personSortKey));
  }

  @Test
  void shorterGivenNameSortsBeforeALongerOne() {
    // "An" < "Anh" even though "Nguyễn" < "Trần"
    assertEquals(
        List.of("Trần Văn An", "Nguyễn Văn Anh"),
        sorted(List.of("Nguyễn Văn Anh", "Trần Văn An"), VietnameseText::personSortKey));
  }

  @Test
  void sameGivenNameSortsByTheRestOfTheName() {
    // đ is its own letter right after d, so "Đỗ" comes before "Lê"
    assertEquals(
        List.of("Đỗ Văn An", "Lê Văn An", "Nguyễn Văn An", "Trần Văn An"),
        sorted(
            List.of("Trần Văn An", "Đỗ Văn An", "Lê Văn An", "Nguyễn Văn An"),
            VietnameseText::personSortKey));
  }

  @Test
  void givenNameUsesVietnameseOrderToo() {
    assertEquals(
        List.of("Lê Văn Dũng", "Trần Văn Đạt", "Phạm Thị Em"),
        sorted(
            List.of("Phạm Thị Em", "Trần Văn Đạt", "Lê Văn Dũng"), VietnameseText::personSortKey));
  }

  @Test
  void singleWordNameAndNullAreHandled() {
    assertEquals(
        List.of("An", "Bình"), sorted(List.of("Bình", "An"), VietnameseText::personSortKey));
    assertEquals(VietnameseText.personSortKey(""), VietnameseText.personSortKey(null));
  }

  /** Sorts by the binary (String) order of the key, as the database does. */
  private static List<String> sorted(List<String> names, Function<String, String> key) {
    List<String> copy = new ArrayList<>(names);
    copy.sort(Comparator.comparing(key));
    return copy;
  }
}
