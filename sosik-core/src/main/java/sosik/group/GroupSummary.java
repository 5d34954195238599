package sosik.group;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import sosik.article.PressNames;

/**
 * Where a story started, read from all the members of its group: the first report, the wire
 * original, the reprints and how many outlets carried it.
 *
 * @param groupId     the group
 * @param members     every member, first report first (earliest publication; on the same instant
 *     a wire service first, then by id; undated members last)
 * @param firstId     the first report's id
 * @param wireId      the wire original's id: the member from a wire service ({@link #WIRES}) that
 *     the most members of other presses reprinted, the earliest of them on a tie (and when none was
 *     reprinted), or null when no wire service carried the story
 * @param reprintIds  members of other presses whose text is almost the wire original's
 *     ({@link GroupPolicy#reprintSimilarity()})
 * @param outlets     how many presses carried it (members without a press count as one each)
 */
public record GroupSummary(
    String groupId, List<GroupMember> members, String firstId, String wireId, Set<String> reprintIds, int outlets) {
  /** The wire services whose copy others reprint. */
  public static final List<String> WIRES = List.of("연합뉴스", "뉴시스", "뉴스1");

  public GroupSummary {
    members = List.copyOf(members);
    reprintIds = Set.copyOf(reprintIds);
  }

  public static boolean isWire(String press) {
    if (press == null) {
      return false;
    }
    for (String w : WIRES) {
      if (PressNames.same(w, press)) {
        return true;
      }
    }
    return false;
  }

  public static GroupSummary of(String groupId, List<GroupMember> all, GroupPolicy policy) {
    List<GroupMember> members = new ArrayList<>(all);
    members.sort(Comparator.comparing(GroupMember::publishedAt, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(m -> isWire(m.press()) ? 0 : 1)
        .thenComparing(GroupMember::id));
    String first = members.isEmpty() ? null : members.get(0).id();
    // a group may hold the own reports of several wire services (joined by the event rule): the
    // original is the one the others reprinted most, the earliest of those on a tie
    GroupMember wire = null;
    Set<String> reprints = new LinkedHashSet<>();
    for (GroupMember w : members) {
      if (!isWire(w.press())) {
        continue;
      }
      Set<String> of = new LinkedHashSet<>();
      for (GroupMember m : members) {
        if (m != w && !PressNames.same(m.press(), w.press())
            && m.signature().similarity(w.signature()) >= policy.reprintSimilarity()) {
          of.add(m.id());
        }
      }
      if (wire == null || of.size() > reprints.size()) {
        wire = w;
        reprints = of;
      }
    }
    Set<String> presses = new LinkedHashSet<>();
    int unnamed = 0;
    for (GroupMember m : members) {
      if (m.press() == null) {
        unnamed++;
      } else {
        presses.add(PressNames.canonical(m.press()).replaceAll("\\s+", "").toLowerCase(java.util.Locale.ROOT));
      }
    }
    return new GroupSummary(groupId, members, first, wire == null ? null : wire.id(), reprints, presses.size() + unnamed);
  }

  public int size() {
    return members.size();
  }

  public boolean isFirst(String id) {
    return id.equals(firstId);
  }

  public boolean isWireOriginal(String id) {
    return id.equals(wireId);
  }

  public boolean isReprint(String id) {
    return reprintIds.contains(id);
  }

  /** The page's words for a member: 최초 보도, 통신 원문, 전재 (several may apply). */
  public List<String> labels(String id) {
    List<String> l = new ArrayList<>(3);
    if (size() > 1 && isFirst(id)) {
      l.add("최초 보도");
    }
    if (size() > 1 && isWireOriginal(id)) {
      l.add("통신 원문");
    }
    if (isReprint(id)) {
      l.add("전재");
    }
    return l;
  }
}
